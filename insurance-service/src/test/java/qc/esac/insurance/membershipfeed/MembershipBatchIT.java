package qc.esac.insurance.membershipfeed;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.listener.BatchListenerFailedException;
import qc.esac.events.EventCatalog;
import qc.esac.events.EventData;
import qc.esac.events.Topics;
import qc.esac.events.membership.EmployeeLeft;
import qc.esac.events.membership.MembershipLapsed;
import qc.esac.events.membership.MembershipReinstated;
import qc.esac.events.membership.OrganizationRegistered;
import qc.esac.insurance.InsuranceCalendar;
import qc.esac.insurance.plan.SamplePlans;
import qc.esac.insurance.support.InsuranceApi;
import qc.esac.membershipfeed.MembershipFeed;
import qc.esac.testkit.TestEvents;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static qc.esac.insurance.support.InsuranceApi.JSON;
import static qc.esac.insurance.support.InsuranceApi.NETWORK;
import static qc.esac.insurance.support.InsuranceApi.endOfMonth;
import static qc.esac.insurance.support.InsuranceApi.staff;

/**
 * Membership's events reach insurance a poll at a time: the read models and the consequences of each event are
 * applied in order, a record that cannot be read is named alone after the records before it were applied (read
 * models written, consequences made), and the records after it come again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MembershipBatchIT {

    @LocalServerPort
    int port;

    @Autowired
    InsuranceCalendar calendar;

    @Autowired
    MembershipEventsListener listener;

    @Autowired
    MembershipFeed feed;

    InsuranceApi api;
    LocalDate today;
    private long offset;

    @BeforeEach
    void plan() throws Exception {
        api = new InsuranceApi(port);
        today = calendar.today();
        api.ensurePlanYear(InsuranceApi.JSON.writeValueAsString(SamplePlans.year(today.getYear())), today.getYear());
    }

    @Test
    void aPollIsAppliedInOrderUpToARecordThatCannotBeReadWhichIsNamedAlone() throws Exception {
        String org = "org-" + UUID.randomUUID();
        String employee = "emp-" + UUID.randomUUID();
        api.activeEmployer(org, today, employee);
        String membership = "mem-" + UUID.randomUUID();
        ConsumerRecord<String, byte[]> poison = record(org, 1, OrganizationRegistered.class,
                JSON.writeValueAsString(new OrganizationRegistered(org, "Coop fictive", "12", "OBNL", "05", List.of())));
        ConsumerRecord<String, byte[]> reinstated = record(membership, 2, new MembershipReinstated(membership, org,
                NETWORK, "REGULAR", "ACTIVE", "LAPSED", true, true, today.minusMonths(2), today.plusMonths(10), today,
                "Cotisation reçue"));
        List<ConsumerRecord<String, byte[]>> poll = List.of(
                record(membership, 1, new MembershipLapsed(membership, org, NETWORK, "REGULAR", "LAPSED", "ACTIVE",
                        false, false, today.minusMonths(2), today.plusMonths(10), today, "Cotisation impayée")),
                record(employee, 2, new EmployeeLeft(employee, org, "Prénom", "Fictif", null, null, "FULL_TIME",
                        new BigDecimal("35"), today.minusYears(1), today, null, "Démission")),
                poison,
                reinstated);

        assertThatThrownBy(() -> listener.on(poll)).isInstanceOfSatisfying(BatchListenerFailedException.class,
                e -> assertThat(e.getRecord()).isSameAs(poison));

        // Before the poison: read models written and consequences made.
        assertThat(feed.standings().isInGoodStanding(org, NETWORK, today)).isFalse();
        assertThat(feed.roster().find(employee)).hasValueSatisfying(e -> assertThat(e.endDate()).isEqualTo(today));
        assertThat(participation(org).get("status").asString()).isEqualTo("IN_GRACE");
        JsonNode ended = enrolmentOf(employee);
        assertThat(ended.get("status").asString()).isEqualTo("TERMINATED");
        assertThat(ended.get("coverageEndsOn").asString()).isEqualTo(endOfMonth(today).toString());
        long participationVersion = participation(org).get("version").asLong();

        // After it: nothing yet; the error handler delivers it again with what follows.
        listener.on(poll.subList(0, 2));
        assertThat(participation(org).get("version").asLong()).as("the records before, again: nothing more")
                .isEqualTo(participationVersion);
        listener.on(List.of(reinstated));
        assertThat(participation(org).get("status").asString()).isEqualTo("REINSTATED");
        assertThat(feed.standings().isInGoodStanding(org, NETWORK, today)).isTrue();
    }

    private JsonNode participation(String org) throws Exception {
        HttpResponse<String> response = api.get("/api/insurance/participations/" + org, staff());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return api.json(response);
    }

    private JsonNode enrolmentOf(String employeeId) throws Exception {
        HttpResponse<String> response = api.get("/api/insurance/enrolments/" + employeeId, staff());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return api.json(response);
    }

    private ConsumerRecord<String, byte[]> record(String subject, long sequence, EventData data) {
        return record(subject, sequence, data.getClass(), JSON.writeValueAsString(data));
    }

    /** A record as the listener receives it from the broker. */
    private ConsumerRecord<String, byte[]> record(String subject, long sequence, Class<? extends EventData> type,
                                                  String data) {
        OffsetDateTime time = OffsetDateTime.now();
        ProducerRecord<String, byte[]> produced = TestEvents.record(time, Topics.MEMBERSHIP,
                UUID.randomUUID().toString(), EventCatalog.of(type).type(), subject, sequence, data);
        return new ConsumerRecord<>(Topics.MEMBERSHIP, 0, offset++, time.toInstant().toEpochMilli(),
                TimestampType.CREATE_TIME, -1, -1, produced.key(), produced.value(), produced.headers(),
                Optional.empty());
    }
}
