package qc.esac.kit.config;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.mongodb.MongoClientSettings;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Short store timeouts, so that a store that stops answering makes requests fail fast (503
 * {@code stockage.indisponible}, see ProblemExceptionHandler) instead of holding every request thread for the
 * driver's defaults (30 s to pick a server, no limit on a read), and so that the service recovers by itself
 * when the store answers again. Applied before the connection string, so {@code ...?socketTimeoutMS=} in
 * {@code spring.mongodb.uri} still wins; each is also a property ({@code esac.mongodb.*}).
 */
@AutoConfiguration(before = MongoAutoConfiguration.class)
@ConditionalOnClass(MongoClientSettings.class)
public class EsacMongoAutoConfiguration {

    /** Longest wait for a server able to take the operation (driver default 30 s). */
    public static final String SERVER_SELECTION_TIMEOUT = "esac.mongodb.server-selection-timeout";
    /** Longest wait for a TCP connection (driver default 10 s). */
    public static final String CONNECT_TIMEOUT = "esac.mongodb.connect-timeout";
    /**
     * Longest wait for one answer on an open connection (driver default: none); a query slower than this is a 503.
     * This is not a bound on a request: a read is retried once, and each attempt may also wait for a server
     * (server selection) and for a pooled connection, so timeouts can stack (the fault suite's store pause measured
     * 5-6 s, and 10 s once, for a request whose store stopped answering). The driver's operation timeout
     * ({@code timeoutMS}) would bound the whole; it is still an alpha API in driver 5.6.
     */
    public static final String READ_TIMEOUT = "esac.mongodb.read-timeout";
    /** Longest wait for a pooled connection (driver default 2 min). */
    public static final String POOL_WAIT_TIMEOUT = "esac.mongodb.pool-wait-timeout";

    @Bean
    MongoClientSettingsBuilderCustomizer esacMongoTimeouts(Environment environment) {
        Binder binder = Binder.get(environment);
        Duration serverSelection = binder.bind(SERVER_SELECTION_TIMEOUT, Duration.class).orElse(Duration.ofSeconds(2));
        Duration connect = binder.bind(CONNECT_TIMEOUT, Duration.class).orElse(Duration.ofSeconds(2));
        Duration read = binder.bind(READ_TIMEOUT, Duration.class).orElse(Duration.ofSeconds(3));
        Duration poolWait = binder.bind(POOL_WAIT_TIMEOUT, Duration.class).orElse(Duration.ofSeconds(2));
        return new Timeouts(serverSelection, connect, read, poolWait);
    }

    /** First of the customizers: Boot's own (order 0) applies the connection string after it. */
    record Timeouts(Duration serverSelection, Duration connect, Duration read, Duration poolWait)
            implements MongoClientSettingsBuilderCustomizer, Ordered {

        @Override
        public void customize(MongoClientSettings.Builder settings) {
            settings.applyToClusterSettings(cluster -> cluster
                            .serverSelectionTimeout(serverSelection.toMillis(), TimeUnit.MILLISECONDS))
                    .applyToSocketSettings(socket -> socket
                            .connectTimeout((int) connect.toMillis(), TimeUnit.MILLISECONDS)
                            .readTimeout((int) read.toMillis(), TimeUnit.MILLISECONDS))
                    .applyToConnectionPoolSettings(pool -> pool
                            .maxWaitTime(poolWait.toMillis(), TimeUnit.MILLISECONDS));
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }
}
