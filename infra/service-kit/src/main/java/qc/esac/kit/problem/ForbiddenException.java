package qc.esac.kit.problem;

/** The caller is authenticated but may not do this (e.g. another organization's data). */
public class ForbiddenException extends ProblemException {

    public ForbiddenException(String code, Object... args) {
        super(code, args);
    }

    @Override
    public int status() {
        return 403;
    }

    @Override
    public String type() {
        return ProblemTypes.ACCES_REFUSE;
    }
}
