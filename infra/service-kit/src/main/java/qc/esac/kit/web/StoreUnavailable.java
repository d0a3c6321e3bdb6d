package qc.esac.kit.web;

import java.util.Locale;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;

import qc.esac.kit.problem.ProblemTypes;

/**
 * The one rule for "the store does not answer": which failures are that (the driver's and Spring Data's, wrapped or
 * not), and the 503 problem a client may retry with its Idempotency-Key. Used by the controllers' advice and by the
 * error page, which answers for failures raised in a filter (the caller's access grants are read while the bearer
 * token is checked, before any controller).
 */
public final class StoreUnavailable {

    /** Message code of the 503 answered while the store does not answer. */
    public static final String CODE = "stockage.indisponible";
    /** A store back within seconds (a failover, a pause) is the usual case. */
    static final String RETRY_AFTER_SECONDS = "5";

    private static final int MAX_CAUSES = 16;

    private StoreUnavailable() {
    }

    /** Whether {@code failure} or one of its causes says the store did not answer or dropped the connection. */
    public static boolean isCause(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_CAUSES; depth++) {
            if (current instanceof DataAccessResourceFailureException || current instanceof QueryTimeoutException
                    || current instanceof TransientDataAccessResourceException
                    || current instanceof MongoTimeoutException || current instanceof MongoSocketException
                    || current instanceof MongoExecutionTimeoutException
                    || current instanceof MongoConnectionPoolClearedException) {
                return true;
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return false;
    }

    static ProblemDetail problem(ProblemMessages messages, Locale locale) {
        return messages.problem(503, ProblemTypes.SERVICE_INDISPONIBLE, CODE, null, locale);
    }

    static HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        return headers;
    }
}
