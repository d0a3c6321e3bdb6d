package qc.esac.gateway.ratelimit;

import java.time.Duration;

import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;

import reactor.core.publisher.Mono;

/**
 * Spring Cloud Gateway's Redis token bucket (one Lua script per request, atomic in Redis), so the
 * limits hold across all gateway instances. Configured with the same groups and limits as the
 * local store. When Redis is unreachable the limiter lets requests through (and logs): an outage
 * of the limiter's store does not become an outage of the platform.
 */
class RedisRequestQuota implements RequestQuota {

    private final RedisRateLimiter limiter;
    private final RateLimitProperties properties;

    RedisRequestQuota(RedisRateLimiter limiter, RateLimitProperties properties) {
        this.limiter = limiter;
        this.properties = properties;
    }

    @Override
    public Mono<Decision> consume(String group, String caller) {
        RateLimitProperties.Limit limit = properties.limitOf(group);
        limiter.getConfig().computeIfAbsent(group, key -> new RedisRateLimiter.Config()
                .setReplenishRate(limit.replenishRate()).setBurstCapacity(limit.burstCapacity())
                .setRequestedTokens(1));
        return limiter.isAllowed(group, group + '|' + caller).map(response -> {
            String remaining = response.getHeaders().get(RedisRateLimiter.REMAINING_HEADER);
            long left = remaining == null ? -1 : Long.parseLong(remaining);
            // One token per request, refilled at replenishRate per second.
            Duration wait = Duration.ofMillis(Math.max(1, 1000 / limit.replenishRate()));
            return new Decision(response.isAllowed(), left, response.isAllowed() ? Duration.ZERO : wait);
        });
    }
}
