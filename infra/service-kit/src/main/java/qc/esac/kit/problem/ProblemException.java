package qc.esac.kit.problem;

import java.util.Arrays;

/**
 * Base of the exceptions application and domain code throw to answer with a problem.
 *
 * <p>It carries a message <em>code</em> and arguments, never user-facing text: the web layer
 * resolves {@code problem.<code>.title} and {@code problem.<code>.detail} in the caller's
 * language. No Spring here, so domain packages may throw these freely.
 */
public abstract class ProblemException extends RuntimeException {

    private final String code;
    private final Object[] args;

    protected ProblemException(String code, Object... args) {
        super(describe(code, args));
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("A problem code is required");
        }
        this.code = code;
        this.args = args == null ? new Object[0] : args.clone();
    }

    /** Message code, e.g. {@code organisation.introuvable}. */
    public String code() {
        return code;
    }

    /** Arguments for the detail message ({0}, {1}, ... in the bundle). */
    public Object[] args() {
        return args.clone();
    }

    /** HTTP status this problem answers with. */
    public abstract int status();

    /**
     * Problem type URI. Subclasses of a service may override it to give a rule its own
     * stable type; by default it is the generic type of the status.
     */
    public String type() {
        return ProblemTypes.forStatus(status());
    }

    private static String describe(String code, Object[] args) {
        // For logs only: the code and its arguments, never translated text.
        return args == null || args.length == 0 ? code : code + " " + Arrays.toString(args);
    }
}
