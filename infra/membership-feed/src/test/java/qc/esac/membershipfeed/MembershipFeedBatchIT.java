package qc.esac.membershipfeed;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import qc.esac.events.EventCatalog;
import qc.esac.events.EventData;
import qc.esac.events.Topics;
import qc.esac.events.membership.EmployeeAdded;
import qc.esac.events.membership.EmployeeLeft;
import qc.esac.events.membership.EmployeeUpdated;
import qc.esac.events.membership.MembershipLapsed;
import qc.esac.events.membership.OrganizationClosed;
import qc.esac.events.membership.OrganizationRegistered;
import qc.esac.events.membership.OrganizationUpdated;
import qc.esac.kit.messaging.EventBatches;
import qc.esac.kit.messaging.EventDispatcher;
import qc.esac.kit.messaging.IdempotentUpdates;
import qc.esac.kit.messaging.IncomingEvents;
import qc.esac.testkit.TestEvents;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The membership read models fed a poll's events as one batch ({@link EventBatches}) end as they end when the same
 * events are dispatched one by one, including the handlers that read what an earlier event of the batch left (the
 * standing before a change, the hours history).
 */
class MembershipFeedBatchIT {

    private static final OffsetDateTime JANUARY_15 = OffsetDateTime.of(2027, 1, 15, 15, 0, 0, 0, ZoneOffset.UTC);
    /** 01:30 UTC on February 1 is still January 31 in Quebec. */
    private static final OffsetDateTime LATE_JANUARY_31 = OffsetDateTime.of(2027, 2, 1, 1, 30, 0, 0, ZoneOffset.UTC);
    private static final List<String> COLLECTIONS = List.of(KnownOrganizations.COLLECTION,
            MembershipStandings.COLLECTION, Roster.COLLECTION);

    private final IncomingEvents incoming = new IncomingEvents(JsonMapper.builder().build());
    private final JsonMapper json = JsonMapper.builder().build();
    private long offset;

    @Test
    void aBatchLeavesTheReadModelsAsOneByOneDoes() {
        List<ConsumerRecord<String, byte[]>> records = List.of(
                record("m-1", 1, JANUARY_15, standing(true, "ACTIVE", LocalDate.of(2026, 4, 1))),
                record("org-1", 1, JANUARY_15, new OrganizationRegistered("org-1", "Coop d’origine", "1234567890",
                        "OBNL", "05", List.of("AIDE_DOMICILE"))),
                record("emp-1", 1, JANUARY_15, new EmployeeAdded("emp-1", "org-1", "Prénom", "Fictif", null, null,
                        "PART_TIME", new BigDecimal("20"), LocalDate.of(2026, 9, 1), null, null)),
                record("m-1", 2, JANUARY_15, standing(false, "LAPSED", LocalDate.of(2027, 4, 1))),
                record("org-1", 3, LATE_JANUARY_31, new OrganizationClosed("org-1", "Coop à jour", "1234567890", LocalDate.of(2027, 1, 31),
                        "Dissolution")),
                record("emp-1", 2, LATE_JANUARY_31, new EmployeeUpdated("emp-1", "org-1", "Prénom", "Fictif", null,
                        null, "FULL_TIME", new BigDecimal("35"), LocalDate.of(2026, 9, 1), null, "user-1",
                        List.of("weeklyHours", "userId"))),
                // Redelivered and late events, in the same batch.
                record("m-1", 2, JANUARY_15, standing(false, "LAPSED", LocalDate.of(2027, 4, 1))),
                record("org-1", 2, JANUARY_15, new OrganizationUpdated("org-1", "Coop à jour", "1234567890",
                        "COOP_TRAVAIL", "06", List.of(), List.of("LOISIR"), null, null, null, null, null, null, "fr",
                        List.of("legalName"))),
                record("emp-1", 3, LATE_JANUARY_31, new EmployeeLeft("emp-1", "org-1", "Prénom", "Fictif", null,
                        null, "FULL_TIME", new BigDecimal("35"), LocalDate.of(2026, 9, 1), LocalDate.of(2027, 1, 31), "user-1",
                        null)),
                record("emp-1", 1, JANUARY_15, new EmployeeAdded("emp-1", "org-1", "Prénom", "Fictif", null, null,
                        "PART_TIME", new BigDecimal("20"), LocalDate.of(2026, 9, 1), null, null)));

        MongoTemplate oneByOne = FeedTestSupport.freshDatabase();
        EventDispatcher dispatcher = FeedTestSupport.dispatcher(FeedTestSupport.feed(oneByOne));
        records.forEach(r -> dispatcher.dispatch(incoming.parse(r)));

        MongoTemplate batched = FeedTestSupport.freshDatabase();
        IdempotentUpdates updates = new IdempotentUpdates(batched);
        MembershipFeed feed = FeedTestSupport.feed(batched, updates);
        new EventBatches(incoming, updates).consume(records, FeedTestSupport.dispatcher(feed));

        for (String collection : COLLECTIONS) {
            assertThat(documents(batched, collection)).as(collection).isNotEmpty()
                    .isEqualTo(documents(oneByOne, collection));
        }
        // What the handlers read from earlier events of the same batch.
        assertThat(feed.standings().isInGoodStanding("org-1", "net-1", LocalDate.of(2027, 3, 31))).isTrue();
        assertThat(feed.standings().isInGoodStanding("org-1", "net-1", LocalDate.of(2027, 4, 1))).isFalse();
        assertThat(feed.roster().find("emp-1")).hasValueSatisfying(e -> {
            assertThat(e.hoursHistory()).extracting(RosterEntry.Hours::weeklyHours)
                    .containsExactly(new BigDecimal("20"), new BigDecimal("35"));
            assertThat(e.endDate()).isEqualTo(LocalDate.of(2027, 1, 31));
        });
        assertThat(feed.organizations().find("org-1")).hasValueSatisfying(o -> {
            assertThat(o.closedOn()).isEqualTo(LocalDate.of(2027, 1, 31));
            assertThat(o.legalName()).isEqualTo("Coop à jour");
        });
    }

    private static Map<Object, Document> documents(MongoTemplate mongo, String collection) {
        Map<Object, Document> documents = new TreeMap<>();
        mongo.getCollection(collection).find().forEach(d -> documents.put(d.get("_id"), d));
        return documents;
    }

    private ConsumerRecord<String, byte[]> record(String subject, long sequence, OffsetDateTime time, EventData data) {
        ProducerRecord<String, byte[]> produced = TestEvents.record(time, Topics.MEMBERSHIP,
                UUID.randomUUID().toString(), EventCatalog.of(data.getClass()).type(), subject, sequence,
                json.writeValueAsString(data));
        return new ConsumerRecord<>(produced.topic(), 0, offset++, time.toInstant().toEpochMilli(),
                TimestampType.CREATE_TIME, -1, -1, produced.key(), produced.value(), produced.headers(),
                Optional.empty());
    }

    private static MembershipLapsed standing(boolean good, String status, LocalDate effectiveDate) {
        return new MembershipLapsed("m-1", "org-1", "net-1", "REGULAR", status, "ACTIVE", good, good,
                LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31), effectiveDate, "Cotisation impayée");
    }
}
