package qc.esac.kit.outbox;

import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import qc.esac.events.membership.OrganizationRegistered;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxEventFactoryTest {

    private static final OrganizationRegistered REGISTERED = new OrganizationRegistered("org-1", "Coop de l’Estrie",
            "1234567890", "OBNL", "05", List.of());

    private static OutboxEventFactory factory(URI schemaBaseUrl) {
        return new OutboxEventFactory(JsonMapper.builder().build(),
                Clock.fixed(Instant.parse("2026-12-06T12:00:00Z"), ZoneOffset.UTC),
                new StaticListableBeanFactory().getBeanProvider(Tracer.class), schemaBaseUrl);
    }

    @Test
    void theDataschemaIsTheSchemasAddressInThisDeployment() {
        OutboxEvent event = factory(URI.create("http://127.0.0.1:8080")).create("org-1", 0, List.of(REGISTERED)).get(0);

        assertThat(event.dataSchema())
                .isEqualTo("http://127.0.0.1:8080/schemas/membership/organization-registered.v1.json");
    }

    @Test
    void aBaseUrlWithAPathKeepsIt() {
        OutboxEvent event = factory(URI.create("https://api.example.org/esac/")).create("org-1", 0, List.of(REGISTERED))
                .get(0);

        assertThat(event.dataSchema())
                .isEqualTo("https://api.example.org/esac/schemas/membership/organization-registered.v1.json");
    }

    @Test
    void eventsAreNumberedAfterTheAggregatesLastSequence() {
        List<OutboxEvent> events = factory(URI.create("http://127.0.0.1:8080/")).create("org-1", 9,
                List.of(REGISTERED, REGISTERED));

        assertThat(events).extracting(OutboxEvent::sequence).containsExactly(10L, 11L);
    }
}
