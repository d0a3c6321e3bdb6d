package qc.esac.kit.messaging;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Kafka settings every service shares, added after the application's own configuration so that a service
 * or an environment variable can still override them.
 */
public class MessagingDefaults implements EnvironmentPostProcessor {

    static final Map<String, Object> DEFAULTS = Map.of(
            "spring.kafka.consumer.key-deserializer", "org.apache.kafka.common.serialization.StringDeserializer",
            "spring.kafka.consumer.value-deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer",
            "spring.kafka.consumer.auto-offset-reset", "earliest",
            "spring.kafka.consumer.properties.isolation.level", "read_committed",
            "spring.kafka.listener.observation-enabled", "true",
            "spring.kafka.producer.key-serializer", "org.apache.kafka.common.serialization.StringSerializer",
            "spring.kafka.producer.value-serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("esacMessagingDefaults", DEFAULTS));
    }
}
