package qc.esac.gateway.edge;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** 413: the request body is larger than the gateway accepts; the error handler words it. */
public final class RequestTooLargeException extends ResponseStatusException {

    private final long limit;

    RequestTooLargeException(long limit) {
        super(HttpStatus.CONTENT_TOO_LARGE);
        this.limit = limit;
    }

    /** The limit in bytes. */
    public long limit() {
        return limit;
    }
}
