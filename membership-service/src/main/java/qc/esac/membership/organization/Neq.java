package qc.esac.membership.organization;

import java.util.Optional;

/**
 * The Quebec enterprise number (NEQ) rules. The registrar issues ten digits and publishes no check digit, so
 * we check what is certain rather than guess an algorithm that could refuse a real number: ten digits once the
 * spaces and hyphens people type are removed, not starting with 0, not a placeholder made of one repeated
 * digit.
 */
public final class Neq {

    private Neq() {
    }

    /** The NEQ as stored and published (ten digits), or empty when the input cannot be one. */
    public static Optional<String> normalize(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String digits = input.replaceAll("[\\s-]", "");
        if (!digits.matches("\\d{10}") || digits.charAt(0) == '0' || digits.chars().distinct().count() == 1) {
            return Optional.empty();
        }
        return Optional.of(digits);
    }
}
