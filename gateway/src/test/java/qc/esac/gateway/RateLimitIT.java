package qc.esac.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** Route group {@code limite}: bursts of 3, 2 per second. */
class RateLimitIT extends GatewayIT {

    @Test
    void aCallerOverTheLimitGetsA429ProblemThenRecovers() {
        String token = ISSUER.partner("partenaire-presse-" + System.nanoTime());
        for (int i = 0; i < 3; i++) {
            client.get().uri("/api/limite/evenements").header(HttpHeaders.AUTHORIZATION, bearer(token))
                    .exchange().expectStatus().isOk().expectHeader().exists("X-RateLimit-Remaining");
        }
        client.get().uri("/api/limite/evenements").header(HttpHeaders.AUTHORIZATION, bearer(token))
                .exchange().expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
                .expectHeader().valueEquals("X-RateLimit-Remaining", "0")
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://esac.quebec/problemes/trop-de-requetes")
                .jsonPath("$.title").isEqualTo("Trop de requêtes")
                .jsonPath("$.status").isEqualTo(429);
        assertThat(LIMITE.received()).hasSize(3);

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
