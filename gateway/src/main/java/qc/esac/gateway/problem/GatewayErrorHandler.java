package qc.esac.gateway.problem;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.netty.channel.ConnectTimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

import reactor.core.publisher.Mono;

import qc.esac.gateway.config.GatewayProperties;
import qc.esac.gateway.edge.RequestTooLargeException;

/**
 * Every error the gateway itself produces becomes a problem in the caller's language: unknown
 * route (404), method (405), body too large (413), a service that is down or whose breaker is open
 * (503, with {@code Retry-After}), a service too slow (504), and our own failures (500). Answers
 * that come from a service pass through untouched; they are already problems.
 */
@Component
@Order(-2)
class GatewayErrorHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

    private final ProblemResponses problems;
    private final GatewayProperties gateway;
    private final CircuitBreakerRegistry breakers;

    GatewayErrorHandler(ProblemResponses problems, GatewayProperties gateway, CircuitBreakerRegistry breakers) {
        this.problems = problems;
        this.gateway = gateway;
        this.breakers = breakers;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        return problems.write(exchange, problemFor(exchange, error));
    }

    GatewayProblem problemFor(ServerWebExchange exchange, Throwable error) {
        String service = serviceName(exchange);
        if (isCause(error, CallNotPermittedException.class) || error instanceof ServiceUnavailableException) {
            return GatewayProblem.of(HttpStatus.SERVICE_UNAVAILABLE, "service-indisponible", "service.indisponible",
                    service).retryAfter(openStateWait(exchange));
        }
        if (isCause(error, BulkheadFullException.class)) {
            // Every concurrent call the route allows is in progress: the service is saturated, not broken.
            return GatewayProblem.of(HttpStatus.SERVICE_UNAVAILABLE, "service-sature", "service.sature", service)
                    .retryAfter(Duration.ofSeconds(1));
        }
        if (isCause(error, ConnectException.class) || isCause(error, ConnectTimeoutException.class)
                || isCause(error, UnknownHostException.class)) {
            log.warn("Service {} unreachable: {}", service, error.toString());
            return GatewayProblem.of(HttpStatus.SERVICE_UNAVAILABLE, "service-indisponible", "service.indisponible",
                    service).retryAfter(Duration.ofSeconds(5));
        }
        if (isCause(error, TimeoutException.class) || statusOf(error) == HttpStatus.GATEWAY_TIMEOUT.value()) {
            log.warn("Service {} too slow: {}", service, error.toString());
            return GatewayProblem.of(HttpStatus.GATEWAY_TIMEOUT, "delai-depasse", "service.delai-depasse", service);
        }
        int status = statusOf(error);
        if (status == HttpStatus.NOT_FOUND.value()) {
            return GatewayProblem.of(HttpStatus.NOT_FOUND, "route-inconnue", "route.inconnue",
                    exchange.getRequest().getPath().value());
        }
        if (status == HttpStatus.CONTENT_TOO_LARGE.value()) {
            long limit = error instanceof RequestTooLargeException tooLarge
                    ? tooLarge.limit() : gateway.maxRequestSize().toBytes();
            return GatewayProblem.of(HttpStatus.CONTENT_TOO_LARGE, "contenu-trop-volumineux",
                    "contenu.trop-volumineux", limit / 1024);
        }
        if (status == HttpStatus.METHOD_NOT_ALLOWED.value()) {
            return GatewayProblem.of(HttpStatus.METHOD_NOT_ALLOWED, "methode-non-permise", "methode.non-permise",
                    exchange.getRequest().getMethod().name());
        }
        if (status >= 400 && status < 500) {
            return new GatewayProblem(HttpStatus.valueOf(status), GatewayProblem.TYPE_BASE + "requete-invalide",
                    "status." + status, null, null);
        }
        if (isCause(error, java.io.IOException.class)) {
            log.warn("Service {} answered badly: {}", service, error.toString());
            return GatewayProblem.of(HttpStatus.BAD_GATEWAY, "reponse-invalide", "service.reponse-invalide", service);
        }
        log.error("Gateway failure on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                error);
        return GatewayProblem.of(HttpStatus.INTERNAL_SERVER_ERROR, "erreur-interne", "erreur.interne");
    }

    private String serviceName(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        boolean english = GatewayLocales.isEnglish(GatewayLocales.resolve(exchange));
        return route == null ? "" : gateway.displayName(route.getId(), english);
    }

    /** How long the breaker of the request's service stays open: when a retry may succeed. */
    private Duration openStateWait(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route == null) {
            return Duration.ofSeconds(10);
        }
        return breakers.find(GatewayProperties.serviceOf(route.getId()))
                .map(breaker -> breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1))
                .map(Duration::ofMillis).orElse(Duration.ofSeconds(10));
    }

    private static int statusOf(Throwable error) {
        if (error instanceof ResponseStatusException statusError) {
            HttpStatusCode code = statusError.getStatusCode();
            return code.value();
        }
        return 500;
    }

    private static boolean isCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
