package qc.esac.gateway.ratelimit;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code esac.gateway.rate-limit.*}. Each caller (token subject, else client IP address) has one
 * token bucket per route group: {@code burst-capacity} requests at once, refilled at
 * {@code replenish-rate} per second.
 *
 * @param store {@code local}: buckets in this gateway's memory (one instance, local stack, tests);
 *        {@code redis}: Spring Cloud Gateway's Redis rate limiter, shared by every instance
 *        ({@code spring.data.redis.*} says where Redis is)
 * @param groups limits per route group (a service name, or {@code docs})
 * @param fallback limits of a group not listed
 * @param maxTrackedCallers local store: callers remembered at most (least recently seen forgotten first)
 * @param idleExpiry local store: a caller's buckets are dropped after this long without requests
 * @param storeTimeout redis store: how long a request waits for Redis before it is let through unlimited
 */
@ConfigurationProperties("esac.gateway.rate-limit")
public record RateLimitProperties(@DefaultValue("local") Store store, Map<String, Limit> groups,
        @DefaultValue Limit fallback, @DefaultValue("100000") long maxTrackedCallers,
        @DefaultValue("10m") Duration idleExpiry, @DefaultValue("250ms") Duration storeTimeout) {

    public RateLimitProperties {
        groups = groups == null ? Map.of() : Map.copyOf(groups);
    }

    public Limit limitOf(String group) {
        return groups.getOrDefault(group, fallback);
    }

    public enum Store {
        LOCAL, REDIS
    }

    /**
     * @param replenishRate requests per second a caller may sustain
     * @param burstCapacity requests a caller may send at once
     */
    public record Limit(@DefaultValue("20") int replenishRate, @DefaultValue("40") int burstCapacity) {

        public Limit {
            if (replenishRate < 1 || burstCapacity < 1) {
                throw new IllegalArgumentException("rate limits must be at least 1 request");
            }
        }
    }
}
