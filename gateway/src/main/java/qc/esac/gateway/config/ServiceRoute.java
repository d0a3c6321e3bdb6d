package qc.esac.gateway.config;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One backend service behind {@code /api/<name>/**}.
 *
 * @param uri where the service listens (a Kubernetes service name in infra)
 * @param displayName how error messages name the service, in French
 * @param displayNameEn the same in English
 * @param connectTimeout time allowed to open a connection
 * @param responseTimeout time allowed for one attempt to answer; the circuit breaker's time
 *        limiter bounds all attempts together
 * @param rateLimitGroup which rate-limit budget the route draws from
 */
public record ServiceRoute(URI uri, String displayName, String displayNameEn,
        @DefaultValue("2s") Duration connectTimeout, @DefaultValue("5s") Duration responseTimeout,
        String rateLimitGroup) {
}
