package qc.esac.gateway.ratelimit;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

import reactor.core.publisher.Mono;

/**
 * Token buckets (Bucket4j) in this instance's memory, one per caller and group, kept in a bounded
 * cache so that a flood of distinct callers cannot exhaust memory. Limits hold per instance only:
 * with several gateway instances use the Redis store.
 */
class LocalRequestQuota implements RequestQuota {

    private final RateLimitProperties properties;
    private final TimeMeter clock;
    private final Cache<String, Bucket> buckets;

    LocalRequestQuota(RateLimitProperties properties) {
        this(properties, TimeMeter.SYSTEM_NANOTIME);
    }

    /** With another clock: tests move time themselves. */
    LocalRequestQuota(RateLimitProperties properties, TimeMeter clock) {
        this.properties = properties;
        this.clock = clock;
        this.buckets = Caffeine.newBuilder().maximumSize(properties.maxTrackedCallers())
                .expireAfterAccess(properties.idleExpiry()).build();
    }

    @Override
    public Mono<Decision> consume(String group, String caller) {
        Bucket bucket = buckets.get(group + '|' + caller, key -> newBucket(properties.limitOf(group)));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return Mono.just(new Decision(probe.isConsumed(), probe.getRemainingTokens(),
                probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill())));
    }

    private Bucket newBucket(RateLimitProperties.Limit limit) {
        return Bucket.builder().withCustomTimePrecision(clock)
                .addLimit(Bandwidth.builder().capacity(limit.burstCapacity())
                        .refillGreedy(limit.replenishRate(), Duration.ofSeconds(1)).build())
                .build();
    }
}
