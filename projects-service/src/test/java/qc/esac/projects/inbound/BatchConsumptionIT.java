package qc.esac.projects.inbound;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import qc.esac.events.EventCatalog;
import qc.esac.events.EventData;
import qc.esac.events.Topics;
import qc.esac.events.insurance.ParticipationActivated;
import qc.esac.events.insurance.ParticipationInGrace;
import qc.esac.events.insurance.ParticipationReinstated;
import qc.esac.events.insurance.ParticipationTerminated;
import qc.esac.events.membership.MembershipActivated;
import qc.esac.events.membership.MembershipLapsed;
import qc.esac.events.membership.MembershipReinstated;
import qc.esac.events.membership.OrganizationRegistered;
import qc.esac.projects.platform.PlatformFacts;
import qc.esac.projects.platform.PlatformSource;
import qc.esac.testkit.TestEvents;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The listeners take a poll's records at once: a fact changed by several events of the same poll ends as it ends
 * when each event comes in a poll of its own (each event reads the spells the previous one left, not the stored
 * ones), and a record that cannot be read is named alone, after the records before it were written.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BatchConsumptionIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LocalDate START = LocalDate.of(2026, 4, 1);

    @Autowired
    MembershipEventsListener membershipEvents;

    @Autowired
    InsuranceEventsListener insuranceEvents;

    @Autowired
    MongoTemplate mongo;

    private long offset;

    @Test
    void aMembershipsStandingChangedSeveralTimesInOnePollEndsAsWhenEachEventCameAlone() {
        Function<String, List<ConsumerRecord<String, byte[]>>> events = membership -> List.of(
                membership(membership, 1, activated(membership, "org-" + membership)),
                membership(membership, 2, lapsed(membership, "org-" + membership, START.plusMonths(6))),
                membership(membership, 3, reinstated(membership, "org-" + membership, START.plusMonths(7))),
                // Redelivered, and older than what the fact has seen.
                membership(membership, 2, lapsed(membership, "org-" + membership, START.plusMonths(6))),
                membership(membership, 1, activated(membership, "org-" + membership)));
        String alone = "m-" + UUID.randomUUID();
        String together = "m-" + UUID.randomUUID();

        events.apply(alone).forEach(record -> membershipEvents.on(List.of(record)));
        membershipEvents.on(events.apply(together));

        assertThat(spells(PlatformSource.PARTNERS_IN_GOOD_STANDING, together))
                .containsExactly(START + ".." + START.plusMonths(6), START.plusMonths(7) + "..")
                .isEqualTo(spells(PlatformSource.PARTNERS_IN_GOOD_STANDING, alone));
    }

    @Test
    void anEmployersParticipationChangedSeveralTimesInOnePollEndsAsWhenEachEventCameAlone() {
        Function<String, List<ConsumerRecord<String, byte[]>>> events = org -> List.of(
                insurance(org, 1, new ParticipationActivated(org, "csmo-esac", "ACTIVE", START)),
                insurance(org, 2, new ParticipationInGrace(org, "csmo-esac", "IN_GRACE", START.plusMonths(3),
                        START.plusMonths(5))),
                insurance(org, 3, new ParticipationTerminated(org, "csmo-esac", "TERMINATED", START.plusMonths(5),
                        "Délai de grâce écoulé")),
                insurance(org, 4, new ParticipationReinstated(org, "csmo-esac", "REINSTATED", START.plusMonths(8))),
                insurance(org, 3, new ParticipationTerminated(org, "csmo-esac", "TERMINATED", START.plusMonths(5),
                        "Délai de grâce écoulé")));
        String alone = "org-" + UUID.randomUUID();
        String together = "org-" + UUID.randomUUID();

        events.apply(alone).forEach(record -> insuranceEvents.on(List.of(record)));
        insuranceEvents.on(events.apply(together));

        assertThat(spells(PlatformSource.PARTNER_EMPLOYERS_INSURED, together + ":csmo-esac"))
                .containsExactly(START + ".." + START.plusMonths(5).plusDays(1), START.plusMonths(8) + "..")
                .isEqualTo(spells(PlatformSource.PARTNER_EMPLOYERS_INSURED, alone + ":csmo-esac"));
    }

    @Test
    void aRecordThatBreaksItsContractIsNamedAloneAfterTheRecordsBeforeItAreWritten() {
        String before = "m-" + UUID.randomUUID();
        String after = "m-" + UUID.randomUUID();
        String org = "org-" + UUID.randomUUID();
        ConsumerRecord<String, byte[]> poison = record(Topics.MEMBERSHIP, org, 1, OrganizationRegistered.class,
                JSON.writeValueAsString(new OrganizationRegistered(org, "Coop fictive", "12", "OBNL", "05",
                        List.of())));
        List<ConsumerRecord<String, byte[]>> poll = List.of(membership(before, 1, activated(before, "org-1")), poison,
                membership(after, 1, activated(after, "org-2")));

        assertThatThrownBy(() -> membershipEvents.on(poll)).isInstanceOfSatisfying(
                BatchListenerFailedException.class, e -> assertThat(e.getRecord()).isSameAs(poison));

        assertThat(spells(PlatformSource.PARTNERS_IN_GOOD_STANDING, before)).containsExactly(START + "..");
        assertThat(fact(PlatformSource.PARTNERS_IN_GOOD_STANDING, after)).as("redelivered after the poison").isEmpty();
    }

    private List<String> spells(PlatformSource source, String key) {
        List<String> spells = new ArrayList<>();
        fact(source, key).orElseThrow().getList("spells", Document.class).forEach(spell ->
                spells.add(spell.getString("from") + ".." + Optional.ofNullable(spell.getString("until")).orElse("")));
        return spells;
    }

    private Optional<Document> fact(PlatformSource source, String key) {
        return Optional.ofNullable(mongo.findById(PlatformFacts.documentId(source, key), Document.class,
                PlatformFacts.COLLECTION));
    }

    private static MembershipActivated activated(String membership, String organization) {
        return new MembershipActivated(membership, organization, "csmo-esac", "REGULAR", "ACTIVE", "APPROVED", true,
                true, START, START.plusYears(1).minusDays(1), START, null);
    }

    private static MembershipLapsed lapsed(String membership, String organization, LocalDate effective) {
        return new MembershipLapsed(membership, organization, "csmo-esac", "REGULAR", "LAPSED", "IN_GRACE", false,
                false, START, START.plusYears(1).minusDays(1), effective, "Cotisation impayée");
    }

    private static MembershipReinstated reinstated(String membership, String organization, LocalDate effective) {
        return new MembershipReinstated(membership, organization, "csmo-esac", "REGULAR", "ACTIVE", "LAPSED", true,
                true, START, START.plusYears(1).minusDays(1), effective, "Cotisation reçue");
    }

    private ConsumerRecord<String, byte[]> membership(String membership, long sequence, EventData data) {
        return record(Topics.MEMBERSHIP, membership, sequence, data.getClass(), JSON.writeValueAsString(data));
    }

    private ConsumerRecord<String, byte[]> insurance(String organization, long sequence, EventData data) {
        return record(Topics.INSURANCE, organization, sequence, data.getClass(), JSON.writeValueAsString(data));
    }

    /** A record as the listener receives it from the broker. */
    private ConsumerRecord<String, byte[]> record(String topic, String subject, long sequence,
                                                  Class<? extends EventData> type, String data) {
        OffsetDateTime time = OffsetDateTime.now();
        ProducerRecord<String, byte[]> produced = TestEvents.record(time, topic, UUID.randomUUID().toString(),
                EventCatalog.of(type).type(), subject, sequence, data);
        return new ConsumerRecord<>(topic, 0, offset++, time.toInstant().toEpochMilli(), TimestampType.CREATE_TIME,
                -1, -1, produced.key(), produced.value(), produced.headers(), Optional.empty());
    }
}
