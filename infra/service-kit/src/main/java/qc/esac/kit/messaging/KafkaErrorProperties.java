package qc.esac.kit.messaging;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Retries of a failing record before it goes to its dead-letter topic ({@code esac.kafka.errors.*}):
 * exponential backoff from {@code initialInterval}, doubling up to {@code maxInterval}, {@code maxRetries}
 * times.
 */
@ConfigurationProperties("esac.kafka.errors")
public record KafkaErrorProperties(Integer maxRetries, Duration initialInterval, Duration maxInterval) {

    public KafkaErrorProperties {
        maxRetries = maxRetries == null ? 4 : maxRetries;
        initialInterval = initialInterval == null ? Duration.ofMillis(500) : initialInterval;
        maxInterval = maxInterval == null ? Duration.ofSeconds(10) : maxInterval;
    }
}
