package qc.esac.projects.project;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import qc.esac.events.EventSchemas;
import qc.esac.events.Topics;
import qc.esac.projects.ProjectsTestSupport;
import qc.esac.projects.ProjectsTestSupport.Response;
import qc.esac.testkit.TopicProbe;
import qc.esac.testkit.jwt.TestTokens;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Review findings: an organization is a partner only with its consent (a lead's invitation it accepts), and
 * until then nothing the project shows or counts involves it; only the programme's network staff act as
 * programme staff; an outsider learns nothing (not even a version) from a conditional write.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PartnerConsentAndStaffScopeIT {

    static final String BASE = "/api/projects/projects";
    /** Staff of the programme's network (the default, {@code esac.projects.programme-network-id}). */
    static final String STAFF = TestTokens.staff("csmo-esac");
    /** Staff of another network: staff, but not the programme's. */
    static final String OTHER_STAFF = TestTokens.staff("fqcs");
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/Montreal"));

    @LocalServerPort
    int port;

    ProjectsTestSupport api;
    String lead;
    String invited;
    String second;
    String outsider;

    @BeforeEach
    void organizations() {
        api = new ProjectsTestSupport(port);
        List<String> ids = List.copyOf(ProjectsTestSupport.registerOrganizations("Pôle régional d’économie sociale",
                "Coopérative invitée sans le savoir", "Entreprise adaptée du Littoral", "Groupe hors projet").values());
        lead = ids.get(0);
        invited = ids.get(1);
        second = ids.get(2);
        outsider = ids.get(3);
    }

    /** An active project with a platform-fed indicator and a period ending today, led by {@code lead}. */
    private String activeProject(String name) throws Exception {
        Response created = api.post(BASE, STAFF, """
                {"name": "%s", "targetedIssues": ["VITALITE_COLLECTIVITES"], "leadOrganizationId": "%s"}
                """.formatted(name, lead));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String path = BASE + "/" + created.json().get("id").asString();
        ok(api.post(path + "/indicators", STAFF, """
                {"name": "Partenaires inscrits sur la plateforme", "kind": "QUANTITATIVE",
                 "source": "PARTNER_ORGANIZATIONS_REGISTERED", "target": {"value": 5, "unit": "ORGANISATIONS"}}
                """));
        ok(api.post(path + "/activate", STAFF, null));
        return path;
    }

    @Test
    void aLeadAdministratorInvitesAndTheInvitedOrganizationCountsNowhereUntilItAccepts() throws Exception {
        String path = activeProject("Services de proximité en consentement");
        String leadToken = TestTokens.orgAdmin(lead);
        Response opened = api.post(path + "/periods", leadToken,
                "{\"label\": \"Année\", \"startDate\": \"%s\", \"endDate\": \"%s\"}".formatted(TODAY.minusDays(30), TODAY));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String report = path + "/periods/" + opened.json().get("id").asString() + "/report";

        Response invitation = api.post(path + "/partners", leadToken,
                "{\"organizationId\": \"%s\", \"role\": \"PARTNER\"}".formatted(invited));

        assertThat(invitation.status()).as(invitation.body()).isEqualTo(202);
        assertThat(partnerIds(invitation.json())).containsExactly(lead);
        assertThat(invitation.json().at("/invitations/0/organization/id").asString()).isEqualTo(invited);
        assertThat(partnerIds(api.get(path, leadToken).json())).containsExactly(lead);
        assertThat(partnerIds(api.get("/api/projects/public/projects/" + path.substring(BASE.length() + 1), null)
                .json())).containsExactly(lead);
        assertThat(api.get(path, STAFF).json().get("partners")).hasSize(1);
        for (String format : List.of("", "?format=csv", "?format=html")) {
            assertThat(api.get(report + format, leadToken).body()).as(format).doesNotContain("Coopérative invitée");
        }
        assertThat(api.get(report, leadToken).json().at("/indicators/0/periodValue").asDouble())
                .as("the invited organization's facts are not counted").isEqualTo(1.0);
        assertThat(api.get(BASE + "?size=100", STAFF).json().get("items").valueStream()
                .filter(p -> p.get("name").asString().equals("Services de proximité en consentement"))
                .map(p -> p.get("partnerCount").asInt())).containsExactly(1);
        assertThat(api.get("/api/projects/programme/report", STAFF).body()).doesNotContain("Coopérative invitée");

        // The invited organization finds and reads what it is invited to, and only its administrator decides.
        assertThat(api.get(BASE + "?size=100", TestTokens.orgAdmin(invited)).json().get("items").valueStream()
                .filter(p -> path.endsWith(p.get("id").asString()))
                .map(p -> p.get("invitedOrganizationIds").get(0).asString())).containsExactly(invited);
        Response seenByInvited = api.get(path, TestTokens.orgAdmin(invited));
        assertThat(seenByInvited.status()).as(seenByInvited.body()).isEqualTo(200);
        assertThat(seenByInvited.json().at("/invitations/0/organization/id").asString()).isEqualTo(invited);
        assertThat(api.get(report, TestTokens.orgAdmin(invited)).status()).as("not a partner yet").isEqualTo(403);
        assertThat(api.post(path + "/invitations/" + invited + "/accept", leadToken, null).status())
                .as("the lead cannot accept for the invited organization").isEqualTo(403);
        assertThat(api.post(path + "/invitations/" + invited + "/accept", TestTokens.orgAdmin(outsider), null)
                .status()).isEqualTo(403);

        try (TopicProbe probe = TopicProbe.from(Topics.PROJECTS)) {
            Response accepted = api.post(path + "/invitations/" + invited + "/accept", TestTokens.orgAdmin(invited),
                    null);
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
            assertThat(partnerIds(accepted.json())).containsExactly(lead, invited);
            assertThat(accepted.json().get("invitations")).isEmpty();
            ConsumerRecord<String, byte[]> joined = probe.await(e -> path.endsWith(e.key())
                    && "qc.esac.projects.partner-joined.v1".equals(TopicProbe.header(e, "ce_type")), 1,
                    Duration.ofSeconds(20)).get(0);
            assertThat(EventSchemas.validate("qc.esac.projects.partner-joined.v1", joined.value())
                    .get("organizationId").asString()).isEqualTo(invited);
        }
        assertThat(api.get(report, leadToken).json().at("/indicators/0/periodValue").asDouble()).isEqualTo(2.0);

        // Another invitation, declined: nothing remains of it, and partners can follow both steps as events.
        try (TopicProbe probe = TopicProbe.from(Topics.PROJECTS)) {
            ok(api.post(path + "/partners", leadToken,
                    "{\"organizationId\": \"%s\", \"role\": \"PARTNER\"}".formatted(second)));
            assertThat(api.post(path + "/invitations/" + second + "/accept", TestTokens.orgAdmin(invited), null)
                    .status()).isEqualTo(403);
            Response declined = api.post(path + "/invitations/" + second + "/decline", TestTokens.orgAdmin(second),
                    null);
            assertThat(declined.status()).as(declined.body()).isEqualTo(200);
            List<ConsumerRecord<String, byte[]>> events = probe.await(e -> path.endsWith(e.key())
                    && TopicProbe.header(e, "ce_type").startsWith("qc.esac.projects.partner-invit"), 2,
                    Duration.ofSeconds(20));
            assertThat(events).extracting(e -> TopicProbe.header(e, "ce_type")).containsExactly(
                    "qc.esac.projects.partner-invited.v1", "qc.esac.projects.partner-invitation-ended.v1");
            assertThat(EventSchemas.validate("qc.esac.projects.partner-invited.v1", events.get(0).value())
                    .get("organizationId").asString()).isEqualTo(second);
            assertThat(EventSchemas.validate("qc.esac.projects.partner-invitation-ended.v1", events.get(1).value())
                    .get("outcome").asString()).isEqualTo("DECLINED");
        }
        assertThat(api.get(path, STAFF).json().get("invitations")).isEmpty();
        assertThat(partnerIds(api.get(path, STAFF).json())).containsExactly(lead, invited);
        assertThat(api.get(path, TestTokens.orgAdmin(second)).status()).isEqualTo(403);
        assertThat(api.get(BASE + "?size=100", TestTokens.orgAdmin(second)).json().get("totalItems").asInt()).isZero();
    }

    @Test
    void programmeStaffStillAddPartnersDirectly() throws Exception {
        String path = activeProject("Ajout direct par le programme");
        Response added = api.post(path + "/partners", STAFF,
                "{\"organizationId\": \"%s\", \"role\": \"INITIAL_PARTNER\"}".formatted(invited));
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        assertThat(partnerIds(added.json())).containsExactly(lead, invited);
    }

    @Test
    void staffOfAnotherNetworkAreNotProgrammeStaff() throws Exception {
        String path = activeProject("Projet du programme seulement");
        String projectJson = """
                {"name": "Projet d’un autre réseau", "targetedIssues": ["VITALITE_COLLECTIVITES"],
                 "leadOrganizationId": "%s"}""".formatted(lead);

        Response create = api.post(BASE, OTHER_STAFF, projectJson);
        assertThat(create.status()).as(create.body()).isEqualTo(403);
        assertThat(create.contentType()).startsWith("application/problem+json");
        assertThat(api.get(path, OTHER_STAFF).status()).isEqualTo(403);
        assertThat(api.get(BASE + "?size=100", OTHER_STAFF).json().get("totalItems").asInt()).isZero();
        assertThat(api.post(path + "/complete", OTHER_STAFF, null).status()).isEqualTo(403);
        assertThat(api.post(path + "/partners", OTHER_STAFF,
                "{\"organizationId\": \"%s\", \"role\": \"PARTNER\"}".formatted(outsider)).status()).isEqualTo(403);
        assertThat(api.post(path + "/steps", OTHER_STAFF, "{\"title\": \"Étape d’un autre réseau\"}").status())
                .isEqualTo(403);
        assertThat(api.post(path + "/join-requests", OTHER_STAFF,
                "{\"organizationId\": \"%s\"}".formatted(outsider)).status()).isEqualTo(403);
        assertThat(api.post(path + "/periods", OTHER_STAFF, "{\"label\": \"X\", \"startDate\": \"%s\", \"endDate\": \"%s\"}"
                .formatted(TODAY.minusDays(5), TODAY)).status()).isEqualTo(403);
        assertThat(api.get("/api/projects/programme/report", OTHER_STAFF).status()).isEqualTo(403);
        assertThat(api.get(path, STAFF).json().at("/status/code").asString()).isEqualTo("ACTIVE");
        assertThat(api.get(path, STAFF).json().get("steps")).isEmpty();
    }

    @Test
    void anOutsiderWithAStaleIfMatchIsRefusedWithoutLearningTheVersion() throws Exception {
        String path = activeProject("Projet dont la version reste privée");
        String edit = """
                {"name": "Projet détourné", "targetedIssues": ["VITALITE_COLLECTIVITES"]}""";

        Response refused = api.put(path, TestTokens.orgAdmin(outsider), "\"1\"", edit);

        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.body()).doesNotContain("version");
        assertThat(api.put(path + "/steps/etape-1", TestTokens.orgAdmin(outsider), "\"1\"", "{\"title\": \"X\"}")
                .status()).isEqualTo(403);
        assertThat(api.get(path, STAFF).json().get("name").asString()).isEqualTo("Projet dont la version reste privée");
    }

    private static List<String> partnerIds(JsonNode project) {
        return project.get("partners").valueStream().map(p -> p.at("/organization/id").asString()).toList();
    }

    private static void ok(Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 299);
    }
}
