package qc.esac.membership.support;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import qc.esac.events.EventCatalog;
import qc.esac.events.EventData;
import qc.esac.events.EventSchemas;
import qc.esac.testkit.TopicProbe;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks what the service published about one aggregate: how many, once each, in order, schema-valid. */
public final class PublishedEvents {

    private PublishedEvents() {
    }

    /**
     * Waits for exactly {@code types.size()} events of {@code subject} (a short extra wait catches duplicates),
     * checks their types in order, consecutive sequences, the key, and each payload against its schema.
     */
    @SafeVarargs
    public static List<Event> expect(TopicProbe probe, String subject, Class<? extends EventData>... types) {
        return expectFrom(probe, subject, 1, types);
    }

    /**
     * As {@link #expect}, for the events of {@code subject} from sequence {@code fromSequence} on: the earlier
     * ones may reach the topic before or after the probe started, which a test cannot know.
     */
    @SafeVarargs
    public static List<Event> expectFrom(TopicProbe probe, String subject, long fromSequence,
                                         Class<? extends EventData>... types) {
        Predicate<ConsumerRecord<String, byte[]>> matching = TopicProbe.subject(subject)
                .and(r -> Long.parseLong(TopicProbe.header(r, "ce_aggregatesequence")) >= fromSequence);
        probe.await(matching, types.length, Duration.ofSeconds(20));
        List<ConsumerRecord<String, byte[]>> records = probe.collect(matching, Duration.ofMillis(600));
        assertThat(records).as("events of " + subject + ", each exactly once").hasSize(types.length);
        long first = Long.parseLong(TopicProbe.header(records.get(0), "ce_aggregatesequence"));
        for (int i = 0; i < types.length; i++) {
            ConsumerRecord<String, byte[]> record = records.get(i);
            String type = EventCatalog.of(types[i]).type();
            assertThat(TopicProbe.header(record, "ce_type")).as("event " + i + " of " + subject).isEqualTo(type);
            assertThat(record.key()).isEqualTo(subject);
            assertThat(Long.parseLong(TopicProbe.header(record, "ce_aggregatesequence"))).as("in order").isEqualTo(first + i);
        }
        return records.stream().map(r -> new Event(TopicProbe.header(r, "ce_type"),
                EventSchemas.validate(TopicProbe.header(r, "ce_type"), r.value()))).toList();
    }

    /** Nothing about {@code subject} within a short wait. */
    public static void expectNone(TopicProbe probe, String subject) {
        assertThat(probe.collect(TopicProbe.subject(subject), Duration.ofMillis(800))).isEmpty();
    }

    public record Event(String type, JsonNode data) {
    }
}
