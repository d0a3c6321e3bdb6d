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
 * when the store answers again. Applied before the connection string, so {@code ...?timeoutMS=} or
 * {@code ...?socketTimeoutMS=} in {@code spring.mongodb.uri} still wins; each is also a property
 * ({@code esac.mongodb.*}).
 *
 * <p>The operation timeout bounds each operation as a whole; the others bound one step each and only shorten it.
 */
@AutoConfiguration(before = MongoAutoConfiguration.class)
@ConditionalOnClass(MongoClientSettings.class)
public class EsacMongoAutoConfiguration {

    /**
     * Budget of one operation as a whole (driver option {@code timeoutMS}, client-side operation timeout), default
     * 3 s: server selection, pooled connection, connecting, the answer and the driver's retry of a read all come out
     * of it, and the store is told the remainder ({@code maxTimeMS}). Without it the per-step timeouts below stack
     * (a read timing out after 3 s, retried once, each attempt also waiting for a server and a connection: 6 s and
     * more, 10 s once in the fault suite's store pause). A find's budget covers its cursor's whole life, so code
     * iterating a large result slowly needs its own longer timeout. {@code 0} turns it off (the driver's
     * {@code timeoutMS=0} would mean no limit at all): only the per-step timeouts apply then. The driver still marks
     * the API alpha (5.6).
     */
    public static final String OPERATION_TIMEOUT = "esac.mongodb.operation-timeout";
    /** Longest wait for a server able to take the operation (driver default 30 s). */
    public static final String SERVER_SELECTION_TIMEOUT = "esac.mongodb.server-selection-timeout";
    /** Longest wait for a TCP connection (driver default 10 s). */
    public static final String CONNECT_TIMEOUT = "esac.mongodb.connect-timeout";
    /**
     * Longest wait for one answer on an open connection (driver default: none) when the operation timeout is off;
     * with it, the driver waits for an answer as long as the operation's budget allows and ignores this one.
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
        Duration operation = binder.bind(OPERATION_TIMEOUT, Duration.class).orElse(Duration.ofSeconds(3));
        return new Timeouts(operation, serverSelection, connect, read, poolWait);
    }

    /**
     * First of the customizers: Boot's own (order 0) applies the connection string after it. A zero
     * {@code operation} leaves the driver's operation timeout unset.
     */
    record Timeouts(Duration operation, Duration serverSelection, Duration connect, Duration read, Duration poolWait)
            implements MongoClientSettingsBuilderCustomizer, Ordered {

        @Override
        public void customize(MongoClientSettings.Builder settings) {
            if (!operation.isNegative() && !operation.isZero()) {
                settings.timeout(operation.toMillis(), TimeUnit.MILLISECONDS);
            }
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
