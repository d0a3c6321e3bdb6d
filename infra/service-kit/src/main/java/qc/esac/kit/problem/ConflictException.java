package qc.esac.kit.problem;

/** The request conflicts with the current state, typically a duplicate. */
public class ConflictException extends ProblemException {

    public ConflictException(String code, Object... args) {
        super(code, args);
    }

    @Override
    public int status() {
        return 409;
    }

    @Override
    public String type() {
        return ProblemTypes.CONFLIT;
    }
}
