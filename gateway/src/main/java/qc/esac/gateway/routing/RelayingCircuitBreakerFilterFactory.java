package qc.esac.gateway.routing;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.cloud.gateway.filter.factory.SpringCloudCircuitBreakerResilience4JFilterFactory;
import org.springframework.web.reactive.DispatcherHandler;

import reactor.core.publisher.Mono;

/**
 * The gateway's Resilience4j circuit-breaker filter, with one change. A service's 5xx answer
 * (the configured status codes) counts as a failure and is then relayed to the client as the
 * service sent it, body included; every other failure (unreachable, timeout, open breaker) still
 * ends in an error that the gateway's error handler turns into a problem. The stock filter can
 * only do both for all errors or for none.
 */
class RelayingCircuitBreakerFilterFactory extends SpringCloudCircuitBreakerResilience4JFilterFactory {

    RelayingCircuitBreakerFilterFactory(ReactiveCircuitBreakerFactory<?, ?> breakers,
            ObjectProvider<DispatcherHandler> dispatcher) {
        super(breakers, dispatcher);
    }

    @Override
    protected Mono<Void> handleErrorWithoutFallback(Throwable error, boolean resumeWithoutError) {
        if (error instanceof CircuitBreakerStatusCodeException && resumeWithoutError) {
            return Mono.empty();
        }
        return super.handleErrorWithoutFallback(error, false);
    }
}
