package qc.esac.gateway.problem;

import java.time.Duration;

import org.springframework.http.HttpStatus;

/**
 * A problem the gateway answers itself. {@code code} selects the texts
 * ({@code problem.<code>.title|detail} in the message bundles) and is returned to clients, who
 * switch on it or on {@code type}.
 *
 * @param args arguments of the detail message
 * @param retryAfter value of {@code Retry-After}, when waiting helps
 */
public record GatewayProblem(HttpStatus status, String type, String code, Object[] args, Duration retryAfter) {

    public static final String TYPE_BASE = "https://esac.quebec/problemes/";

    public static GatewayProblem of(HttpStatus status, String typeSlug, String code, Object... args) {
        return new GatewayProblem(status, TYPE_BASE + typeSlug, code, args, null);
    }

    public GatewayProblem retryAfter(Duration value) {
        return new GatewayProblem(status, type, code, args, value);
    }
}
