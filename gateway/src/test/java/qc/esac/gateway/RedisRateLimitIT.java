package qc.esac.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The production rate limiter: buckets in a real {@code redis-server} (started here, see {@link RedisServer}),
 * route group {@code limite} (bursts of 3, 2 per second). Then Redis goes away mid-test: requests pass
 * unlimited and each is counted (fail open, see gateway/README.md), none waits for Redis; Redis comes back on
 * the same port and limits hold again. The one gateway test with a Spring context of its own: the store is
 * chosen at startup.
 */
class RedisRateLimitIT extends GatewayIT {

    private static RedisServer redis;

    @BeforeAll
    static void startRedis() {
        redis = RedisServer.startOrSkip();
    }

    @AfterAll
    static void stopRedis() {
        if (redis != null) {
            redis.close();
        }
    }

    @DynamicPropertySource
    static void redisStore(DynamicPropertyRegistry registry) {
        registry.add("esac.gateway.rate-limit.store", () -> "redis");
        registry.add("spring.data.redis.url", () -> redis.url());
    }

    @Autowired
    MeterRegistry meters;

    @Test
    void limitsLiveInRedisRequestsPassWhileItIsAwayAndLimitsReturnWithIt() {
        String subject = "partenaire-redis-" + System.nanoTime();
        String token = ISSUER.partner(subject);
        assertThat(refusedWithin(token, 50)).as("a 429 once the burst is spent, counted in Redis").isTrue();
        assertThat(redis.keys("request_rate_limiter.*")).anyMatch(key -> key.contains(subject));
        assertThat(storeFailures()).isZero();

        redis.stop();
        String during = ISSUER.partner("partenaire-pendant-" + System.nanoTime());
        for (int i = 0; i < 10; i++) {
            // Well past the burst of 3: nothing limits while the store is away, and nobody waits for it.
            client.mutate().responseTimeout(Duration.ofSeconds(10)).build()
                    .get().uri("/api/limite/evenements").header(HttpHeaders.AUTHORIZATION, bearer(during))
                    .exchange().expectStatus().isOk();
        }
        assertThat(storeFailures()).as("every request let through is counted").isGreaterThanOrEqualTo(10);
        client.get().uri("/actuator/prometheus").exchange().expectStatus().isOk().expectBody(String.class)
                .value(body -> assertThat(body).contains("esac_gateway_rate_limit_store_failures_total"));

        redis.start();
        // The client reconnects by itself (with a backoff): within a bounded wait, limits hold again.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        boolean limitedAgain = false;
        while (!limitedAgain && Instant.now().isBefore(deadline)) {
            limitedAgain = refusedWithin(ISSUER.partner("partenaire-apres-" + System.nanoTime()), 10);
        }
        assertThat(limitedAgain).as("limits enforced again once Redis is back").isTrue();
    }

    /** Whether the caller meets a 429 within {@code attempts} requests. */
    private boolean refusedWithin(String token, int attempts) {
        for (int i = 0; i < attempts; i++) {
            int status = client.get().uri("/api/limite/evenements").header(HttpHeaders.AUTHORIZATION, bearer(token))
                    .exchange().returnResult(String.class).getStatus().value();
            if (status == 429) {
                return true;
            }
            assertThat(status).isEqualTo(200);
        }
        return false;
    }

    private double storeFailures() {
        Counter counter = meters.find("esac.gateway.rate-limit.store.failures").counter();
        return counter == null ? 0 : counter.count();
    }
}
