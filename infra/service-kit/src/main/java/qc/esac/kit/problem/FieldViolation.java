package qc.esac.kit.problem;

import java.util.List;
import java.util.Objects;

/**
 * One invalid field found by application code (not by Bean Validation).
 *
 * @param field JSON path of the field as the client sent it, e.g. {@code periode.fin}
 * @param code message code resolved in the caller's language, e.g. {@code periode.fin-avant-debut}
 * @param args arguments of that message
 */
public record FieldViolation(String field, String code, List<Object> args) {

    public FieldViolation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static FieldViolation of(String field, String code, Object... args) {
        return new FieldViolation(field, code, args == null ? List.of() : List.of(args));
    }
}
