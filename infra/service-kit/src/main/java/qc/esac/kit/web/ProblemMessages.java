package qc.esac.kit.web;

import java.net.URI;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;

import qc.esac.kit.problem.ProblemException;

/**
 * Turns message codes into localized problem details; shared by the MVC exception handler, the
 * error controller and the security entry points so that every error reads the same way.
 *
 * <p>Codes: {@code problem.<code>.title} / {@code problem.<code>.detail} for our own problems,
 * Spring's {@code problemDetail.title.<exception class>} / {@code problemDetail.<exception class>}
 * for framework exceptions, and {@code problem.status.<status>.title|detail} as the fallback.
 */
public class ProblemMessages {

    /** Extension member carrying the message code, so clients can switch on it. */
    public static final String CODE_PROPERTY = "code";
    /** Extension member listing invalid fields. */
    public static final String ERRORS_PROPERTY = "errors";

    private final MessageSource messageSource;

    public ProblemMessages(MessageSource messageSource) {
        this.messageSource = messageSource;
    }

    public MessageSource messageSource() {
        return messageSource;
    }

    /** Problem for one of our codes, with the status fallbacks when the bundle has no entry. */
    public ProblemDetail problem(int status, String type, String code, Object[] args, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create(type));
        problem.setTitle(first(locale, null, "problem." + code + ".title", statusCode(status, "title"),
                classCode(status, "title")));
        problem.setDetail(first(locale, args, "problem." + code + ".detail", statusCode(status, "detail"),
                classCode(status, "detail")));
        problem.setProperty(CODE_PROPERTY, code);
        return problem;
    }

    /** Problem known only by its status (container errors): generic texts, no code. */
    public ProblemDetail statusProblem(int status, String type, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create(type));
        problem.setTitle(statusTitle(status, locale));
        problem.setDetail(statusDetail(status, locale));
        return problem;
    }

    public ProblemDetail problem(ProblemException ex, Locale locale) {
        return problem(ex.status(), ex.type(), ex.code(), ex.args(), locale);
    }

    /** Title for a framework exception: Spring's title code for its class, else the status title. */
    public String titleFor(Class<?> exceptionType, int status, Locale locale) {
        return first(locale, null, ErrorResponse.getDefaultTitleMessageCode(exceptionType), statusCode(status, "title"),
                classCode(status, "title"));
    }

    public String statusTitle(int status, Locale locale) {
        return first(locale, null, statusCode(status, "title"), classCode(status, "title"));
    }

    public String statusDetail(int status, Locale locale) {
        return first(locale, null, statusCode(status, "detail"), classCode(status, "detail"));
    }

    /** A field error or constraint violation, already carrying its codes and default text. */
    public String message(MessageSourceResolvable resolvable, Locale locale) {
        return messageSource.getMessage(resolvable, locale);
    }

    /** A plain code, falling back to the generic "invalid value" text. */
    public String fieldMessage(String code, Object[] args, Locale locale) {
        return first(locale, args, code, "problem.champ.invalide");
    }

    /** Whether the bundles have this code for the locale (or the French base). */
    public boolean has(String code, Locale locale) {
        return messageSource.getMessage(code, null, null, locale) != null;
    }

    private String first(Locale locale, Object[] args, String... codes) {
        for (String code : codes) {
            String message = messageSource.getMessage(code, args, null, locale);
            if (message != null) {
                return message;
            }
        }
        return null;
    }

    private static String statusCode(int status, String part) {
        return "problem.status." + status + "." + part;
    }

    /** Statuses without their own text fall back to the generic client or server error text. */
    private static String classCode(int status, String part) {
        return "problem.status." + (status >= 500 ? "5xx" : "4xx") + "." + part;
    }
}
