package qc.esac.training.pamt;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import qc.esac.events.EventSchemas;
import qc.esac.events.Topics;
import qc.esac.events.membership.EmployeeAdded;
import qc.esac.testkit.TopicProbe;
import qc.esac.testkit.jwt.TestTokens;
import qc.esac.training.Api;
import qc.esac.training.MembershipFixtures;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Workplace apprenticeship over HTTP: who signs what, the certificate, its public verification and the events. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PamtIT {

    private static final String NETWORK = "reseau-csmo-esac";

    @LocalServerPort
    int port;

    @Test
    void anAgreementFromSignatureToCertificate() {
        Api api = new Api(port);
        String staff = TestTokens.staff(NETWORK);
        String org = "org-" + UUID.randomUUID();
        String admin = TestTokens.orgAdmin(org);
        String apprentice = "emp-" + UUID.randomUUID();
        String companion = "emp-" + UUID.randomUUID();
        MembershipFixtures.employee(EmployeeAdded.class, apprentice, 1, org, "Alex", null, "user-" + apprentice);
        MembershipFixtures.employee(EmployeeAdded.class, companion, 1, org, "Dominique", null, "user-" + companion);

        String code = "PAD" + UUID.randomUUID().toString().substring(0, 8).toUpperCase().replace("-", "");
        Map<String, Object> frenchOnly = Map.of("code", code, "networkId", NETWORK,
                "title", Map.of("fr", "Préposé ou préposée d’aide à domicile"),
                "competencies", List.of(Map.of("code", "C1", "title", Map.of("fr", "Entretien du domicile"))));
        // People read these titles in French or English: a standard comes with both.
        api.post("/api/training/pamt/standards", staff, frenchOnly).expectProblem(400, "");
        Map<String, Object> standard = Map.of("code", code, "networkId", NETWORK,
                "title", Map.of("fr", "Préposé ou préposée d’aide à domicile", "en", "Home-care attendant"),
                "competencies", List.of(
                        Map.of("code", "C1", "title", Map.of("fr", "Entretien du domicile", "en", "Housekeeping")),
                        Map.of("code", "C2", "title", Map.of("fr", "Aide aux repas", "en", "Help with meals"))));
        api.post("/api/training/pamt/standards", admin, standard).expect(403);
        String standardId = api.post("/api/training/pamt/standards", staff, standard).expect(201).body()
                .path("id").asString();
        api.post("/api/training/pamt/standards", staff, standard).expectProblem(409, code);

        Map<String, Object> agreement = Map.of("standardId", standardId, "organizationId", org,
                "apprenticeId", apprentice, "companionId", companion);
        api.post("/api/training/pamt/agreements", TestTokens.orgAdmin("org-autre"), agreement).expect(403);
        api.post("/api/training/pamt/agreements", admin, Map.of("standardId", standardId, "organizationId", org,
                "apprenticeId", apprentice, "companionId", apprentice)).expectProblem(422, "deux personnes");

        try (TopicProbe events = TopicProbe.from(Topics.TRAINING)) {
            String id = api.post("/api/training/pamt/agreements", admin, agreement).expect(201).body()
                    .path("id").asString();
            String signOff = "/api/training/pamt/agreements/" + id + "/competencies/";

            // Neither the administrator nor the apprentice may sign off; the companion may.
            api.post(signOff + "C1/sign-off", admin, null).expectProblem(403, "Dominique");
            api.post(signOff + "C1/sign-off", TestTokens.employee("user-" + apprentice, org), null).expect(403);
            String companionToken = TestTokens.employee("user-" + companion, org);
            JsonNode partial = api.post(signOff + "C1/sign-off", companionToken, null).expect(200).body();
            assertThat(partial.path("competenciesAttested").asInt()).isEqualTo(1);
            api.post(signOff + "C1/sign-off", companionToken, null).expectProblem(409, "C1");
            api.post(signOff + "C9/sign-off", companionToken, null).expect(404);

            JsonNode done = api.post(signOff + "C2/sign-off", companionToken, null).expect(200).body();
            assertThat(done.path("status").asString()).isEqualTo("COMPLETED");
            String certificate = done.at("/certificate/verificationCode").asString();

            JsonNode verified = api.get("/api/training/verifications/" + certificate, null).expect(200).body();
            assertThat(verified.path("kind").asString()).isEqualTo("PAMT_QUALIFICATION_CERTIFICATE");
            assertThat(verified.path("holder").asString()).isEqualTo("Alex Exemple");
            String partialCode = partial.at("/competencies/0/verificationCode").asString();
            assertThat(api.get("/api/training/verifications/" + partialCode, null).expect(200).body()
                    .path("kind").asString()).isEqualTo("PAMT_COMPETENCY_ATTESTATION");

            // The apprentice reads their agreement, in French by default or in English; another employee cannot.
            JsonNode french = api.get("/api/training/pamt/agreements/" + id,
                    TestTokens.employee("user-" + apprentice, org)).expect(200).body();
            assertThat(french.path("standardTitle").asString()).isEqualTo("Préposé ou préposée d’aide à domicile");
            assertThat(french.at("/competencies/1/title").asString()).isEqualTo("Aide aux repas");
            JsonNode english = api.getEnglish("/api/training/pamt/agreements/" + id,
                    TestTokens.employee("user-" + apprentice, org)).expect(200).body();
            assertThat(english.path("standardTitle").asString()).isEqualTo("Home-care attendant");
            assertThat(english.at("/competencies/1/title").asString()).isEqualTo("Help with meals");
            assertThat(api.getEnglish("/api/training/verifications/" + partialCode, null).expect(200).body()
                    .path("title").asString()).isEqualTo("Home-care attendant: Housekeeping");
            api.get("/api/training/pamt/agreements/" + id, TestTokens.employee("user-x", org)).expect(403);
            assertThat(api.get("/api/training/pamt/agreements?organizationId=" + org, admin).expect(200).body()
                    .path("totalItems").asInt()).isEqualTo(1);

            LocalDate today = LocalDate.now(qc.esac.training.TrainingClock.QUEBEC);
            JsonNode figures = api.get("/api/training/pamt/figures?from=" + today.minusDays(1) + "&to="
                    + today.plusDays(1) + "&networkId=" + NETWORK, staff).expect(200).body();
            assertThat(figures.path("certificatesIssued").asInt()).isGreaterThanOrEqualTo(1);
            api.get("/api/training/pamt/figures?from=" + today + "&to=" + today + "&networkId=" + NETWORK, admin)
                    .expect(403);
            api.get("/api/training/pamt/figures?from=" + today + "&to=" + today + "&networkId=" + NETWORK,
                    TestTokens.staff("autre-reseau")).expect(403);

            List<ConsumerRecord<String, byte[]>> published = events.await(TopicProbe.subject(id), 4,
                    Duration.ofSeconds(20));
            assertThat(published).extracting(r -> TopicProbe.header(r, "ce_type")).containsExactly(
                    "qc.esac.training.pamt-agreement-signed.v1", "qc.esac.training.pamt-competency-attested.v1",
                    "qc.esac.training.pamt-competency-attested.v1", "qc.esac.training.pamt-certificate-issued.v1");
            published.forEach(r -> EventSchemas.validate(TopicProbe.header(r, "ce_type"), r.value()));
        }
    }
}
