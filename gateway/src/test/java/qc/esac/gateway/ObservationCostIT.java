package qc.esac.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

/** What the gateway measures per call: the timers stay, the per-call extras that cost CPU are gone. */
class ObservationCostIT extends GatewayIT {

    @Test
    void aProxiedCallIsTimedWithoutALongTaskTimerPerObservation() {
        client.get().uri("/api/membership/items/7").header(HttpHeaders.AUTHORIZATION, bearer(staffToken()))
                .exchange().expectStatus().isOk();

        String scrape = client.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(scrape).contains("http_server_requests_seconds_count");
        assertThat(scrape).doesNotContain("_active_seconds");
    }
}
