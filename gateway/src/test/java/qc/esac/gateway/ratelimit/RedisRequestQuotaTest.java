package qc.esac.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import reactor.core.publisher.Mono;

/**
 * The Redis store is Spring Cloud Gateway's limiter, stubbed here: checked is what we hand it (per-group
 * limits, one bucket per group and caller), how its answer is read, and that a store that fails or does
 * not answer lets the request through and is counted. Against a real redis-server: RedisRateLimitIT.
 */
class RedisRequestQuotaTest {

    private final List<String> asked = new ArrayList<>();
    private boolean allow = true;
    private Mono<RedisRateLimiter.Response> answer;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RedisRateLimiter limiter = new RedisRateLimiter(1, 1) {
        @Override
        public Mono<Response> isAllowed(String routeId, String id) {
            asked.add(routeId + " " + id);
            if (answer != null) {
                return answer;
            }
            Config config = getConfig().get(routeId);
            assertThat(config).as("limits configured for " + routeId).isNotNull();
            return Mono.just(new Response(allow, Map.of(REMAINING_HEADER, allow ? "4" : "0",
                    REPLENISH_RATE_HEADER, String.valueOf(config.getReplenishRate()))));
        }
    };
    private final RedisRequestQuota quota = new RedisRequestQuota(limiter, new RateLimitProperties(
            RateLimitProperties.Store.REDIS, Map.of("insurance", new RateLimitProperties.Limit(4, 8)),
            new RateLimitProperties.Limit(20, 40), 1000, Duration.ofMinutes(10), Duration.ofMillis(200)), meters);

    @Test
    void groupsGetTheirOwnLimitsAndCallersTheirOwnKeys() {
        RequestQuota.Decision decision = quota.consume("insurance", "sub:partenaire-1").block();
        assertThat(decision.allowed()).isTrue();
        assertThat(decision.remaining()).isEqualTo(4);
        assertThat(asked).containsExactly("insurance insurance|sub:partenaire-1");
        RedisRateLimiter.Config config = limiter.getConfig().get("insurance");
        assertThat(config.getReplenishRate()).isEqualTo(4);
        assertThat(config.getBurstCapacity()).isEqualTo(8);
        assertThat(config.getRequestedTokens()).isEqualTo(1);

        quota.consume("training", "ip:10.0.0.1").block();
        assertThat(limiter.getConfig().get("training").getReplenishRate()).as("fallback").isEqualTo(20);
    }

    @Test
    void aRefusalSaysWhenTheNextTokenComes() {
        allow = false;
        RequestQuota.Decision decision = quota.consume("insurance", "sub:a").block();
        assertThat(decision.allowed()).isFalse();
        assertThat(decision.remaining()).isZero();
        assertThat(decision.retryAfter()).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void whenTheLimiterScriptFailedTheRequestPassesAndIsCounted() {
        // Spring Cloud Gateway's limiter swallows a Redis error itself: allowed, with -1 tokens left.
        answer = Mono.just(new RedisRateLimiter.Response(true, Map.of(RedisRateLimiter.REMAINING_HEADER, "-1")));
        RequestQuota.Decision decision = quota.consume("insurance", "sub:a").block();
        assertThat(decision.allowed()).isTrue();
        assertThat(decision.remaining()).as("unknown").isEqualTo(-1);
        assertThat(failures()).isEqualTo(1);
    }

    @Test
    void whenRedisDoesNotAnswerInTimeTheRequestPassesAndIsCounted() {
        answer = Mono.never();
        RequestQuota.Decision decision = quota.consume("insurance", "sub:a").block(Duration.ofSeconds(5));
        assertThat(decision.allowed()).isTrue();
        assertThat(failures()).isEqualTo(1);

        answer = Mono.error(new IllegalStateException("connection refused"));
        assertThat(quota.consume("insurance", "sub:a").block().allowed()).isTrue();
        assertThat(failures()).isEqualTo(2);
    }

    @Test
    void answersFromRedisAreNotCountedAsFailures() {
        quota.consume("insurance", "sub:a").block();
        allow = false;
        quota.consume("insurance", "sub:a").block();
        assertThat(failures()).isZero();
    }

    private double failures() {
        return meters.counter(RedisRequestQuota.FAILURES_METRIC).count();
    }
}
