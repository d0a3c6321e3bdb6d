package qc.esac.kit.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class KafkaHealthIndicatorTest {

    /**
     * Port 1 on loopback: nothing listens there. The timeout guards against a hang (the Kafka
     * client's own default is a minute); it asserts nothing about speed.
     */
    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void reportsDownWhenNoBrokerAnswers() {
        KafkaHealthIndicator indicator = new KafkaHealthIndicator(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1"), Duration.ofMillis(500));
        try {
            Health health = indicator.health();

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsKey("error");
            // A second check reuses the client and still answers.
            assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
        }
        finally {
            indicator.destroy();
        }
    }
}
