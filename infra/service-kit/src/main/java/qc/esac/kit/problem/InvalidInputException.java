package qc.esac.kit.problem;

import java.util.Collection;
import java.util.List;

/**
 * Input that application code found invalid (400), optionally with the fields at fault.
 * Use Bean Validation first; this is for checks it cannot express (e.g. across documents).
 */
public class InvalidInputException extends ProblemException {

    /** Code used when only field violations are given. */
    public static final String DEFAULT_CODE = "donnees.invalides";

    private final List<FieldViolation> violations;

    public InvalidInputException(String code, Object... args) {
        super(code, args);
        this.violations = List.of();
    }

    public InvalidInputException(Collection<FieldViolation> violations) {
        super(DEFAULT_CODE);
        this.violations = List.copyOf(violations);
    }

    public static InvalidInputException of(FieldViolation... violations) {
        return new InvalidInputException(List.of(violations));
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public String type() {
        return ProblemTypes.DONNEES_INVALIDES;
    }
}
