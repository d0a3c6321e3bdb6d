package qc.esac.gateway.problem;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.unit.DataSize;
import qc.esac.gateway.config.GatewayProperties;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which problem a failure on the way to a service becomes. */
class GatewayErrorHandlerTest {

    private final GatewayErrorHandler handler = new GatewayErrorHandler(null,
            new GatewayProperties(Map.of(), DataSize.ofMegabytes(1)), CircuitBreakerRegistry.ofDefaults());

    @Test
    void aServiceWhoseConcurrentCallsAreAllTakenIsA503WithRetryAfterNotA500() {
        MockServerWebExchange exchange = MockServerWebExchange.from(
                MockServerHttpRequest.get("/api/membership/reference/regions"));

        GatewayProblem problem = handler.problemFor(exchange,
                BulkheadFullException.createBulkheadFullException(Bulkhead.ofDefaults("membership")));

        assertThat(problem.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(problem.code()).isEqualTo("service.sature");
        assertThat(problem.retryAfter()).isEqualTo(Duration.ofSeconds(1));
    }
}
