package qc.esac.kit.problem;

/** The addressed resource does not exist (or the caller may not know it exists). */
public class NotFoundException extends ProblemException {

    public NotFoundException(String code, Object... args) {
        super(code, args);
    }

    @Override
    public int status() {
        return 404;
    }

    @Override
    public String type() {
        return ProblemTypes.RESSOURCE_INTROUVABLE;
    }
}
