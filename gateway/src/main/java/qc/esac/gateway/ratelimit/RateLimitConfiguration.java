package qc.esac.gateway.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses the bucket store from {@code esac.gateway.rate-limit.store}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

    @Bean
    RequestQuota requestQuota(RateLimitProperties properties, ObjectProvider<RedisRateLimiter> redis,
            MeterRegistry meters) {
        if (properties.store() == RateLimitProperties.Store.REDIS) {
            RedisRateLimiter limiter = redis.getIfAvailable();
            if (limiter == null) {
                throw new IllegalStateException("esac.gateway.rate-limit.store=redis needs Spring Data Redis "
                        + "(spring.data.redis.*) to be configured");
            }
            return new RedisRequestQuota(limiter, properties, meters);
        }
        return new LocalRequestQuota(properties);
    }
}
