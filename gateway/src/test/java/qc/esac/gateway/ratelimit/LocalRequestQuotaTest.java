package qc.esac.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;

class LocalRequestQuotaTest {

    private final RateLimitProperties properties = new RateLimitProperties(RateLimitProperties.Store.LOCAL,
            Map.of("training", new RateLimitProperties.Limit(2, 3)), new RateLimitProperties.Limit(1, 1), 1000,
            Duration.ofMinutes(10), Duration.ofMillis(250));
    private final ManualClock clock = new ManualClock();
    private final LocalRequestQuota quota = new LocalRequestQuota(properties, clock);

    /** Time stands still unless the test moves it. */
    static final class ManualClock implements TimeMeter {
        private long nanos;

        void advance(Duration duration) {
            nanos += duration.toNanos();
        }

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }

    @Test
    void aBurstIsAllowedThenTheCallerWaitsForTheRefill() {
        assertThat(quota.consume("training", "sub:a").block().remaining()).isEqualTo(2);
        assertThat(quota.consume("training", "sub:a").block().allowed()).isTrue();
        assertThat(quota.consume("training", "sub:a").block().remaining()).isZero();
        RequestQuota.Decision refused = quota.consume("training", "sub:a").block();
        assertThat(refused.allowed()).isFalse();
        // Two per second: the next token is half a second away.
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(500));
        clock.advance(Duration.ofMillis(499));
        assertThat(quota.consume("training", "sub:a").block().allowed()).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(quota.consume("training", "sub:a").block().allowed()).isTrue();
        clock.advance(Duration.ofMinutes(1));
        assertThat(quota.consume("training", "sub:a").block().remaining()).as("never above the burst").isEqualTo(2);
    }

    @Test
    void callersAndGroupsHaveSeparateBuckets() {
        quota.consume("autre", "sub:a").block();
        assertThat(quota.consume("autre", "sub:a").block().allowed()).as("fallback limit of 1").isFalse();
        assertThat(quota.consume("autre", "sub:b").block().allowed()).isTrue();
        assertThat(quota.consume("training", "sub:a").block().allowed()).isTrue();
    }
}
