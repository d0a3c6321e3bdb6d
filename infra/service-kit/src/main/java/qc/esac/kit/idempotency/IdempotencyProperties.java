package qc.esac.kit.idempotency;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code Idempotency-Key} handling ({@code esac.idempotency.*}).
 *
 * @param enabled         whether the header is honoured at all (default true)
 * @param methods         HTTP methods it applies to (default POST, PUT and PATCH: a PUT with If-Match retried
 *                        after its first run moved the version must get that run's answer, not 412); other
 *                        methods ignore the header
 * @param retention       how long a key is remembered after its request completed (default 24 h); a retry
 *                        later than that runs again
 * @param inFlightTimeout how long a key stays claimed by a request that has not completed (default 1 min);
 *                        past it, the instance is presumed dead and a retry may take the key over
 * @param retryAfter      the {@code Retry-After} suggested to a client whose key is still in flight
 *                        (default 2 s, rounded up to whole seconds)
 * @param maxResponseSize largest response body kept for replay (default 1 MB); a larger one is replayed
 *                        with its status and headers but without its body
 * @param collection      the service's MongoDB collection holding the keys (default {@code _idempotency})
 * @param replayedHeaders response headers stored and replayed with the status and body (default Location,
 *                        ETag, Content-Type, Content-Language, Last-Modified)
 */
@ConfigurationProperties("esac.idempotency")
public record IdempotencyProperties(Boolean enabled, List<String> methods, Duration retention,
                                    Duration inFlightTimeout, Duration retryAfter, DataSize maxResponseSize,
                                    String collection, List<String> replayedHeaders) {

    public IdempotencyProperties {
        enabled = enabled == null || enabled;
        methods = methods == null || methods.isEmpty() ? List.of("POST", "PUT", "PATCH")
                : methods.stream().map(method -> method.trim().toUpperCase(Locale.ROOT)).toList();
        retention = retention == null ? Duration.ofHours(24) : retention;
        inFlightTimeout = inFlightTimeout == null ? Duration.ofMinutes(1) : inFlightTimeout;
        retryAfter = retryAfter == null ? Duration.ofSeconds(2) : retryAfter;
        maxResponseSize = maxResponseSize == null ? DataSize.ofMegabytes(1) : maxResponseSize;
        collection = collection == null || collection.isBlank() ? "_idempotency" : collection;
        replayedHeaders = replayedHeaders == null ? List.of("Location", "ETag", "Content-Type",
                "Content-Language", "Last-Modified") : List.copyOf(replayedHeaders);
        if (retention.isNegative() || retention.isZero() || inFlightTimeout.isNegative() || inFlightTimeout.isZero()) {
            throw new IllegalArgumentException("esac.idempotency.retention and in-flight-timeout must be positive");
        }
    }

    /** Whole seconds for the {@code Retry-After} header, at least one. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    public boolean appliesTo(String method) {
        return enabled && method != null && methods.contains(method.toUpperCase(Locale.ROOT));
    }
}
