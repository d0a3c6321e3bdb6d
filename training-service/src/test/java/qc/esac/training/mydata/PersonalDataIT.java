package qc.esac.training.mydata;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import qc.esac.events.membership.EmployeeAdded;
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
 * Law 25 for trainees over HTTP: every read of a person's training data by someone else is logged, and the person
 * exports their own data (with that log) and corrects their name, itself logged.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PersonalDataIT {

    private static final String NETWORK = "reseau-csmo-esac";

    @LocalServerPort
    int port;

    @Autowired
    TrainingClock clock;

    private final String staff = TestTokens.staff(NETWORK);
    private final String org = "org-" + UUID.randomUUID();
    private final String admin = TestTokens.orgAdmin(org);
    private final String employeeId = "emp-" + UUID.randomUUID();
    private final String userId = "user-" + employeeId;
    private final String self = TestTokens.employee(userId, org);

    @Test
    void othersReadsAreLoggedAndThePersonExportsAndCorrectsTheirData() {
        Api api = new Api(port);
        MembershipFixtures.employee(EmployeeAdded.class, employeeId, 1, org, "Camille", null, userId);
        LocalDate today = clock.today();
        String courseId = api.post("/api/training/courses", staff, Map.of("networkId", NETWORK,
                "title", Map.of("fr", "Cours " + UUID.randomUUID()), "description", Map.of("fr", "Description."),
                "themes", List.of("GRH"), "formats", List.of("IN_ONE_ORGANIZATION"), "modes", List.of("IN_PERSON"),
                "hours", 10)).expect(201).body().path("id").asString();
        String sessionId = api.post("/api/training/sessions", staff, Map.of("courseId", courseId,
                "startDate", today.toString(), "endDate", today.toString(), "mode", "IN_PERSON", "seats", 5,
                "memberPrice", 50, "nonMemberPrice", 80, "registrationDeadline", today.toString()))
                .expect(201).body().path("id").asString();
        api.post("/api/training/sessions/" + sessionId + "/open", staff, null).expect(200);
        String registration = api.post("/api/training/sessions/" + sessionId + "/registrations", admin,
                Map.of("organizationId", org, "employeeId", employeeId)).expect(201).body().path("id").asString();
        api.put("/api/training/sessions/" + sessionId + "/attendance", staff,
                Map.of("entries", List.of(Map.of("registrationId", registration, "hours", 10))), null).expect(200);
        api.post("/api/training/sessions/" + sessionId + "/complete", staff, null).expect(200);
        String diagnostic = api.post("/api/training/diagnostics", admin, Map.of("organizationId", org,
                "networkId", NETWORK, "themes", List.of("GRH"))).expect(201).body().path("id").asString();
        api.put("/api/training/diagnostics/" + diagnostic + "/answers/me", self, Map.of("ratings", Map.of("GRH", 2)),
                null).expect(200);

        // Others read: the administrator the registration and the organization's ledger, staff the person's ledger.
        api.get("/api/training/sessions/" + sessionId + "/registrations/" + registration, admin).expect(200);
        api.get("/api/training/organizations/" + org + "/ledger", admin).expect(200);
        api.get("/api/training/people/" + employeeId + "/ledger", staff).expect(200);
        // The person reading their own is no access by someone else.
        api.get("/api/training/people/" + employeeId + "/ledger", self).expect(200);
        api.get("/api/training/me/ledger", self).expect(200);

        JsonNode export = api.get("/api/training/me/data", self).expect(200).body();
        assertThat(export.path("personIds").valueStream().map(JsonNode::asString)).contains(employeeId);
        assertThat(export.at("/registrations/0/registrationId").asString()).isEqualTo(registration);
        assertThat(export.at("/registrations/0/firstName").asString()).isEqualTo("Camille");
        assertThat(export.at("/registrations/0/attestation/verificationCode").asString()).isNotBlank();
        assertThat(export.at("/ledger/totalUec").decimalValue()).isEqualByComparingTo("1");
        assertThat(export.at("/diagnosticAnswers/0/diagnosticId").asString()).isEqualTo(diagnostic);
        assertThat(export.at("/diagnosticAnswers/0/ratings/GRH").asInt()).isEqualTo(2);
        List<String> reads = export.path("accessLog").valueStream()
                .map(e -> e.path("readerRole").asString() + " " + e.path("what").asString()).toList();
        assertThat(reads).contains("ORG_ADMIN registration", "ORG_ADMIN organization-ledger", "STAFF person-ledger");
        assertThat(export.path("accessLog").valueStream().map(e -> e.path("readerId").asString()))
                .doesNotContain(userId);
        // Nobody else exports it; another person's export holds none of it.
        api.get("/api/training/me/data", null).expect(401);
        assertThat(api.get("/api/training/me/data", TestTokens.employee("user-autre", org)).expect(200).raw())
                .doesNotContain(registration).doesNotContain(diagnostic);

        // The person corrects their name as training holds it; the registration shows it, the log records it.
        api.put("/api/training/me/personal-data", self, Map.of("firstName", ""), null).expectProblem(400, "");
        JsonNode corrected = api.put("/api/training/me/personal-data", self,
                Map.of("firstName", "Camila", "lastName", "Exemple-Corrigé"), null).expect(200).body();
        assertThat(corrected.path("registrationsCorrected").asInt()).isEqualTo(1);
        JsonNode seen = api.get("/api/training/sessions/" + sessionId + "/registrations/" + registration, admin)
                .expect(200).body();
        assertThat(seen.path("firstName").asString()).isEqualTo("Camila");
        assertThat(seen.path("lastName").asString()).isEqualTo("Exemple-Corrigé");
        assertThat(api.get("/api/training/me/data", self).body().path("accessLog").valueStream()
                .filter(e -> e.path("what").asString().equals("correction"))
                .map(e -> e.path("readerId").asString())).isNotEmpty().containsOnly(userId);
    }
}
