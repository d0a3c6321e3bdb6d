package qc.esac.kit.web;

import java.util.Locale;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

import qc.esac.kit.problem.ProblemTypes;

/**
 * Replaces Boot's error page controller: errors that never reached a controller (raised in a
 * filter, or {@code sendError} by the container) are problems too, not Boot's JSON map; a store that does not
 * answer while a filter reads it (the caller's access grants) is the same 503 as in a controller.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
public class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    private final ProblemMessages messages;

    public ProblemErrorController(ProblemMessages messages) {
        this.messages = messages;
    }

    @RequestMapping
    public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        int status = status(request);
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        boolean storeUnavailable = status == 500 && failure instanceof Throwable throwable
                && StoreUnavailable.isCause(throwable);
        if (storeUnavailable) {
            log.warn("Store unavailable on {}: {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), failure);
        } else if (status >= 500) {
            log.error("Request to {} failed with {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), status,
                    failure instanceof Throwable throwable ? throwable : null);
        }
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail body = storeUnavailable ? StoreUnavailable.problem(messages, locale)
                : messages.statusProblem(status, ProblemTypes.forStatus(status), locale);
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri) {
            body.setInstance(java.net.URI.create(uri));
        }
        return ResponseEntity.status(body.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .headers(storeUnavailable ? StoreUnavailable.headers() : HttpHeaders.EMPTY).body(body);
    }

    private static int status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code instanceof Integer value && HttpStatus.resolve(value) != null && value >= 400) {
            return value;
        }
        return HttpStatus.INTERNAL_SERVER_ERROR.value();
    }
}
