package qc.esac.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kafka.server.KafkaConfig;

class KafkaBrokerConfigTest {

    @TempDir
    Path logs;

    /** Read as the broker reads its properties, so that a misspelt or refused setting fails here. */
    private KafkaConfig brokerConfig() {
        Properties properties = new Properties();
        properties.putAll(KafkaBrokerConfig.properties(logs, 1, 19092, 19093, "1@127.0.0.1:19093", 1));
        return KafkaConfig.fromProps(properties);
    }

    @Test
    void offsetCommitsAreWrittenAtOnceNotHeldToBeBatchedWithOthers() {
        // Every listener commits after each poll it applied: a commit held by the coordinator delays every event's
        // "applied" by as much (Kafka 4's default holds it 5 ms).
        assertThat(brokerConfig().groupCoordinatorConfig().appendLingerMs()).isZero();
    }
}
