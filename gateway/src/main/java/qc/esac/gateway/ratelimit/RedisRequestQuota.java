package qc.esac.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;

import reactor.core.publisher.Mono;

/**
 * Spring Cloud Gateway's Redis token bucket (one Lua script per request, atomic in Redis), so the
 * limits hold across all gateway instances. Configured with the same groups and limits as the
 * local store.
 *
 * <p>When Redis is unreachable or slower than {@code esac.gateway.rate-limit.store-timeout}, the request
 * is let through (fail open): the limiter protects the services from floods, it does not decide who may
 * do what (every service checks the token again), and an outage of its store must not become an outage
 * of the platform. Each such request is counted in {@code esac_gateway_rate_limit_store_failures_total}
 * and logged (at most one warning per {@link #LOG_EVERY}), so the outage is visible and alertable.
 * The bounded wait matters: while disconnected, the Redis client queues commands until its own timeout.
 */
class RedisRequestQuota implements RequestQuota {

    static final String FAILURES_METRIC = "esac.gateway.rate-limit.store.failures";
    static final Duration LOG_EVERY = Duration.ofSeconds(30);
    /** What Spring Cloud Gateway's limiter reports as tokens left when its Lua call failed (it then allows). */
    private static final long STORE_FAILED = -1;

    private static final Logger log = LoggerFactory.getLogger(RedisRequestQuota.class);

    private final RedisRateLimiter limiter;
    private final RateLimitProperties properties;
    private final Counter failures;
    private final AtomicLong lastWarning = new AtomicLong(Long.MIN_VALUE);

    RedisRequestQuota(RedisRateLimiter limiter, RateLimitProperties properties, MeterRegistry meters) {
        this.limiter = limiter;
        this.properties = properties;
        this.failures = Counter.builder(FAILURES_METRIC)
                .description("Requests let through because the rate-limit store (Redis) did not answer")
                .register(meters);
    }

    @Override
    public Mono<Decision> consume(String group, String caller) {
        RateLimitProperties.Limit limit = properties.limitOf(group);
        limiter.getConfig().computeIfAbsent(group, key -> new RedisRateLimiter.Config()
                .setReplenishRate(limit.replenishRate()).setBurstCapacity(limit.burstCapacity())
                .setRequestedTokens(1));
        return limiter.isAllowed(group, group + '|' + caller)
                .timeout(properties.storeTimeout())
                .map(response -> {
                    String remaining = response.getHeaders().get(RedisRateLimiter.REMAINING_HEADER);
                    long left = remaining == null ? STORE_FAILED : Long.parseLong(remaining);
                    if (left == STORE_FAILED) {
                        return storeUnavailable(null);
                    }
                    // One token per request, refilled at replenishRate per second.
                    Duration wait = Duration.ofMillis(Math.max(1, 1000 / limit.replenishRate()));
                    return new Decision(response.isAllowed(), left, response.isAllowed() ? Duration.ZERO : wait);
                })
                .onErrorResume(error -> Mono.just(storeUnavailable(error)));
    }

    private Decision storeUnavailable(Throwable error) {
        failures.increment();
        long now = System.nanoTime();
        long last = lastWarning.get();
        if ((last == Long.MIN_VALUE || now - last >= LOG_EVERY.toNanos()) && lastWarning.compareAndSet(last, now)) {
            log.warn("Rate-limit store (Redis) unavailable: requests pass unlimited until it answers again ({})",
                    error == null ? "the limiter's script failed" : error.toString());
        }
        return new Decision(true, -1, Duration.ZERO);
    }
}
