package qc.esac.insurance.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import qc.esac.events.EventCatalog;
import qc.esac.events.EventData;
import qc.esac.events.Topics;
import qc.esac.events.membership.AccessGranted;
import qc.esac.events.membership.AccessRevoked;
import qc.esac.insurance.InsuranceCalendar;
import qc.esac.insurance.plan.SamplePlans;
import qc.esac.insurance.support.InsuranceApi;
import qc.esac.testkit.TestEvents;
import qc.esac.testkit.TestTopics;
import qc.esac.testkit.jwt.TestTokens;

/**
 * An employee whose account was linked in the platform (an employee grant, from membership's events) sees their
 * own coverage and personal data with a token that carries no role, nothing else of the employer, and loses that
 * at the revocation, token unchanged.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmployeeGrantIT {

    /** The kit's grants read model consumes in its own group. */
    private static final String GROUP = "insurance-service.access";

    @LocalServerPort
    int port;

    @Autowired
    InsuranceCalendar calendar;

    private static void publish(String grantId, long sequence, EventData data) {
        TestTopics.awaitConsumed(GROUP, TestEvents.publish(Topics.MEMBERSHIP, EventCatalog.of(data.getClass()).type(),
                grantId, sequence, InsuranceApi.JSON.writeValueAsString(data)), Duration.ofSeconds(30));
    }

    @Test
    void aLinkedEmployeeSeesTheirOwnCoverageAndNothingElseUntilTheGrantIsRevoked() throws Exception {
        InsuranceApi api = new InsuranceApi(port);
        LocalDate today = calendar.today();
        api.ensurePlanYear(InsuranceApi.JSON.writeValueAsString(SamplePlans.year(today.getYear())), today.getYear());
        String org = "org-" + UUID.randomUUID();
        String employee = "emp-" + UUID.randomUUID();
        String colleague = "emp-" + UUID.randomUUID();
        api.activeEmployer(org, today, employee, colleague);
        String userId = "user-" + employee;
        // As a signed-up account's token: a subject, no role, no organization.
        String token = TestTokens.builder(userId).build();
        assertThat(api.get("/api/insurance/me/enrolment", token).statusCode()).isEqualTo(403);

        String grantId = UUID.randomUUID().toString();
        publish(grantId, 1, new AccessGranted(grantId, userId, "EMPLOYEE", org, null, employee, "org-admin-test"));

        var coverage = api.get("/api/insurance/me/enrolment", token);
        assertThat(coverage.statusCode()).as(coverage.body()).isEqualTo(200);
        assertThat(api.json(coverage).get("employeeId").asString()).isEqualTo(employee);
        assertThat(api.get("/api/insurance/me/personal-data", token).statusCode()).isEqualTo(200);
        assertThat(api.get("/api/insurance/enrolments/" + employee, token).statusCode()).isEqualTo(200);
        assertThat(api.get("/api/insurance/enrolments/" + colleague, token).statusCode()).isEqualTo(403);
        assertThat(api.get("/api/insurance/participations/" + org, token).statusCode()).isEqualTo(403);

        publish(grantId, 2, new AccessRevoked(grantId, userId, "EMPLOYEE", org, null, employee, "org-admin-test"));
        assertThat(api.get("/api/insurance/me/enrolment", token).statusCode()).isEqualTo(403);
    }
}
