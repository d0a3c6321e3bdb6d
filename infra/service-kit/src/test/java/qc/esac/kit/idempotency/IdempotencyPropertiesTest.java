package qc.esac.kit.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

/** The documented {@code esac.idempotency.*} properties and their defaults. */
class IdempotencyPropertiesTest {

    @Test
    void defaults() {
        IdempotencyProperties properties = bind(Map.of("esac.idempotency.enabled", "true"));
        assertThat(properties.enabled()).isTrue();
        assertThat(properties.methods()).containsExactly("POST", "PUT", "PATCH");
        assertThat(properties.retention()).isEqualTo(Duration.ofHours(24));
        assertThat(properties.inFlightTimeout()).isEqualTo(Duration.ofMinutes(1));
        assertThat(properties.retryAfterSeconds()).isEqualTo(2);
        assertThat(properties.maxResponseSize()).isEqualTo(DataSize.ofMegabytes(1));
        assertThat(properties.collection()).isEqualTo("_idempotency");
        assertThat(properties.replayedHeaders()).contains("Location", "ETag", "Content-Type");
        assertThat(properties.appliesTo("post")).isTrue();
        assertThat(properties.appliesTo("PUT")).isTrue();
        assertThat(properties.appliesTo("patch")).isTrue();
        assertThat(properties.appliesTo("GET")).isFalse();
        assertThat(properties.appliesTo("DELETE")).isFalse();
    }

    @Test
    void everyPropertyBindsFromItsDocumentedName() {
        IdempotencyProperties properties = bind(Map.of(
                "esac.idempotency.enabled", "false",
                "esac.idempotency.methods", "post, patch",
                "esac.idempotency.retention", "48h",
                "esac.idempotency.in-flight-timeout", "90s",
                "esac.idempotency.retry-after", "1500ms",
                "esac.idempotency.max-response-size", "256KB",
                "esac.idempotency.collection", "cles",
                "esac.idempotency.replayed-headers", "Location"));
        assertThat(properties.enabled()).isFalse();
        assertThat(properties.appliesTo("POST")).isFalse();
        assertThat(properties.methods()).containsExactly("POST", "PATCH");
        assertThat(properties.retention()).isEqualTo(Duration.ofHours(48));
        assertThat(properties.inFlightTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(properties.retryAfterSeconds()).as("rounded up").isEqualTo(2);
        assertThat(properties.maxResponseSize()).isEqualTo(DataSize.ofKilobytes(256));
        assertThat(properties.collection()).isEqualTo("cles");
        assertThat(properties.replayedHeaders()).isEqualTo(List.of("Location"));
    }

    private static IdempotencyProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bind("esac.idempotency", IdempotencyProperties.class).get();
    }
}
