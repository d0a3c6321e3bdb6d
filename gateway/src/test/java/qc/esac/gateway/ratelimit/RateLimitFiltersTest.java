package qc.esac.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.security.Principal;

import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

class RateLimitFiltersTest {

    @Test
    void authenticatedCallersAreCountedByTokenSubject() {
        ServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/training/courses")
                .remoteAddress(new InetSocketAddress("10.1.2.3", 5555)))
                .mutate().principal(Mono.just((Principal) () -> "partenaire-demo")).build();
        assertThat(RateLimitFilters.caller(exchange).block()).isEqualTo("sub:partenaire-demo");
    }

    @Test
    void anonymousCallersAreCountedByAddress() {
        ServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/training/catalogue")
                .remoteAddress(new InetSocketAddress("10.1.2.3", 5555)));
        assertThat(RateLimitFilters.caller(exchange).block()).isEqualTo("ip:10.1.2.3");
    }
}
