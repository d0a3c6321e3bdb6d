package qc.esac.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LocalRequestQuotaTest {

    private final RateLimitProperties properties = new RateLimitProperties(RateLimitProperties.Store.LOCAL,
            Map.of("training", new RateLimitProperties.Limit(2, 3)), new RateLimitProperties.Limit(1, 1), 1000,
            Duration.ofMinutes(10));
    private final LocalRequestQuota quota = new LocalRequestQuota(properties);

    @Test
    void aBurstIsAllowedThenTheCallerWaitsForTheRefill() {
        assertThat(quota.consume("training", "sub:a").block().remaining()).isEqualTo(2);
        assertThat(quota.consume("training", "sub:a").block().allowed()).isTrue();
        assertThat(quota.consume("training", "sub:a").block().remaining()).isZero();
        RequestQuota.Decision refused = quota.consume("training", "sub:a").block();
        assertThat(refused.allowed()).isFalse();
        // Two per second: the next token is at most half a second away.
        assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMillis(500));
    }

    @Test
    void callersAndGroupsHaveSeparateBuckets() {
        quota.consume("autre", "sub:a").block();
        assertThat(quota.consume("autre", "sub:a").block().allowed()).as("fallback limit of 1").isFalse();
        assertThat(quota.consume("autre", "sub:b").block().allowed()).isTrue();
        assertThat(quota.consume("training", "sub:a").block().allowed()).isTrue();
    }
}
