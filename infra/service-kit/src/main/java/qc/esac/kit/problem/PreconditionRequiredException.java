package qc.esac.kit.problem;

/** An update requires {@code If-Match} and none was sent, so lost updates are refused rather than risked. */
public class PreconditionRequiredException extends ProblemException {

    public PreconditionRequiredException(String code, Object... args) {
        super(code, args);
    }

    @Override
    public int status() {
        return 428;
    }

    @Override
    public String type() {
        return ProblemTypes.PRECONDITION_REQUISE;
    }
}
