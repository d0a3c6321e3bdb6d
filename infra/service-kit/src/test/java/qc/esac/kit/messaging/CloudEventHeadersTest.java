package qc.esac.kit.messaging;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import qc.esac.events.Topics;
import qc.esac.testkit.TestEvents;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The envelope read straight from the headers must say what the CloudEvents SDK says of the same record: the same
 * attributes for a record it accepts, a refusal for one it refuses.
 */
class CloudEventHeadersTest {

    private static final byte[] DATA = "{\"a\": 1}".getBytes(StandardCharsets.UTF_8);

    @Test
    void aProducersRecordIsReadWithoutTheSdkAndGivesWhatTheSdkGives() {
        ConsumerRecord<String, byte[]> record = record(headers -> {
        });

        CloudEventHeaders direct = CloudEventHeaders.readDirectly(record);
        CloudEvent sdk = KafkaMessageFactory.createReader(record).toEvent();

        assertThat(direct).isNotNull();
        assertThat(direct.id()).isEqualTo(sdk.getId());
        assertThat(direct.type()).isEqualTo(sdk.getType());
        assertThat(direct.source()).isEqualTo(sdk.getSource().toString());
        assertThat(direct.subject()).isEqualTo(sdk.getSubject());
        assertThat(direct.time()).isEqualTo(sdk.getTime().toInstant());
        assertThat(direct.sequence()).isEqualTo(sdk.getExtension("aggregatesequence"));
        assertThat(direct.legacySequence()).isEqualTo(sdk.getExtension("sequence"));
        assertThat(direct.data()).isEqualTo(sdk.getData().toBytes());
    }

    @Test
    void aRecordWrittenByTheSdksKafkaWriterIsReadDirectly() {
        ProducerRecord<String, byte[]> produced = TestEvents.record(OffsetDateTime.now(), Topics.MEMBERSHIP, "evt-9",
                "qc.esac.membership.organization-registered.v1", "org-9", 12, "{\"a\": 1}");
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(Topics.MEMBERSHIP, 0, 0, 0L,
                TimestampType.CREATE_TIME, 0, 0, produced.key(), produced.value(), produced.headers(), Optional.empty());

        CloudEventHeaders direct = CloudEventHeaders.readDirectly(record);
        CloudEvent sdk = KafkaMessageFactory.createReader(record).toEvent();

        assertThat(direct).isNotNull();
        assertThat(direct.subject()).isEqualTo("org-9");
        assertThat(direct.sequence()).isEqualTo(sdk.getExtension("aggregatesequence")).isEqualTo("12");
        assertThat(direct.time()).isEqualTo(sdk.getTime().toInstant());
        assertThat(direct.data()).isEqualTo(sdk.getData().toBytes());
    }

    @Test
    void eachVariantIsRefusedExactlyWhenTheSdkRefusesIt() {
        Map<String, Consumer<Map<String, String>>> variants = new LinkedHashMap<>();
        variants.put("as produced", h -> { });
        variants.put("no id", h -> h.remove("ce_id"));
        variants.put("no type", h -> h.remove("ce_type"));
        variants.put("no source", h -> h.remove("ce_source"));
        variants.put("no specversion", h -> h.remove("ce_specversion"));
        variants.put("specversion 0.3", h -> h.put("ce_specversion", "0.3"));
        variants.put("specversion 2.0", h -> h.put("ce_specversion", "2.0"));
        variants.put("source not a URI", h -> h.put("ce_source", "/esac/membership events"));
        variants.put("dataschema not a URI", h -> h.put("ce_dataschema", "http://x y"));
        variants.put("dataschema", h -> h.put("ce_dataschema", "https://schemas.esac.quebec/schemas/x.v1.json"));
        variants.put("time not a time", h -> h.put("ce_time", "hier"));
        variants.put("time 30 February", h -> h.put("ce_time", "2026-02-30T10:00:00Z"));
        variants.put("time without offset", h -> h.put("ce_time", "2026-12-06T10:00:00"));
        variants.put("time lower case", h -> h.put("ce_time", "2026-12-06t10:00:00z"));
        variants.put("time without seconds", h -> h.put("ce_time", "2026-12-06T10:00Z"));
        variants.put("time with offset", h -> h.put("ce_time", "2026-12-06T10:00:00.5-05:00"));
        variants.put("no time", h -> h.remove("ce_time"));
        variants.put("extension with a dash", h -> h.put("ce_trace-id", "x"));
        variants.put("extension in capitals", h -> h.put("ce_Origin", "x"));
        variants.put("structured content type", h -> h.put("content-type", "application/cloudevents+json"));
        variants.put("other content type", h -> h.put("content-type", "text/plain"));
        variants.put("no content type", h -> h.remove("content-type"));
        List<String> disagreements = new ArrayList<>();
        variants.forEach((name, change) -> {
            ConsumerRecord<String, byte[]> record = record(change);
            Optional<String> sdkRefusal = refusal(() -> KafkaMessageFactory.createReader(record).toEvent());
            Optional<String> refusal = refusal(() -> CloudEventHeaders.read(record));
            if (sdkRefusal.isPresent() != refusal.isPresent()) {
                disagreements.add(name + ": SDK " + sdkRefusal + ", here " + refusal);
            }
        });

        assertThat(disagreements).isEmpty();
    }

    @Test
    void aRefusedRecordIsUnprocessableWithTheSdksReason() {
        ConsumerRecord<String, byte[]> record = record(h -> h.put("ce_time", "hier"));

        assertThatThrownBy(() -> CloudEventHeaders.read(record)).isInstanceOf(UnprocessableEventException.class)
                .hasMessageStartingWith("Not a CloudEvent");
    }

    @Test
    void timesAreReadAsOffsetDateTimeReadsThem() {
        List<String> times = List.of("2026-12-06T09:17:35Z", "2026-12-06T09:17:35.1Z", "2026-12-06T09:17:35.123456Z",
                "2026-12-06T09:17:35.123456789Z", "2026-12-06T23:59:59.999-05:00", "2024-02-29T00:00:00+14:00",
                "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999-18:00", "2026-12-06T09:17:35+05:30",
                "1969-12-31T23:59:59.5Z", "2026-12-06T09:17:35-00:00");
        for (String time : times) {
            assertThat(CloudEventHeaders.RfcTime.parseCommon(time)).as(time)
                    .isEqualTo(OffsetDateTime.parse(time).toInstant());
        }
    }

    @Test
    void timesOutsideTheCommonFormAreLeftToOffsetDateTime() {
        List<String> times = List.of("2026-12-06T09:17Z", "2026-12-06t09:17:35z", "2026-12-06T09:17:35.Z",
                "2026-12-06T09:17:35.1234567891Z", "2026-12-06T09:17:35+05:30:10", "2026-12-06T09:17:35+0530",
                "2026-12-06T24:00:00Z", "2026-12-06T09:60:00Z", "2026-12-06T09:17:60Z", "2026-13-06T09:17:35Z",
                "2025-02-29T09:17:35Z", "2026-12-06T09:17:35+19:00", "2026-12-06T09:17:35", "+12026-12-06T09:17:35Z",
                "2026-12-06 09:17:35Z", "2026-12-06T09:17:35Zx", "");
        for (String time : times) {
            assertThat(CloudEventHeaders.RfcTime.parseCommon(time)).as(time).isNull();
            Optional<String> refused = refusal(() -> OffsetDateTime.parse(time));
            if (refused.isPresent()) {
                assertThat(CloudEventHeaders.RfcTime.parse(time)).as(time).isNull();
            } else {
                assertThat(CloudEventHeaders.RfcTime.parse(time)).as(time)
                        .isEqualTo(OffsetDateTime.parse(time).toInstant());
            }
        }
    }

    private static Optional<String> refusal(Runnable read) {
        try {
            read.run();
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static ConsumerRecord<String, byte[]> record(Consumer<Map<String, String>> change) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("ce_specversion", "1.0");
        values.put("ce_id", "evt-1");
        values.put("ce_source", "/esac/membership");
        values.put("ce_type", "qc.esac.membership.organization-registered.v1");
        values.put("ce_subject", "org-1");
        values.put("ce_time", "2026-12-06T09:17:35.123456Z");
        values.put("ce_aggregatesequence", "3");
        values.put("ce_traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        values.put("content-type", "application/json");
        change.accept(values);
        RecordHeaders headers = new RecordHeaders();
        values.forEach((key, value) -> headers.add(new RecordHeader(key, value.getBytes(StandardCharsets.UTF_8))));
        return new ConsumerRecord<>(Topics.MEMBERSHIP, 0, 0, 0L, TimestampType.CREATE_TIME, 0, 0, "org-1", DATA,
                headers, Optional.empty());
    }
}
