package qc.esac.kit.problem;

/** Valid input that a business rule refuses (e.g. enrolling in a full session). */
public class BusinessRuleException extends ProblemException {

    public BusinessRuleException(String code, Object... args) {
        super(code, args);
    }

    @Override
    public int status() {
        return 422;
    }

    @Override
    public String type() {
        return ProblemTypes.REGLE_D_AFFAIRES;
    }
}
