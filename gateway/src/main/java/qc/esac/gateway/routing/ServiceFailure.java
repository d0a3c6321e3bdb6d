package qc.esac.gateway.routing;

import java.io.IOException;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import org.springframework.web.server.ResponseStatusException;

/**
 * What a circuit breaker counts against a service: it could not be reached or answered badly
 * (I/O errors), too slowly (timeouts) or with a 5xx. A client's fault, such as a body over the
 * size limit, says nothing about the service's health and is not counted. Named in
 * {@code resilience4j.circuitbreaker.configs.default.record-failure-predicate}.
 */
public class ServiceFailure implements Predicate<Throwable> {

    @Override
    public boolean test(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof IOException || cause instanceof TimeoutException) {
                return true;
            }
        }
        if (error instanceof ResponseStatusException status) {
            return status.getStatusCode().is5xxServerError();
        }
        return error instanceof org.springframework.web.client.HttpStatusCodeException status
                && status.getStatusCode().is5xxServerError();
    }
}
