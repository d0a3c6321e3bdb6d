package qc.esac.kit.web;

/**
 * One entry of the {@code errors} array of a validation problem.
 *
 * @param field path of the field or parameter as the client named it
 * @param message what is wrong, in the caller's language
 */
public record ProblemFieldError(String field, String message) {
}
