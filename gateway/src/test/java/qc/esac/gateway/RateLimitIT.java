package qc.esac.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/** Route group {@code limite}: bursts of 3, 2 per second. */
class RateLimitIT extends GatewayIT {

    @Test
    void aCallerOverTheLimitGetsA429ProblemThenRecovers() {
        String token = ISSUER.partner("partenaire-presse-" + System.nanoTime());
        for (int i = 0; i < 3; i++) {
            client.get().uri("/api/limite/evenements").header(HttpHeaders.AUTHORIZATION, bearer(token))
                    .exchange().expectStatus().isOk().expectHeader().exists("X-RateLimit-Remaining");
        }
        // The bucket is empty now; it refills at 2 per second, so keep asking (a slow machine may
        // have earned a token meanwhile) until the limiter says no.
        EntityExchangeResult<String> refused = null;
        int accepted = 3;
        for (int i = 0; i < 50 && refused == null; i++) {
            EntityExchangeResult<String> result = client.get().uri("/api/limite/evenements")
                    .header(HttpHeaders.AUTHORIZATION, bearer(token)).exchange().expectBody(String.class)
                    .returnResult();
            if (result.getStatus().value() == 429) {
                refused = result;
            }
            else {
                accepted++;
            }
        }
        assertThat(refused).as("a 429 once the burst is spent").isNotNull();
        assertThat(refused.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(refused.getResponseHeaders().getFirst("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(refused.getResponseBody()).contains("\"type\":\"https://esac.quebec/problemes/trop-de-requetes\"")
                .contains("\"title\":\"Trop de requêtes\"").contains("\"status\":429");
        assertThat(LIMITE.received()).as("refused requests never reach the service").hasSize(accepted);

        // Another caller has its own budget.
        client.get().uri("/api/limite/evenements")
                .header(HttpHeaders.AUTHORIZATION, bearer(ISSUER.partner("autre-" + System.nanoTime())))
                .exchange().expectStatus().isOk();

        // The bucket refills: within a bounded wait the first caller gets through again.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        int status;
        do {
            status = client.get().uri("/api/limite/evenements").header(HttpHeaders.AUTHORIZATION, bearer(token))
                    .exchange().returnResult(String.class).getStatus().value();
            if (status == 429) {
                sleepBriefly();
            }
        } while (status == 429 && Instant.now().isBefore(deadline));
        assertThat(status).isEqualTo(200);
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(100);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
