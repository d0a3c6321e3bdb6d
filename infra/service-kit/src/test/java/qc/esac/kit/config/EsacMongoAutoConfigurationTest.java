package qc.esac.kit.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The kit's store timeouts: one budget per operation by default, each setting a property, the URI winning. */
class EsacMongoAutoConfigurationTest {

    @Test
    void anOperationHasAThreeSecondBudgetAndShortStepsByDefault() {
        MongoClientSettings settings = settings(new MockEnvironment(), "mongodb://localhost:27017");

        assertThat(settings.getTimeout(TimeUnit.MILLISECONDS)).isEqualTo(3_000L);
        assertThat(settings.getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS)).isEqualTo(2_000);
        assertThat(settings.getSocketSettings().getConnectTimeout(TimeUnit.MILLISECONDS)).isEqualTo(2_000);
        assertThat(settings.getSocketSettings().getReadTimeout(TimeUnit.MILLISECONDS)).isEqualTo(3_000);
        assertThat(settings.getConnectionPoolSettings().getMaxWaitTime(TimeUnit.MILLISECONDS)).isEqualTo(2_000);
    }

    @Test
    void eachTimeoutIsAProperty() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty(EsacMongoAutoConfiguration.OPERATION_TIMEOUT, "4s")
                .withProperty(EsacMongoAutoConfiguration.SERVER_SELECTION_TIMEOUT, "1500ms")
                .withProperty(EsacMongoAutoConfiguration.CONNECT_TIMEOUT, "1s")
                .withProperty(EsacMongoAutoConfiguration.READ_TIMEOUT, "5s")
                .withProperty(EsacMongoAutoConfiguration.POOL_WAIT_TIMEOUT, "500ms");

        MongoClientSettings settings = settings(environment, "mongodb://localhost:27017");

        assertThat(settings.getTimeout(TimeUnit.MILLISECONDS)).isEqualTo(4_000L);
        assertThat(settings.getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS)).isEqualTo(1_500);
        assertThat(settings.getSocketSettings().getConnectTimeout(TimeUnit.MILLISECONDS)).isEqualTo(1_000);
        assertThat(settings.getSocketSettings().getReadTimeout(TimeUnit.MILLISECONDS)).isEqualTo(5_000);
        assertThat(settings.getConnectionPoolSettings().getMaxWaitTime(TimeUnit.MILLISECONDS)).isEqualTo(500);
    }

    @Test
    void aZeroOperationTimeoutLeavesOnlyTheStepTimeouts() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty(EsacMongoAutoConfiguration.OPERATION_TIMEOUT, "0");

        MongoClientSettings settings = settings(environment, "mongodb://localhost:27017");

        assertThat(settings.getTimeout(TimeUnit.MILLISECONDS)).isNull();
        assertThat(settings.getSocketSettings().getReadTimeout(TimeUnit.MILLISECONDS)).isEqualTo(3_000);
    }

    @Test
    void theConnectionStringWins() {
        MongoClientSettings settings = settings(new MockEnvironment(),
                "mongodb://localhost:27017/?timeoutMS=7000&socketTimeoutMS=9000");

        assertThat(settings.getTimeout(TimeUnit.MILLISECONDS)).isEqualTo(7_000L);
        assertThat(settings.getSocketSettings().getReadTimeout(TimeUnit.MILLISECONDS)).isEqualTo(9_000);
    }

    /** The kit's customizer first, then the connection string, as Boot applies them. */
    private static MongoClientSettings settings(MockEnvironment environment, String uri) {
        MongoClientSettings.Builder builder = MongoClientSettings.builder();
        new EsacMongoAutoConfiguration().esacMongoTimeouts(environment).customize(builder);
        return builder.applyConnectionString(new ConnectionString(uri)).build();
    }
}
