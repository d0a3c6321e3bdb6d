package qc.esac.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;

import reactor.core.publisher.Mono;

/**
 * The Redis store is Spring Cloud Gateway's limiter (no Redis server here): checked is what we
 * hand it (per-group limits, one bucket per group and caller) and how its answer is read.
 */
class RedisRequestQuotaTest {

    private final List<String> asked = new ArrayList<>();
    private boolean allow = true;
    private final RedisRateLimiter limiter = new RedisRateLimiter(1, 1) {
        @Override
        public Mono<Response> isAllowed(String routeId, String id) {
            asked.add(routeId + " " + id);
            Config config = getConfig().get(routeId);
            assertThat(config).as("limits configured for " + routeId).isNotNull();
            return Mono.just(new Response(allow, Map.of(REMAINING_HEADER, allow ? "4" : "0",
                    REPLENISH_RATE_HEADER, String.valueOf(config.getReplenishRate()))));
        }
    };
    private final RedisRequestQuota quota = new RedisRequestQuota(limiter, new RateLimitProperties(
            RateLimitProperties.Store.REDIS, Map.of("insurance", new RateLimitProperties.Limit(4, 8)),
            new RateLimitProperties.Limit(20, 40), 1000, Duration.ofMinutes(10)));

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
}
