package qc.esac.kit.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import qc.esac.events.EventCatalog;
import qc.esac.events.Topics;
import qc.esac.events.membership.OrganizationRegistered;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IncomingEventsTest {

    private static final String TYPE = EventCatalog.of(OrganizationRegistered.class).type();
    private static final String DATA = """
            {"organizationId": "org-1", "legalName": "Coop de l’Estrie", "neq": "1234567890", "legalForm": "OBNL",
             "regionCode": "05", "sectorCodes": []}""";

    private final IncomingEvents events = new IncomingEvents(JsonMapper.builder().build());

    @Test
    void readsAWellFormedEventAsItsContractRecord() {
        IncomingEvent event = events.parse(record(TYPE, "org-1", "3", DATA));

        assertThat(event.subject()).isEqualTo("org-1");
        assertThat(event.sequence()).isEqualTo(3);
        assertThat(event.dataAs(OrganizationRegistered.class)).hasValueSatisfying(data -> {
            assertThat(data.legalName()).isEqualTo("Coop de l’Estrie");
            assertThat(data.regionCode()).isEqualTo("05");
        });
    }

    @Test
    void theSequenceTravelsAsTheAggregatesequenceExtensionAndComparesAsANumber() {
        IncomingEvent second = events.parse(record(TYPE, "org-1", "2", DATA));
        IncomingEvent tenth = events.parse(record(TYPE, "org-1", "10", DATA));

        assertThat(tenth.sequence()).isGreaterThan(second.sequence());
    }

    @Test
    void aRecordWrittenBeforeTheRenameIsReadFromItsLegacySequenceHeader() {
        ConsumerRecord<String, byte[]> record = record(TYPE, "org-1", null, DATA);
        header((RecordHeaders) record.headers(), "ce_sequence", "7");

        assertThat(events.parse(record).sequence()).isEqualTo(7);
    }

    @Test
    void aCloudEventsSequenceHeaderAloneIsNotTakenForTheAggregateSequenceWhenBothArePresent() {
        ConsumerRecord<String, byte[]> record = record(TYPE, "org-1", "12", DATA);
        header((RecordHeaders) record.headers(), "ce_sequence", "3");

        assertThat(events.parse(record).sequence()).isEqualTo(12);
    }

    @Test
    void anEventOfAnUnknownTypeIsReadWithoutDataSoThatConsumersSkipIt() {
        IncomingEvent event = events.parse(record("qc.esac.membership.something-new.v1", "org-1", "1", "{\"x\": 1}"));

        assertThat(event.isKnown()).isFalse();
        assertThat(event.dataAs(OrganizationRegistered.class)).isEqualTo(Optional.empty());
    }

    @Test
    void dataBreakingItsSchemaIsUnprocessable() {
        assertThatThrownBy(() -> events.parse(record(TYPE, "org-1", "1", DATA.replace("1234567890", "12"))))
                .isInstanceOf(UnprocessableEventException.class).hasMessageContaining("neq");
    }

    @Test
    void anEventWithoutSequenceOrSubjectIsUnprocessable() {
        assertThatThrownBy(() -> events.parse(record(TYPE, "org-1", null, DATA)))
                .isInstanceOf(UnprocessableEventException.class).hasMessageContaining("sequence");
        assertThatThrownBy(() -> events.parse(record(TYPE, "org-1", "zéro", DATA)))
                .isInstanceOf(UnprocessableEventException.class);
        assertThatThrownBy(() -> events.parse(record(TYPE, null, "1", DATA)))
                .isInstanceOf(UnprocessableEventException.class);
    }

    @Test
    void aRecordThatIsNotACloudEventIsUnprocessable() {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(Topics.MEMBERSHIP, 0, 0, "k",
                "bonjour".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> events.parse(record)).isInstanceOf(UnprocessableEventException.class);
    }

    private static ConsumerRecord<String, byte[]> record(String type, String subject, String sequence, String data) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, "ce_specversion", "1.0");
        header(headers, "ce_id", "evt-1");
        header(headers, "ce_source", "/esac/membership");
        header(headers, "ce_type", type);
        header(headers, "content-type", "application/json");
        if (subject != null) {
            header(headers, "ce_subject", subject);
        }
        if (sequence != null) {
            header(headers, "ce_aggregatesequence", sequence);
        }
        return new ConsumerRecord<>(Topics.MEMBERSHIP, 0, 0, 0L, TimestampType.CREATE_TIME, 0, 0, subject,
                data.getBytes(StandardCharsets.UTF_8), headers, Optional.empty());
    }

    private static void header(RecordHeaders headers, String key, String value) {
        headers.add(new RecordHeader(key, value.getBytes(StandardCharsets.UTF_8)));
    }
}
