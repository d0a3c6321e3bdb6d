package qc.esac.kit.messaging;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import qc.esac.events.EventCatalog;
import qc.esac.events.EventData;
import qc.esac.events.EventDescriptor;
import qc.esac.events.EventSchemas;
import qc.esac.events.Topics;
import qc.esac.events.membership.MembershipLapsed;
import qc.esac.events.membership.OrganizationRegistered;
import qc.esac.testkit.TestEvents;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prints the CPU time {@link IncomingEvents#parse} takes per record, against the way it read records before
 * (the CloudEvents SDK's reader, then the schema check and {@code treeToValue}), in alternating rounds on the same
 * records (as producers write them: three registrations for one lapse). Single-threaded and CPU-bound: on a shared
 * machine compare the two within a run. Not part of the build:
 * {@code ./mvnw -B -pl infra/service-kit -am verify -Dtest=IncomingEventsBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 */
class IncomingEventsBenchmark {

    private static final int RECORDS = 4_000;
    private static final int PARSES_PER_ROUND = 100_000;
    private static final int ROUNDS = 7;

    private final JsonMapper json = JsonMapper.builder().build();
    private final IncomingEvents events = new IncomingEvents(json);

    @Test
    void parsingARecordCostsLessThanThroughTheSdk() {
        List<ConsumerRecord<String, byte[]>> records = records();
        double[] before = new double[ROUNDS];
        double[] after = new double[ROUNDS];
        for (int round = -2; round < ROUNDS; round++) {
            double sdk = measure(records, this::parseAsBefore);
            double now = measure(records, events::parse);
            if (round >= 0) {
                before[round] = sdk;
                after[round] = now;
                System.out.printf("[parse round %d] before %.2f µs/record, now %.2f µs/record%n", round, sdk, now);
            }
        }
        Arrays.sort(before);
        Arrays.sort(after);
        System.out.printf("%n[parse] median before %.2f µs/record, now %.2f µs/record (%.2f of before)%n%n",
                before[ROUNDS / 2], after[ROUNDS / 2], after[ROUNDS / 2] / before[ROUNDS / 2]);
        assertThat(events.parse(records.get(0)).data()).isEqualTo(parseAsBefore(records.get(0)).data());
    }

    private static double measure(List<ConsumerRecord<String, byte[]>> records,
                                  java.util.function.Function<ConsumerRecord<String, byte[]>, IncomingEvent> parse) {
        long start = System.nanoTime();
        int known = 0;
        for (int i = 0; i < PARSES_PER_ROUND; i++) {
            if (parse.apply(records.get(i % records.size())).isKnown()) {
                known++;
            }
        }
        long elapsed = System.nanoTime() - start;
        assertThat(known).isEqualTo(PARSES_PER_ROUND);
        return elapsed / 1_000.0 / PARSES_PER_ROUND;
    }

    /** What {@code IncomingEvents.parse} did before the envelope was read from the headers (same checks). */
    private IncomingEvent parseAsBefore(ConsumerRecord<String, byte[]> record) {
        CloudEvent event = KafkaMessageFactory.createReader(record).toEvent();
        long sequence = Long.parseLong(event.getExtension("aggregatesequence").toString());
        EventDescriptor descriptor = EventCatalog.byType(event.getType()).orElseThrow();
        JsonNode data = EventSchemas.validate(descriptor, event.getData().toBytes());
        EventData value = json.treeToValue(data, descriptor.dataClass());
        return new IncomingEvent(event.getId(), event.getType(), event.getSource().toString(), event.getSubject(),
                sequence, event.getTime().toInstant(), value);
    }

    private List<ConsumerRecord<String, byte[]>> records() {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            String id = UUID.randomUUID().toString();
            EventData data = i % 4 == 3
                    ? new MembershipLapsed("m-" + id, id, "net-1", "REGULAR", "LAPSED", "ACTIVE", false, false,
                    LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31), LocalDate.of(2027, 4, 1), "Cotisation impayée")
                    : new OrganizationRegistered(id, "Organisation " + i, "1234567890", "OBNL", "06",
                    List.of("ECONOMIE_SOCIALE"));
            ProducerRecord<String, byte[]> produced = TestEvents.record(OffsetDateTime.now(), Topics.MEMBERSHIP,
                    UUID.randomUUID().toString(), EventCatalog.of(data.getClass()).type(), id, 1 + i % 3,
                    json.writeValueAsString(data));
            records.add(new ConsumerRecord<>(Topics.MEMBERSHIP, 0, i, 0L, TimestampType.CREATE_TIME, -1, -1,
                    produced.key(), produced.value(), produced.headers(), Optional.empty()));
        }
        return records;
    }
}
