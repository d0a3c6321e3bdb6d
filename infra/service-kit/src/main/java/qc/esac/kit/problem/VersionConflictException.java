package qc.esac.kit.problem;

/** The {@code If-Match} version is not the current one: the client must re-read before updating. */
public class VersionConflictException extends ProblemException {

    public VersionConflictException(String code, Object... args) {
        super(code, args);
    }

    @Override
    public int status() {
        return 412;
    }

    @Override
    public String type() {
        return ProblemTypes.VERSION_PERIMEE;
    }
}
