package qc.esac.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.server.ObservationWebFilterChainDecorator;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.test.util.ReflectionTestUtils;

/** What the gateway measures per call: the timers stay, the per-call extras that cost CPU are gone. */
class ObservationCostIT extends GatewayIT {

    @Autowired
    WebFilterChainProxy security;

    @Test
    void theSecurityFilterChainIsNotWrappedInObservationsThatAreOff() {
        // Spring Security's observations are off (management.observations.enable.spring.security), but its
        // decorator still wrapped every filter of the chain, and every authentication and authorization, to ask.
        assertThat(ReflectionTestUtils.getField(security, "filterChainDecorator"))
                .isNotInstanceOf(ObservationWebFilterChainDecorator.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theFirewallIsSpringSecuritysStrictOneCheckingHeaderValuesWithoutARegularExpression() {
        // The default rule is a regular expression run on every read of every header (the token's 800 characters
        // several times per call); HeaderValues gives the same verdict (HeaderValuesTest) by a loop.
        Object firewall = ReflectionTestUtils.getField(security, "firewall");
        assertThat(firewall).isInstanceOf(StrictServerWebExchangeFirewall.class);
        Predicate<String> values = (Predicate<String>) ReflectionTestUtils.getField(firewall, "allowedHeaderValues");
        assertThat(values).isNotSameAs(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES);
        assertThat(values.test("Bearer abc.def.ghi")).isTrue();
        assertThat(values.test("a\u0001b")).isFalse();
        assertThat(values.test("a\nb")).isFalse();
        assertThat(ReflectionTestUtils.getField(firewall, "allowedHeaderNames"))
                .isSameAs(StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES);
    }

    @Test
    void aProxiedCallIsTimedWithoutALongTaskTimerPerObservation() {
        client.get().uri("/api/membership/items/7").header(HttpHeaders.AUTHORIZATION, bearer(staffToken()))
                .exchange().expectStatus().isOk();

        String scrape = client.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(scrape).contains("http_server_requests_seconds_count");
        assertThat(scrape).doesNotContain("_active_seconds");
    }

    @Test
    void aProxiedCallIsTimedOnceByTheHttpServerNotAgainByTheGateway() {
        client.get().uri("/api/membership/items/8").header(HttpHeaders.AUTHORIZATION, bearer(staffToken()))
                .exchange().expectStatus().isOk();

        String scrape = client.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(scrape).contains("http_server_requests_seconds_count{");
        // Spring Cloud Gateway's own timer per routed call (GatewayMetricsFilter) timed the same calls again.
        assertThat(scrape).doesNotContain("spring_cloud_gateway_requests");
    }

    @Test
    void withNoSpanExporterSpansAreNotRecordedButTraceContextStillTravels() {
        String returned = client.get().uri("/api/membership/items/9")
                .header(HttpHeaders.AUTHORIZATION, bearer(staffToken()))
                .exchange().expectStatus().isOk().returnResult(String.class).getResponseHeaders()
                .getFirst("traceresponse");

        String forwarded = MEMBERSHIP.last().header("traceparent");
        assertThat(forwarded).as("traceparent received by the service").matches("00-[0-9a-f]{32}-[0-9a-f]{16}-00");
        String traceId = forwarded.substring(3, 35);
        assertThat(traceId).isNotEqualTo("0".repeat(32));
        assertThat(returned).as("traceresponse").matches("00-" + traceId + "-[0-9a-f]{16}-00");
    }

    @Test
    void aTraceSampledUpstreamStaysSampled() {
        String traceId = "5bf92f3577b34da6a3ce929d0e0e4737";
        client.get().uri("/api/membership/items/10").header(HttpHeaders.AUTHORIZATION, bearer(staffToken()))
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .exchange().expectStatus().isOk();

        assertThat(MEMBERSHIP.last().header("traceparent")).startsWith("00-" + traceId + "-").endsWith("-01");
    }
}
