package qc.esac.training;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Verification codes printed on attestations and certificates: 12 characters in three groups
 * ({@code K7QM-4TXA-9PRD}), from an alphabet without look-alikes (no 0/O, 1/I/L, U), unguessable
 * (~58 bits from a secure random source).
 */
public final class VerificationCodes {

    private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private VerificationCodes() {
    }

    public static String next() {
        StringBuilder code = new StringBuilder(14);
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }

    /** The code as typed by a person: case and spaces do not matter. */
    public static String normalize(String typed) {
        String compact = typed.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        if (compact.length() != 12) {
            return compact;
        }
        return compact.substring(0, 4) + "-" + compact.substring(4, 8) + "-" + compact.substring(8);
    }
}
