package qc.esac.insurance.enrolment;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import qc.esac.events.EventCatalog;
import qc.esac.events.EventSchemas;
import qc.esac.events.Topics;
import qc.esac.events.insurance.EnrolmentActivated;
import qc.esac.events.insurance.EnrolmentTerminated;
import qc.esac.events.insurance.ParticipationInGrace;
import qc.esac.events.insurance.ParticipationTerminated;
import qc.esac.events.membership.EmployeeAdded;
import qc.esac.events.membership.EmployeeLeft;
import qc.esac.events.membership.EmployeeUpdated;
import qc.esac.events.membership.MembershipActivated;
import qc.esac.events.membership.MembershipLapsed;
import qc.esac.insurance.InsuranceCalendar;
import qc.esac.insurance.plan.SamplePlans;
import qc.esac.insurance.support.InsuranceApi;
import qc.esac.testkit.TopicProbe;
import qc.esac.testkit.jwt.TestTokens;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static qc.esac.insurance.support.InsuranceApi.NETWORK;
import static qc.esac.insurance.support.InsuranceApi.endOfMonth;
import static qc.esac.insurance.support.InsuranceApi.publish;
import static qc.esac.insurance.support.InsuranceApi.staff;

/**
 * The plan's lifecycle driven by membership events on the real broker and store: a member in good standing
 * joins and enrols its staff; an employee who leaves stays covered to the end of the month; a membership
 * lapse puts the employer in grace and, once grace is over, ends the participation and every enrolment on
 * the last day of grace; redelivered events change nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CoverageLifecycleIT {

    @LocalServerPort
    int port;

    @Autowired
    InsuranceCalendar calendar;

    @Autowired
    CoverageLifecycleJob lifecycle;

    InsuranceApi api;
    LocalDate today;

    @BeforeEach
    void plan() throws Exception {
        api = new InsuranceApi(port);
        today = calendar.today();
        api.ensurePlanYear(InsuranceApi.JSON.writeValueAsString(SamplePlans.year(today.getYear())), today.getYear());
    }

    @Test
    void lapseGraceAndEndOfEveryEnrolmentWithDeparturesAtMonthEndAndRedeliveriesChangingNothing() throws Exception {
        String org = "org-" + UUID.randomUUID();
        String membership = "mem-" + UUID.randomUUID();
        String stays = "emp-" + UUID.randomUUID();
        String leaves = "emp-" + UUID.randomUUID();
        String admin = TestTokens.orgAdmin(org);
        LocalDate hired = today.minusMonths(3).minusDays(5);

        publish(membership, 1, new MembershipActivated(membership, org, NETWORK, "REGULAR", "ACTIVE", "APPROVED", true,
                true, today.minusMonths(2), today.plusMonths(10), today.minusMonths(2), null));
        publish(stays, 1, employee(stays, org, "Mireille", hired, "user-" + stays));
        publish(leaves, 1, employee(leaves, org, "Anatole", hired, null));

        // Join, activation by staff, enrolment of both employees.
        HttpResponse<String> applied = api.send("POST", "/api/insurance/participations/" + org, admin, null, """
                {"coverages": ["LTD", "DRUGS", "PSYCHOSOCIAL", "DENTAL_BASIC"], "classCodes": ["FULL_TIME"],
                 "employerSharePercent": 50}""");
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
        assertThat(api.json(applied).get("status").asString()).isEqualTo("APPLIED");
        HttpResponse<String> activated = api.send("POST", "/api/insurance/participations/" + org + "/activation", staff(),
                applied.headers().firstValue("ETag").orElseThrow(), "{\"effectiveDate\": \"" + today + "\"}");
        assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
        assertThat(api.json(activated).get("status").asString()).isEqualTo("ACTIVE");

        try (TopicProbe insurance = TopicProbe.from(Topics.INSURANCE)) {
            HttpResponse<String> enrolled = enrol(admin, org, stays, """
                    [{"kind": "SPOUSE", "firstName": "Joël", "birthDate": "1988-05-02"},
                     {"kind": "CHILD", "firstName": "Lou", "birthDate": "2019-09-14"}]""");
            assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(201);
            JsonNode enrolment = api.json(enrolled);
            assertThat(enrolment.get("status").asString()).isEqualTo("ACTIVE");
            assertThat(enrolment.get("tier").asString()).isEqualTo("FAMILY");
            assertThat(enrolment.get("effectiveDate").asString()).isEqualTo(today.toString());
            assertThat(enrolment.get("personalData").isNull()).as("not echoed to the administrator").isTrue();
            assertThat(enrol(admin, org, leaves, "[]").statusCode()).isEqualTo(201);

            ConsumerRecord<String, byte[]> activatedEvent = insurance.await(TopicProbe.subject(stays), 1,
                    Duration.ofSeconds(20)).get(0);
            JsonNode data = EventSchemas.validate(EventCatalog.of(EnrolmentActivated.class).type(), activatedEvent.value());
            assertThat(data.get("tier").asString()).isEqualTo("FAMILY");
            assertThat(new String(activatedEvent.value())).as("no personal information in events")
                    .doesNotContain("1988-05-02").doesNotContain("Joël").doesNotContain("48000");
        }

        // An employee leaves: covered to the end of the month; the redelivered event changes nothing.
        EmployeeLeft left = new EmployeeLeft(leaves, org, "Anatole", "Fictif", null, null, "FULL_TIME",
                new BigDecimal("35"), hired, today, null, "Démission");
        String leftEventId = UUID.randomUUID().toString();
        InsuranceApi.redeliver(leftEventId, leaves, 2, left);
        JsonNode ended = enrolmentOf(leaves);
        assertThat(ended.get("status").asString()).isEqualTo("TERMINATED");
        assertThat(ended.get("endReason").asString()).isEqualTo("EMPLOYEE_LEFT");
        assertThat(ended.get("coverageEndsOn").asString()).isEqualTo(endOfMonth(today).toString());
        long versionAfterDeparture = ended.get("version").asLong();
        InsuranceApi.redeliver(leftEventId, leaves, 2, left);
        assertThat(enrolmentOf(leaves).get("version").asLong()).isEqualTo(versionAfterDeparture);

        // The membership lapses: grace, coverage continues; the redelivery changes nothing.
        LocalDate graceEnd = today.plusDays(59);
        MembershipLapsed lapsed = new MembershipLapsed(membership, org, NETWORK, "REGULAR", "LAPSED", "IN_GRACE", false,
                false, today.minusMonths(2), today.plusMonths(10), today, "Délai de grâce écoulé");
        String lapseId = UUID.randomUUID().toString();
        try (TopicProbe insurance = TopicProbe.from(Topics.INSURANCE)) {
            InsuranceApi.redeliver(lapseId, membership, 2, lapsed);
            ConsumerRecord<String, byte[]> graceEvent = insurance.await(TopicProbe.subject(org), 1, Duration.ofSeconds(20)).get(0);
            assertThat(TopicProbe.header(graceEvent, "ce_type")).isEqualTo(EventCatalog.of(ParticipationInGrace.class).type());
            JsonNode grace = EventSchemas.validate(EventCatalog.of(ParticipationInGrace.class).type(), graceEvent.value());
            assertThat(grace.get("organizationId").asString()).isEqualTo(org);
            assertThat(grace.get("graceEndsOn").asString()).isEqualTo(graceEnd.toString());
        }
        JsonNode inGrace = participation(org);
        assertThat(inGrace.get("status").asString()).isEqualTo("IN_GRACE");
        assertThat(inGrace.get("graceEndsOn").asString()).isEqualTo(graceEnd.toString());
        assertThat(inGrace.get("notices").valueStream().map(n -> n.get("kind").asString())).contains("MEMBERSHIP_LAPSED");
        InsuranceApi.redeliver(lapseId, membership, 2, lapsed);
        assertThat(participation(org).get("version").asLong()).isEqualTo(inGrace.get("version").asLong());
        assertThat(enrolmentOf(stays).get("status").asString()).as("covered during grace").isEqualTo("ACTIVE");

        // The last day of grace: still covered. The day after: participation and every enrolment end.
        lifecycle.run(graceEnd);
        assertThat(participation(org).get("status").asString()).isEqualTo("IN_GRACE");
        try (TopicProbe insurance = TopicProbe.from(Topics.INSURANCE)) {
            lifecycle.run(graceEnd.plusDays(1));
            List<ConsumerRecord<String, byte[]>> terminated = insurance.await(
                    r -> org.equals(r.key()) || stays.equals(r.key()), 2, Duration.ofSeconds(20));
            assertThat(terminated).extracting(r -> TopicProbe.header(r, "ce_type")).containsExactlyInAnyOrder(
                    EventCatalog.of(ParticipationTerminated.class).type(), EventCatalog.of(EnrolmentTerminated.class).type());
        }
        JsonNode terminated = participation(org);
        assertThat(terminated.get("status").asString()).isEqualTo("TERMINATED");
        assertThat(terminated.get("terminatedOn").asString()).isEqualTo(graceEnd.toString());
        JsonNode stayed = enrolmentOf(stays);
        assertThat(stayed.get("status").asString()).isEqualTo("TERMINATED");
        assertThat(stayed.get("coverageEndsOn").asString()).isEqualTo(graceEnd.toString());
        assertThat(stayed.get("endReason").asString()).isEqualTo("PARTICIPATION_TERMINATED");
        assertThat(enrolmentOf(leaves).get("coverageEndsOn").asString()).as("already ended earlier")
                .isEqualTo(endOfMonth(today).toString());

        // Running the job again (or on a second instance) changes nothing.
        long participationVersion = terminated.get("version").asLong();
        lifecycle.run(graceEnd.plusDays(2));
        assertThat(participation(org).get("version").asLong()).isEqualTo(participationVersion);
        assertThat(enrolmentOf(stays).get("version").asLong()).isEqualTo(stayed.get("version").asLong());
    }

    @Test
    void fewerWeeklyHoursOnTheRosterEndCoverageAtMonthEnd() throws Exception {
        String org = "org-" + UUID.randomUUID();
        String employee = "emp-" + UUID.randomUUID();
        api.activeEmployer(org, today, employee);

        publish(employee, 2, new EmployeeUpdated(employee, org, "Prénom", "Fictif", null, null, "PART_TIME",
                new BigDecimal("20"), today.minusYears(1), null, "user-" + employee,
                List.of("employmentStatus", "weeklyHours")));

        JsonNode ended = enrolmentOf(employee);
        assertThat(ended.get("status").asString()).isEqualTo("TERMINATED");
        assertThat(ended.get("endReason").asString()).isEqualTo("NO_LONGER_ELIGIBLE");
        assertThat(ended.get("coverageEndsOn").asString()).isEqualTo(endOfMonth(today).toString());
    }

    @Test
    void joiningWithoutGoodStandingIsRefusedInFrenchAndSavesNothing() throws Exception {
        String org = "org-" + UUID.randomUUID();
        HttpResponse<String> response = api.send("POST", "/api/insurance/participations/" + org, TestTokens.orgAdmin(org),
                null, "{\"coverages\": [\"DRUGS\"], \"classCodes\": [\"FULL_TIME\"], \"employerSharePercent\": 50}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(api.json(response).get("title").asString()).isEqualTo("Membre en règle requis");
        assertThat(api.json(response).get("detail").asString()).contains(org).contains("membre en règle");
        assertThat(api.get("/api/insurance/participations/" + org, staff()).statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> enrol(String token, String org, String employeeId, String dependants) throws Exception {
        return api.send("POST", "/api/insurance/organizations/" + org + "/enrolments", token, null, """
                {"employeeId": "%s", "classCode": "FULL_TIME", "birthDate": "1986-02-11", "annualSalary": 48000,
                 "dependants": %s, "waivers": []}""".formatted(employeeId, dependants));
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

    private static EmployeeAdded employee(String id, String org, String firstName, LocalDate hired, String userId) {
        return new EmployeeAdded(id, org, firstName, "Fictif", null, "Intervenante", "FULL_TIME", new BigDecimal("35"),
                hired, null, userId);
    }
}
