package qc.esac.fault;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The three poison records a consumed topic gets. */
class PoisonTest {

    @Test
    void malformedSchemaInvalidAndSubjectlessRecordsOfTheTopicsOwnType() {
        List<ProducerRecord<String, byte[]>> poison = Faults.poisonFor("esac.membership.events.v1");

        assertThat(poison).hasSize(3).allMatch(record -> record.topic().equals("esac.membership.events.v1"));
        assertThat(poison.get(0).headers().lastHeader("ce_type")).isNull();
        assertThat(new String(poison.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{pas du json");
        String type = new String(poison.get(1).headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8);
        assertThat(type).contains("membership");
        assertThat(poison.get(1).headers().lastHeader("ce_subject")).isNotNull();
        assertThat(poison.get(2).headers().lastHeader("ce_subject")).isNull();
    }

    @Test
    void aFixableRecordIsAValidEventCopiedUnderANewIdentifier() {
        String old = "0b7c3f9e-5d1a-4c1e-9a55-7f1e2d3c4b5a";
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_id", "e1".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_subject", old.getBytes(StandardCharsets.UTF_8));
        headers.add("ce_type", "qc.esac.membership.organization-registered.v1".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_aggregatesequence", "1".getBytes(StandardCharsets.UTF_8));
        byte[] data = ("{\"organizationId\":\"" + old + "\",\"legalName\":\"Coop du fleuve\"}")
                .getBytes(StandardCharsets.UTF_8);
        ConsumerRecord<String, byte[]> published = new ConsumerRecord<>("esac.membership.events.v1", 2, 7L, 0L,
                TimestampType.CREATE_TIME, 0, data.length, old, data, headers, Optional.empty());

        ProducerRecord<String, byte[]> copy = Faults.underNewIdentifier(published, "nouvelle");

        assertThat(copy.topic()).isEqualTo("esac.membership.events.v1");
        assertThat(copy.key()).isEqualTo("nouvelle");
        assertThat(new String(copy.value(), StandardCharsets.UTF_8))
                .isEqualTo("{\"organizationId\":\"nouvelle\",\"legalName\":\"Coop du fleuve\"}");
        assertThat(header(copy, "ce_subject")).isEqualTo("nouvelle");
        assertThat(header(copy, "ce_id")).isNotEqualTo("e1");
        assertThat(header(copy, "ce_type")).isEqualTo("qc.esac.membership.organization-registered.v1");
        assertThat(header(copy, "ce_aggregatesequence")).isEqualTo("1");
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    @Test
    void aServiceReadingItsOwnTopicIsNotExpectedToRejectItsPoison() {
        assertThat(Faults.ownTopic("membership-service", "esac.membership.events.v1")).isTrue();
        assertThat(Faults.ownTopic("training-service", "esac.membership.events.v1")).isFalse();
        assertThat(Faults.ownTopic("projects-service", "esac.training.events.v1")).isFalse();
    }
}
