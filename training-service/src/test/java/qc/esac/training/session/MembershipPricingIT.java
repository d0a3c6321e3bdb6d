package qc.esac.training.session;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import qc.esac.events.membership.EmployeeAdded;
import qc.esac.events.membership.EmployeeLeft;
import qc.esac.events.membership.MembershipActivated;
import qc.esac.events.membership.MembershipInGrace;
import qc.esac.events.membership.MembershipLapsed;
import qc.esac.testkit.jwt.TestTokens;
import qc.esac.training.Api;
import qc.esac.training.MembershipFixtures;
import qc.esac.training.TrainingClock;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prices and rosters follow membership events as they arrive on the real broker: a lapse changes the next
 * registration's price, and only employees on the roster can be registered as employees.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MembershipPricingIT {

    private static final String NETWORK = "reseau-csmo-esac";

    @LocalServerPort
    int port;

    @Autowired
    TrainingClock clock;

    private final String staff = TestTokens.staff(NETWORK);
    private final String org = "org-" + UUID.randomUUID();
    private final String admin = TestTokens.orgAdmin(org);
    private final String membership = "mbr-" + UUID.randomUUID();

    @Test
    void aMembershipLapseEventChangesTheNextRegistrationsPrice() {
        Api api = new Api(port);
        String sessionId = openSession(api);

        publishStanding(MembershipActivated.class, 1, "ACTIVE", true);
        JsonNode first = register(api, sessionId, external("ana"));
        assertThat(first.path("memberPrice").asBoolean()).isTrue();
        assertThat(first.path("price").decimalValue()).isEqualByComparingTo("95");

        publishStanding(MembershipLapsed.class, 2, "LAPSED", false);
        JsonNode second = register(api, sessionId, external("ben"));
        assertThat(second.path("memberPrice").asBoolean()).isFalse();
        assertThat(second.path("price").decimalValue()).isEqualByComparingTo("150");
        // What was confirmed stays as it was.
        assertThat(api.get("/api/training/sessions/" + sessionId + "/registrations/" + first.path("id").asString(),
                admin).body().path("price").decimalValue()).isEqualByComparingTo("95");

        // A late, redelivered activation changes nothing: the lapse is newer.
        publishStanding(MembershipActivated.class, 1, "ACTIVE", true);
        assertThat(register(api, sessionId, external("cleo")).path("memberPrice").asBoolean()).isFalse();

        // Once the organization closed, it registers nobody.
        MembershipFixtures.organizationClosed(org, clock.today().minusDays(1));
        api.post("/api/training/sessions/" + sessionId + "/registrations", admin, external("dan"))
                .expectProblem(422, "cessé ses activités");
    }

    @Test
    void aMemberInGracePaysWhatTheEventsGoodStandingSaysWhateverTheStatus() {
        Api api = new Api(port);
        String sessionId = openSession(api);

        // A network whose rule keeps services during grace: membership says good standing, training follows.
        publishStanding(MembershipInGrace.class, 1, "IN_GRACE", true);
        assertThat(register(api, sessionId, external("eva")).path("memberPrice").asBoolean()).isTrue();

        // The same status under a rule that withdraws services during grace: the flag decides, not the status.
        publishStanding(MembershipInGrace.class, 2, "IN_GRACE", false);
        JsonNode withdrawn = register(api, sessionId, external("fay"));
        assertThat(withdrawn.path("memberPrice").asBoolean()).isFalse();
        assertThat(withdrawn.path("price").decimalValue()).isEqualByComparingTo("150");
    }

    @Test
    void employeesAreRegisteredFromTheRosterAndNotOnceTheyLeft() {
        Api api = new Api(port);
        String sessionId = openSession(api);
        String employee = "emp-" + UUID.randomUUID();
        String leaver = "emp-" + UUID.randomUUID();
        publishEmployee(EmployeeAdded.class, employee, 1, null, "user-" + employee);
        publishEmployee(EmployeeAdded.class, leaver, 1, null, null);
        publishEmployee(EmployeeLeft.class, leaver, 2, clock.today().minusDays(1), null);

        JsonNode registered = register(api, sessionId, Map.of("organizationId", org, "employeeId", employee));
        assertThat(registered.path("employee").asBoolean()).isTrue();
        assertThat(registered.path("firstName").asString()).isEqualTo("Camille");
        assertThat(registered.path("personId").asString()).isEqualTo(employee);

        api.post("/api/training/sessions/" + sessionId + "/registrations", admin,
                Map.of("organizationId", org, "employeeId", leaver)).expectProblem(422, leaver);
        // Another organization's employee cannot be registered as one's own.
        String otherOrg = "org-" + UUID.randomUUID();
        api.post("/api/training/sessions/" + sessionId + "/registrations", TestTokens.orgAdmin(otherOrg),
                Map.of("organizationId", otherOrg, "employeeId", employee)).expectProblem(422, employee);

        // The employee, signed in with the account linked to the roster entry, sees their own registrations.
        String own = TestTokens.employee("user-" + employee, org);
        assertThat(api.get("/api/training/people/" + employee + "/registrations", own).expect(200).body()
                .path("totalItems").asInt()).isEqualTo(1);
        api.get("/api/training/people/" + employee + "/registrations", TestTokens.employee("user-x", org))
                .expect(403);
        assertThat(api.get("/api/training/me/registrations", own).expect(200).body().at("/items/0/personId")
                .asString()).isEqualTo(employee);
        assertThat(api.get("/api/training/me/registrations", TestTokens.employee("user-x", org)).expect(200).body()
                .path("totalItems").asInt()).isZero();
        assertThat(api.get("/api/training/me/ledger", own).expect(200).body().path("totalUec").decimalValue())
                .isEqualByComparingTo("0");
    }

    private String openSession(Api api) {
        String courseId = api.post("/api/training/courses", staff, Map.of("networkId", NETWORK,
                "title", Map.of("fr", "Gouvernance et conseil d’administration"),
                "description", Map.of("fr", "Rôles et responsabilités des administrateurs."),
                "themes", List.of("GOUVERNANCE"), "formats", List.of("GROUP_OF_ORGANIZATIONS"),
                "modes", List.of("ONLINE_SYNCHRONOUS"), "hours", 6)).expect(201).body().path("id").asString();
        LocalDate start = clock.today().plusDays(30);
        String sessionId = api.post("/api/training/sessions", staff, Map.of("courseId", courseId,
                "startDate", start.toString(), "endDate", start.toString(), "mode", "ONLINE_SYNCHRONOUS",
                "seats", 10, "memberPrice", 95, "nonMemberPrice", 150,
                "registrationDeadline", start.minusDays(3).toString())).expect(201).body().path("id").asString();
        api.post("/api/training/sessions/" + sessionId + "/open", staff, null).expect(200);
        return sessionId;
    }

    private JsonNode register(Api api, String sessionId, Map<String, Object> body) {
        return api.post("/api/training/sessions/" + sessionId + "/registrations", admin, body).expect(201).body();
    }

    private Map<String, Object> external(String name) {
        return Map.of("organizationId", org, "person", Map.of("firstName", name, "lastName", "Essai",
                "email", name + "." + org + "@exemple.org"));
    }

    private void publishStanding(Class<? extends qc.esac.events.EventData> type, long sequence, String status,
                                 boolean goodStanding) {
        MembershipFixtures.standing(type, membership, sequence, org, NETWORK, status, goodStanding,
                clock.today().minusDays(10 - sequence));
    }

    private void publishEmployee(Class<? extends qc.esac.events.EventData> type, String employeeId, long sequence,
                                 LocalDate endDate, String userId) {
        MembershipFixtures.employee(type, employeeId, sequence, org, "Camille", endDate, userId);
    }
}
