package qc.esac.kit.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.data.mongodb.UncategorizedMongoDbException;
import org.springframework.dao.OptimisticLockingFailureException;
import qc.esac.kit.problem.ConflictException;
import qc.esac.kit.problem.VersionConflictException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import tools.jackson.core.JacksonException;

import qc.esac.kit.problem.FieldViolation;
import qc.esac.kit.problem.InvalidInputException;
import qc.esac.kit.problem.ProblemException;
import qc.esac.kit.problem.ProblemTypes;

/**
 * Answers every error raised while handling a request with an RFC 9457 problem, in the
 * caller's language. Spring's own exceptions go through {@link ResponseEntityExceptionHandler}
 * (its {@code problemDetail.*} message codes are filled from our bundle); we only add the
 * stable type, the localized title, the {@code errors} array, and hide server-side details.
 *
 * <p>Lowest precedence so that a service's own {@code @ControllerAdvice} still wins.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final ProblemMessages messages;

    public ProblemExceptionHandler(ProblemMessages messages) {
        this.messages = messages;
        setMessageSource(messages.messageSource());
    }

    @ExceptionHandler(ProblemException.class)
    public ResponseEntity<Object> handleProblem(ProblemException ex, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail body = messages.problem(ex, locale);
        if (ex instanceof InvalidInputException invalid && !invalid.violations().isEmpty()) {
            body.setProperty(ProblemMessages.ERRORS_PROPERTY, violations(invalid.violations(), locale));
        }
        return createResponseEntity(body, new HttpHeaders(), HttpStatusCode.valueOf(ex.status()), request);
    }

    /**
     * The aggregate changed between the caller's read and its write (the store's optimistic lock): the same
     * answer as a stale {@code If-Match}.
     */
    @ExceptionHandler(OptimisticLockingFailureException.class)
    public ResponseEntity<Object> handleConcurrentChange(OptimisticLockingFailureException ex, WebRequest request) {
        return handleProblem(new VersionConflictException("version.concurrente"), request);
    }

    /** A unique index the service did not translate into a precise conflict of its own. */
    @ExceptionHandler(DuplicateKeyException.class)
    public ResponseEntity<Object> handleDuplicate(DuplicateKeyException ex, WebRequest request) {
        return handleProblem(new ConflictException("conflit.doublon"), request);
    }

    /**
     * The store did not answer in time (see EsacMongoAutoConfiguration's short timeouts) or dropped the
     * connection: a 503 the client may retry (with its Idempotency-Key), not a 500. The driver's exceptions come
     * raw from code using the collections directly, translated by Spring Data otherwise; a paused connection pool
     * and the operation timeout's (MongoOperationTimeoutException, which Spring Data does not know) come
     * uncategorized. {@link StoreUnavailable} says which; anything else is unexpected (500).
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, QueryTimeoutException.class,
            TransientDataAccessResourceException.class, MongoTimeoutException.class, MongoSocketException.class,
            MongoExecutionTimeoutException.class, MongoConnectionPoolClearedException.class,
            UncategorizedMongoDbException.class})
    public ResponseEntity<Object> handleStoreUnavailable(Exception ex, WebRequest request) {
        if (!StoreUnavailable.isCause(ex)) {
            return handleUnexpected(ex, request);
        }
        log.warn("Store unavailable on {}: {}", request.getDescription(false), ex.toString());
        ProblemDetail body = StoreUnavailable.problem(messages, LocaleContextHolder.getLocale());
        return createResponseEntity(body, StoreUnavailable.headers(), HttpStatus.SERVICE_UNAVAILABLE, request);
    }

    /** Bean Validation outside controller parameters, e.g. a {@code @Validated} service. */
    @ExceptionHandler(ConstraintViolationException.class)
    public ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail body = invalidData(locale);
        List<ProblemFieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : ex.getConstraintViolations()) {
            errors.add(new ProblemFieldError(ProblemFieldNames.path(violation.getPropertyPath()), violation.getMessage()));
        }
        body.setProperty(ProblemMessages.ERRORS_PROPERTY, errors);
        return createResponseEntity(body, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    /**
     * Security exceptions raised inside a controller (e.g. {@code @PreAuthorize}) must reach
     * Spring Security's filter, which decides between 401 and 403: rethrowing the same
     * exception tells Spring MVC this advice does not handle it.
     */
    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    public void passToSecurity(RuntimeException ex) {
        throw ex;
    }

    /** Anything unexpected: full detail in the log, a generic message to the client. */
    @ExceptionHandler(Exception.class)
    public ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
        log.error("Unexpected error on {}", request.getDescription(false), ex);
        ProblemDetail body = messages.problem(500, ProblemTypes.ERREUR_INTERNE, "erreur.interne", null,
                LocaleContextHolder.getLocale());
        return createResponseEntity(body, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail body = ex.updateAndGetBody(getMessageSource(), locale);
        List<ProblemFieldError> errors = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            errors.add(new ProblemFieldError(error.getField(), messages.message(error, locale)));
        }
        for (ObjectError error : ex.getBindingResult().getGlobalErrors()) {
            errors.add(new ProblemFieldError(error.getObjectName(), messages.message(error, locale)));
        }
        body.setProperty(ProblemMessages.ERRORS_PROPERTY, errors);
        return handleExceptionInternal(ex, body, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail body = ex.updateAndGetBody(getMessageSource(), locale);
        List<ProblemFieldError> errors = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            if (result instanceof ParameterErrors parameterErrors) {
                // A validated @RequestBody: report its fields, not the parameter.
                for (FieldError error : parameterErrors.getFieldErrors()) {
                    errors.add(new ProblemFieldError(error.getField(), messages.message(error, locale)));
                }
                continue;
            }
            String name = ProblemFieldNames.parameter(result.getMethodParameter())
                    + (result.getContainerIndex() != null ? "[" + result.getContainerIndex() + "]" : "");
            result.getResolvableErrors().forEach(error ->
                    errors.add(new ProblemFieldError(name, messages.message(error, locale))));
        }
        body.setProperty(ProblemMessages.ERRORS_PROPERTY, errors);
        return handleExceptionInternal(ex, body, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleHttpMessageNotReadable(ex, headers, status, request);
        // Name the field whose value had the wrong type, when the JSON parser knows it.
        if (response != null && response.getBody() instanceof ProblemDetail body
                && ex.getMostSpecificCause() instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            Locale locale = LocaleContextHolder.getLocale();
            body.setProperty(ProblemMessages.ERRORS_PROPERTY, List.of(new ProblemFieldError(
                    ProblemFieldNames.jsonPath(jackson), messages.fieldMessage("problem.champ.illisible", null, locale))));
        }
        return response;
    }

    /**
     * One place for what every framework-produced problem gets: a stable type, a localized
     * title, and no server-side detail on 5xx.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response == null || !(response.getBody() instanceof ProblemDetail problem)) {
            return response;
        }
        Locale locale = LocaleContextHolder.getLocale();
        int status = statusCode.value();
        if (problem.getType() == null || ProblemTypes.ABOUT_BLANK.equals(problem.getType().toString())) {
            problem.setType(URI.create(typeOf(ex, status)));
        }
        problem.setTitle(messages.titleFor(ex.getClass(), status, locale));
        if (status >= 500) {
            log.error("Request failed on {}", request.getDescription(false), ex);
            problem.setDetail(messages.statusDetail(status, locale));
        }
        else if (!messages.has(detailCode(ex), locale)) {
            // Spring's default detail is English and may echo internals: use ours instead.
            problem.setDetail(messages.statusDetail(status, locale));
        }
        return response;
    }

    private ProblemDetail invalidData(Locale locale) {
        return messages.problem(400, ProblemTypes.DONNEES_INVALIDES, InvalidInputException.DEFAULT_CODE, null, locale);
    }

    private List<ProblemFieldError> violations(List<FieldViolation> violations, Locale locale) {
        return violations.stream()
                .map(v -> new ProblemFieldError(v.field(), messages.fieldMessage(v.code(), v.args().toArray(), locale)))
                .toList();
    }

    private static String typeOf(Exception ex, int status) {
        if (ex instanceof HttpMessageNotReadableException) {
            return ProblemTypes.REQUETE_ILLISIBLE;
        }
        if (ex instanceof MethodArgumentNotValidException || ex instanceof HandlerMethodValidationException) {
            return ProblemTypes.DONNEES_INVALIDES;
        }
        if (ex instanceof NoResourceFoundException || ex instanceof NoHandlerFoundException) {
            return ProblemTypes.ROUTE_INCONNUE;
        }
        return ProblemTypes.forStatus(status);
    }

    /** The code Spring used (or would have used) to look the detail up in our bundle. */
    private static String detailCode(Exception ex) {
        if (ex instanceof ErrorResponse errorResponse) {
            return errorResponse.getDetailMessageCode();
        }
        Class<?> type = ex instanceof TypeMismatchException ? TypeMismatchException.class : ex.getClass();
        return ErrorResponse.getDefaultDetailMessageCode(type, null);
    }
}
