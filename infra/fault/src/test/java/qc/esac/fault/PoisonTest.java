package qc.esac.fault;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

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
}
