package qc.esac.projects.project;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import qc.esac.events.EventCatalog;
import qc.esac.events.EventSchemas;
import qc.esac.events.Topics;
import qc.esac.events.membership.OrganizationClosed;
import qc.esac.events.membership.OrganizationRegistered;
import qc.esac.events.membership.OrganizationUpdated;
import qc.esac.kit.problem.ProblemTypes;
import qc.esac.projects.ProjectsTestSupport;
import qc.esac.projects.ProjectsTestSupport.Response;
import qc.esac.testkit.TestEvents;
import qc.esac.testkit.TopicProbe;
import qc.esac.testkit.jwt.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Projects over real HTTP with real tokens, on the real broker and store: what each role may and may not do,
 * French problems that change nothing, and the events each change publishes through the outbox.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProjectsApiIT {

    static final String BASE = "/api/projects/projects";
    static final String STAFF = TestTokens.staff("csmo-esac");

    @LocalServerPort
    int port;

    static final JsonMapper JSON = JsonMapper.builder().build();

    ProjectsTestSupport api;
    String lead;
    String partner;
    String outsider;

    @BeforeEach
    void organizations() {
        api = new ProjectsTestSupport(port);
        Map<String, String> ids = ProjectsTestSupport.registerOrganizations("Coopérative de développement régional",
                "Coop de solidarité Récolte", "Groupe communautaire du Fleuve");
        List<String> values = List.copyOf(ids.values());
        lead = values.get(0);
        partner = values.get(1);
        outsider = values.get(2);
    }

    static String project(String name, String leadId, String issue, String region) {
        return """
                {"name": "%s", "targetedIssues": ["%s"], "description": "Concertation sectorielle.",
                 "leadOrganizationId": "%s", "contact": {"role": "Coordination", "email": "projets@exemple.org"},
                 "startDate": "2025-04-01", "endDate": "2028-03-31", "regionCodes": ["%s"],
                 "funding": [{"programme": "Programme de soutien à l’économie sociale", "amount": 250000}]}
                """.formatted(name, issue, leadId, region);
    }

    String create(String name) throws Exception {
        Response created = api.post(BASE, STAFF, project(name, lead, "AUTONOMIE_ALIMENTAIRE", "03"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    @Test
    void staffCreatesAProjectAndItsEventsArePublished() throws Exception {
        try (TopicProbe probe = TopicProbe.from(Topics.PROJECTS)) {
            Response created = api.post(BASE, STAFF, project("Pôles logistiques en alimentation", lead,
                    "AUTONOMIE_ALIMENTAIRE", "03"));

            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(created.etag()).isEqualTo("\"1\"");
            JsonNode body = created.json();
            String id = body.get("id").asString();
            assertThat(body.at("/status/code").asString()).isEqualTo("DRAFT");
            assertThat(body.at("/status/label").asString()).isEqualTo("Brouillon");
            assertThat(body.at("/leadOrganization/name").asString()).isEqualTo("Coopérative de développement régional");
            assertThat(body.at("/partners/0/role/code").asString()).isEqualTo("LEAD");
            assertThat(body.at("/targetedIssues/0/label").asString()).isEqualTo("Autonomie alimentaire");
            assertThat(body.get("totalFunding").asDouble()).isEqualTo(250000.0);

            List<ConsumerRecord<String, byte[]>> events = probe.await(TopicProbe.subject(id), 2, Duration.ofSeconds(20));
            assertThat(events).extracting(e -> TopicProbe.header(e, "ce_type")).containsExactly(
                    "qc.esac.projects.project-created.v1", "qc.esac.projects.partner-joined.v1");
            for (ConsumerRecord<String, byte[]> event : events) {
                EventSchemas.validate(TopicProbe.header(event, "ce_type"), event.value());
            }
            assertThat(EventSchemas.validate("qc.esac.projects.project-created.v1", events.get(0).value())
                    .get("leadOrganizationId").asString()).isEqualTo(lead);

            Response activated = api.post(BASE + "/" + id + "/activate", STAFF, null);
            assertThat(activated.status()).isEqualTo(200);
            ConsumerRecord<String, byte[]> event = probe.await(TopicProbe.subject(id), 3, Duration.ofSeconds(20)).get(2);
            assertThat(TopicProbe.header(event, "ce_type")).isEqualTo("qc.esac.projects.project-activated.v1");
            assertThat(TopicProbe.header(event, "ce_aggregatesequence")).isEqualTo("3");
            EventSchemas.validate("qc.esac.projects.project-activated.v1", event.value());
        }
    }

    @Test
    void onlyStaffCreatesAndChangesStatus() throws Exception {
        Response byAdmin = api.post(BASE, TestTokens.orgAdmin(lead), project("Projet", lead, "AUTONOMIE_ALIMENTAIRE", "03"));
        assertThat(byAdmin.status()).isEqualTo(403);
        assertThat(byAdmin.contentType()).startsWith("application/problem+json");
        assertThat(byAdmin.json().get("title").asString()).isEqualTo("Accès refusé");

        String id = create("Reprise collective");
        assertThat(api.post(BASE + "/" + id + "/activate", TestTokens.orgAdmin(lead), null).status()).isEqualTo(403);
        assertThat(api.post(BASE + "/" + id + "/complete", STAFF, null).status())
                .as("a draft cannot be completed").isEqualTo(422);
        assertThat(api.post(BASE + "/" + id + "/activate", null, null).status()).isEqualTo(401);
    }

    @Test
    void anUnknownLeadOrganizationIsRefusedInFrenchAndNothingIsSaved() throws Exception {
        String unknown = UUID.randomUUID().toString();
        long before = api.get(BASE + "?size=1", STAFF).json().get("totalItems").asLong();

        Response refused = api.post(BASE, STAFF, project("Projet fantôme", unknown, "AUTONOMIE_ALIMENTAIRE", "03"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("type").asString()).isEqualTo(ProblemTypes.DONNEES_INVALIDES);
        assertThat(refused.json().at("/errors/0/field").asString()).isEqualTo("leadOrganizationId");
        assertThat(refused.json().at("/errors/0/message").asString()).contains("n’est pas connue de la plateforme");
        assertThat(api.get(BASE + "?size=1", STAFF).json().get("totalItems").asLong()).isEqualTo(before);

        Response badIssue = api.post(BASE, STAFF, project("Projet", lead, "PAS_UN_ENJEU", "03"));
        assertThat(badIssue.status()).isEqualTo(400);
        Response badRegion = api.post(BASE, STAFF, project("Projet", lead, "AUTONOMIE_ALIMENTAIRE", "18"));
        assertThat(badRegion.status()).isEqualTo(400);
        assertThat(badRegion.json().at("/errors/0/message").asString()).contains("région administrative");
    }

    @Test
    void theLeadAdministratorEditsWithIfMatchAndOthersCannot() throws Exception {
        String id = create("Tourisme et loisirs collectifs");
        String edit = project("Tourisme et loisirs collectifs en région", lead, "VITALITE_COLLECTIVITES", "09")
                .replace("\"leadOrganizationId\": \"" + lead + "\",", "");

        assertThat(api.put(BASE + "/" + id, TestTokens.orgAdmin(lead), null, edit).status()).isEqualTo(428);
        assertThat(api.put(BASE + "/" + id, TestTokens.orgAdmin(lead), "\"1\"", edit.replace("250000", "900000"))
                .status()).as("funding is the programme's").isEqualTo(403);
        assertThat(api.put(BASE + "/" + id, TestTokens.orgAdmin(partner), "\"1\"", edit).status()).isEqualTo(403);
        Response edited = api.put(BASE + "/" + id, TestTokens.orgAdmin(lead), "\"1\"", edit.replace("250000", "250000.0"));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.etag()).isEqualTo("\"2\"");
        assertThat(edited.json().get("regionCodes").get(0).asString()).isEqualTo("09");
        Response stale = api.put(BASE + "/" + id, TestTokens.orgAdmin(lead), "\"1\"", edit);
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json().get("type").asString()).isEqualTo(ProblemTypes.VERSION_PERIMEE);

        assertThat(api.get(BASE + "/" + id, TestTokens.orgAdmin(outsider)).status()).isEqualTo(403);
        assertThat(api.get(BASE + "/" + id, TestTokens.orgAdmin(lead)).status()).isEqualTo(200);
    }

    @Test
    void theUnknownPublicOnlyReadsActiveProjectsPublicFields() throws Exception {
        String id = create("Services aux personnes aînées");
        assertThat(api.get("/api/projects/public/projects/" + id, null).status()).as("draft").isEqualTo(404);

        api.post(BASE + "/" + id + "/activate", STAFF, null);
        Response publicView = api.get("/api/projects/public/projects/" + id, null);

        assertThat(publicView.status()).isEqualTo(200);
        assertThat(publicView.json().get("name").asString()).isEqualTo("Services aux personnes aînées");
        assertThat(publicView.json().has("funding")).isFalse();
        assertThat(publicView.json().has("joinRequests")).isFalse();
        assertThat(publicView.json().get("fundingProgrammes").get(0).asString()).contains("économie sociale");
        Response list = api.get("/api/projects/public/projects?q=personnes%20a%C3%AEn%C3%A9es&size=100", null);
        assertThat(list.json().get("items").valueStream().map(p -> p.get("id").asString())).contains(id);
        assertThat(api.get("/api/projects/vocabulary", null).json().at("/enjeu/0/code").asString())
                .isEqualTo("PENURIE_MAIN_OEUVRE");

        // Once completed, the project is no longer under way: its results show in the programme's report.
        assertThat(api.post(BASE + "/" + id + "/complete", STAFF, null).status()).isEqualTo(200);
        assertThat(api.get("/api/projects/public/projects/" + id, null).status()).as("completed").isEqualTo(404);
        assertThat(api.get("/api/projects/public/projects?q=personnes%20a%C3%AEn%C3%A9es&size=100", null).json()
                .get("items").valueStream().map(p -> p.get("id").asString())).doesNotContain(id);
    }

    @Test
    void anAdministratorAsksToJoinTheLeadAcceptsAndThePartnerLeaves() throws Exception {
        String id = create("Économie circulaire des textiles");
        String join = "{\"organizationId\": \"%s\", \"message\": \"Nous récupérons les textiles.\"}".formatted(partner);
        assertThat(api.post(BASE + "/" + id + "/join-requests", TestTokens.orgAdmin(partner), join).status())
                .as("draft projects take no requests").isEqualTo(422);
        api.post(BASE + "/" + id + "/activate", STAFF, null);

        assertThat(api.post(BASE + "/" + id + "/join-requests", TestTokens.orgAdmin(outsider), join).status())
                .as("only for one's own organization").isEqualTo(403);
        assertThat(api.post(BASE + "/" + id + "/join-requests", TestTokens.orgAdmin(partner), join).status())
                .isEqualTo(202);
        assertThat(api.post(BASE + "/" + id + "/join-requests", TestTokens.orgAdmin(partner), join).status())
                .isEqualTo(409);
        assertThat(api.get(BASE + "/" + id, TestTokens.orgAdmin(lead)).json().at("/joinRequests/0/message").asString())
                .isEqualTo("Nous récupérons les textiles.");
        assertThat(api.post(BASE + "/" + id + "/join-requests/" + partner + "/accept", TestTokens.orgAdmin(partner),
                "{}").status()).as("a requester cannot accept itself").isEqualTo(403);

        try (TopicProbe probe = TopicProbe.from(Topics.PROJECTS)) {
            Response accepted = api.post(BASE + "/" + id + "/join-requests/" + partner + "/accept",
                    TestTokens.orgAdmin(lead), "{\"role\": \"PARTNER\"}");
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
            assertThat(accepted.json().get("partners")).hasSize(2);
            assertThat(accepted.json().get("joinRequests")).isEmpty();
            String second = ProjectsTestSupport.registerOrganizations("Friperie solidaire").values().iterator().next();
            api.post(BASE + "/" + id + "/join-requests", TestTokens.orgAdmin(second), join.replace(partner, second));
            assertThat(api.get(BASE + "/" + id, TestTokens.orgAdmin(partner)).json().get("joinRequests"))
                    .as("partners do not see others' requests").isEmpty();
            assertThat(api.get(BASE + "/" + id, STAFF).json().get("joinRequests")).hasSize(1);

            assertThat(api.delete(BASE + "/" + id + "/partners/" + partner, TestTokens.orgAdmin(outsider)).status())
                    .isEqualTo(403);
            assertThat(api.delete(BASE + "/" + id + "/partners/" + lead, TestTokens.orgAdmin(lead)).status())
                    .isEqualTo(422);
            Response left = api.delete(BASE + "/" + id + "/partners/" + partner, TestTokens.orgAdmin(partner));
            assertThat(left.status()).as(left.body()).isEqualTo(200);

            List<String> types = probe.await(TopicProbe.subject(id), 2, Duration.ofSeconds(20)).stream()
                    .map(e -> TopicProbe.header(e, "ce_type")).toList();
            assertThat(types).containsExactly("qc.esac.projects.partner-joined.v1", "qc.esac.projects.partner-left.v1");
        }
    }

    @Test
    void stepsMakeTheProgressAndACompletedStepIsPublished() throws Exception {
        String id = create("Insertion en emploi");
        api.post(BASE + "/" + id + "/partners", STAFF,
                "{\"organizationId\": \"%s\", \"role\": \"INITIAL_PARTNER\"}".formatted(partner));
        for (String title : List.of("Recenser les entreprises participantes", "Analyser les besoins de main-d’œuvre",
                "Dégager des pistes de solution", "Rédiger un plan d’action")) {
            Response added = api.post(BASE + "/" + id + "/steps", TestTokens.orgAdmin(lead),
                    "{\"title\": \"%s\", \"responsibleOrganizationId\": \"%s\"}".formatted(title, partner));
            assertThat(added.status()).as(added.body()).isEqualTo(200);
        }
        assertThat(api.post(BASE + "/" + id + "/steps", TestTokens.orgAdmin(partner), "{\"title\": \"X\"}").status())
                .as("a partner does not manage the plan").isEqualTo(403);

        try (TopicProbe probe = TopicProbe.from(Topics.PROJECTS)) {
            Response done = api.post(BASE + "/" + id + "/steps/etape-1/status", TestTokens.orgAdmin(lead),
                    "{\"status\": \"DONE\"}");
            assertThat(done.status()).isEqualTo(200);
            assertThat(done.json().get("progressPercent").asInt()).isEqualTo(25);

            ConsumerRecord<String, byte[]> event = probe.await(
                    e -> id.equals(e.key()) && "qc.esac.projects.step-completed.v1".equals(TopicProbe.header(e, "ce_type")),
                    1, Duration.ofSeconds(20)).get(0);
            JsonNode data = EventSchemas.validate("qc.esac.projects.step-completed.v1", event.value());
            assertThat(data.get("progressPercent").asInt()).isEqualTo(25);
            assertThat(data.get("stepId").asString()).isEqualTo("etape-1");
        }
        Response reordered = api.put(BASE + "/" + id + "/step-order", TestTokens.orgAdmin(lead),
                api.get(BASE + "/" + id, STAFF).etag(),
                "{\"stepIds\": [\"etape-4\", \"etape-1\", \"etape-2\", \"etape-3\"]}");
        assertThat(reordered.status()).as(reordered.body()).isEqualTo(200);
        assertThat(reordered.json().at("/steps/0/title").asString()).isEqualTo("Rédiger un plan d’action");
    }

    @Test
    void searchFiltersByIssueRegionStatusAndLeadAndAdministratorsSeeOnlyTheirProjects() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String food = api.post(BASE, STAFF, project("Alimentation " + marker, lead, "AUTONOMIE_ALIMENTAIRE", "03"))
                .json().get("id").asString();
        String housing = api.post(BASE, STAFF, project("Immobilier " + marker, partner, "IMMOBILIER_ABORDABLE", "06"))
                .json().get("id").asString();
        api.post(BASE + "/" + housing + "/activate", STAFF, null);
        // No region: the project covers all of Quebec, so every region's search finds it.
        Response everywhere = api.post(BASE, STAFF, project("Québec entier " + marker, lead, "AUTONOMIE_ALIMENTAIRE", "03")
                .replace("\"regionCodes\": [\"03\"]", "\"regionCodes\": []"));
        assertThat(everywhere.status()).as(everywhere.body()).isEqualTo(201);
        String quebec = everywhere.json().get("id").asString();

        assertThat(ids(api.get(BASE + "?q=" + marker + "&issue=IMMOBILIER_ABORDABLE", STAFF))).containsExactly(housing);
        assertThat(ids(api.get(BASE + "?q=" + marker + "&region=03", STAFF))).containsExactly(food, quebec);
        assertThat(ids(api.get(BASE + "?q=" + marker + "&region=06", STAFF))).containsExactly(housing, quebec);
        assertThat(ids(api.get(BASE + "?q=" + marker + "&status=ACTIVE", STAFF))).containsExactly(housing);
        assertThat(ids(api.get(BASE + "?q=" + marker + "&leadOrganizationId=" + lead, STAFF)))
                .containsExactly(food, quebec);
        assertThat(ids(api.get(BASE + "?q=" + marker, TestTokens.orgAdmin(partner)))).containsExactly(housing);
        assertThat(ids(api.get(BASE + "?q=" + marker, TestTokens.orgAdmin(outsider)))).isEmpty();
        // the name in any case; two $or at once (the region's, an administrator's own projects)
        assertThat(ids(api.get(BASE + "?q=" + marker.toUpperCase(Locale.ROOT), STAFF)))
                .containsExactly(food, housing, quebec);
        assertThat(ids(api.get(BASE + "?q=" + marker + "&region=06", TestTokens.orgAdmin(partner))))
                .containsExactly(housing);
        assertThat(ids(api.get(BASE + "?q=" + marker + "&region=03", TestTokens.orgAdmin(partner)))).isEmpty();
        Response page = api.get(BASE + "?q=" + marker + "&size=1&page=1", STAFF);
        assertThat(page.json().get("totalItems").asInt()).isEqualTo(3);
        assertThat(page.json().get("totalPages").asInt()).isEqualTo(3);
        assertThat(api.get(BASE + "?size=500", STAFF).status()).isEqualTo(400);
    }

    @Test
    void stepsAndIndicatorsAreRedefinedWithIfMatchAndACancelledProjectIsReadOnly() throws Exception {
        String id = create("Pôle d’aménagement");
        String token = TestTokens.orgAdmin(lead);
        api.post(BASE + "/" + id + "/steps", token, "{\"title\": \"Consulter les MRC\", \"dueDate\": \"2026-01-31\"}");
        Response withIndicator = api.post(BASE + "/" + id + "/indicators", token, """
                {"name": "Municipalités accompagnées", "kind": "QUANTITATIVE", "unit": "ORGANISATIONS",
                 "target": {"value": 12}, "cumulative": false}
                """);
        assertThat(withIndicator.status()).as(withIndicator.body()).isEqualTo(200);
        String etag = withIndicator.etag();

        Response redefined = api.put(BASE + "/" + id + "/steps/etape-1", token, etag,
                "{\"title\": \"Consulter les MRC et les municipalités\", \"status\": \"DONE\"}");
        assertThat(redefined.status()).as(redefined.body()).isEqualTo(200);
        assertThat(redefined.json().at("/steps/0/status/code").asString()).isEqualTo("DONE");
        assertThat(redefined.json().get("progressPercent").asInt()).isEqualTo(100);
        assertThat(api.put(BASE + "/" + id + "/indicators/indicateur-2", token, etag,
                "{\"name\": \"X\", \"kind\": \"QUANTITATIVE\", \"unit\": \"ORGANISATIONS\"}").status())
                .as("stale ETag").isEqualTo(412);
        Response kindChange = api.put(BASE + "/" + id + "/indicators/indicateur-2", token, redefined.etag(),
                "{\"name\": \"Récit\", \"kind\": \"QUALITATIVE\"}");
        assertThat(kindChange.status()).isEqualTo(400);
        assertThat(kindChange.json().at("/errors/0/field").asString()).isEqualTo("kind");

        assertThat(api.post(BASE + "/" + id + "/cancel", STAFF, null).json().at("/status/code").asString())
                .isEqualTo("CANCELLED");
        Response closed = api.post(BASE + "/" + id + "/steps", token, "{\"title\": \"Encore une étape\"}");
        assertThat(closed.status()).isEqualTo(422);
        assertThat(closed.json().get("title").asString()).isEqualTo("Projet fermé");
        assertThat(api.get("/api/projects/public/projects/" + id, null).status()).isEqualTo(404);
    }

    @Test
    void aClosedOrganizationIsFlaggedOnItsProjects() throws Exception {
        String id = create("Services de proximité");
        api.post(BASE + "/" + id + "/partners", STAFF,
                "{\"organizationId\": \"%s\", \"role\": \"PARTNER\"}".formatted(partner));
        assertThat(api.get(BASE + "/" + id, STAFF).json().get("hasClosedPartner").asBoolean()).isFalse();

        // Membership reports the partner's new name, then its closure (the registration was its first event).
        ProjectsTestSupport.awaitConsumed(List.of(
                TestEvents.publish(Topics.MEMBERSHIP, EventCatalog.of(OrganizationUpdated.class).type(), partner, 2,
                        JSON.writeValueAsString(new OrganizationUpdated(partner, "Coop de solidarité Récolte et Partage",
                                "1234567890", "COOP_SOLIDARITE", "03", List.of("03"), List.of(), 2012, 8, 4, null, null,
                                null, "fr", List.of("legalName", "legalForm", "regionCode")))),
                TestEvents.publish(Topics.MEMBERSHIP, EventCatalog.of(OrganizationClosed.class).type(), partner, 3,
                        JSON.writeValueAsString(new OrganizationClosed(partner, "Coop de solidarité Récolte et Partage",
                                "1234567890", LocalDate.of(2026, 6, 30), "Fusion")))));

        JsonNode project = api.get(BASE + "/" + id, STAFF).json();
        assertThat(project.get("hasClosedPartner").asBoolean()).isTrue();
        assertThat(project.get("partners").valueStream().filter(p -> p.at("/organization/closed").asBoolean())
                .map(p -> p.at("/organization/id").asString())).containsExactly(partner);
        JsonNode known = api.get("/api/projects/organizations/" + partner, STAFF).json();
        assertThat(known.get("legalName").asString()).isEqualTo("Coop de solidarité Récolte et Partage");
        assertThat(known.get("regionCode").asString()).isEqualTo("03");
        assertThat(known.get("closed").asBoolean()).isTrue();
        assertThat(ids(api.get(BASE + "?q=Services%20de%20proximit%C3%A9&size=100", STAFF))).contains(id);
    }

    @Test
    void anOrganizationWhoseProfileIsInventedIsSaidToBeSoInFrenchAndEnglish() throws Exception {
        // Membership flags the demo's organizations: their legal form, region and NEQ are invented.
        String demo = UUID.randomUUID().toString();
        ProjectsTestSupport.awaitConsumed(List.of(TestEvents.publish(Topics.MEMBERSHIP,
                EventCatalog.of(OrganizationRegistered.class).type(), demo, 1,
                JSON.writeValueAsString(new OrganizationRegistered(demo, "Fédération de démonstration", "8800000099",
                        "OBNL", "06", List.of(), true)))));

        JsonNode known = api.get("/api/projects/organizations/" + demo, STAFF).json();
        assertThat(known.get("legalForm").asString()).isEqualTo("OBNL");
        assertThat(known.get("illustrative").asBoolean()).isTrue();
        assertThat(known.get("illustrativeNote").asString())
                .isEqualTo("Démonstration : forme juridique, région et NEQ fictifs");
        HttpResponse<String> english = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/projects/organizations/" + demo))
                .header("Authorization", "Bearer " + STAFF).header("Accept-Language", "en").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(JSON.readTree(english.body()).get("illustrativeNote").asString())
                .isEqualTo("Demo: legal form, region and NEQ are fictitious");
        JsonNode real = api.get("/api/projects/organizations/" + lead, STAFF).json();
        assertThat(real.get("illustrative").asBoolean()).isFalse();
        assertThat(real.get("illustrativeNote").isNull()).isTrue();

        // The organization objects of project views show its region: they carry the note too.
        String id = create("Concertation de démonstration");
        api.post(BASE + "/" + id + "/partners", STAFF, "{\"organizationId\": \"%s\", \"role\": \"PARTNER\"}"
                .formatted(demo));
        JsonNode project = api.get(BASE + "/" + id, STAFF).json();
        assertThat(project.at("/leadOrganization/illustrativeNote").isNull()).isTrue();
        JsonNode partnerRef = project.get("partners").valueStream()
                .filter(p -> p.at("/organization/id").asString().equals(demo)).findFirst().orElseThrow()
                .get("organization");
        assertThat(partnerRef.get("illustrative").asBoolean()).isTrue();
        assertThat(partnerRef.get("illustrativeNote").asString()).startsWith("Démonstration");

        // An update without the flag (older publisher, or the flag cleared) makes the profile a real one.
        ProjectsTestSupport.awaitConsumed(List.of(TestEvents.publish(Topics.MEMBERSHIP,
                EventCatalog.of(OrganizationUpdated.class).type(), demo, 2,
                JSON.writeValueAsString(new OrganizationUpdated(demo, "Fédération de démonstration", "8800000099",
                        "OBNL", "06", List.of(), List.of(), null, null, null, null, null, null, "fr",
                        List.of("illustrative"))))));
        JsonNode cleared = api.get("/api/projects/organizations/" + demo, STAFF).json();
        assertThat(cleared.get("illustrative").asBoolean()).isFalse();
        assertThat(cleared.get("illustrativeNote").isNull()).isTrue();
    }

    @Test
    void anIllustrativeStepIsSaidToBeAnExampleInFrenchAndEnglish() throws Exception {
        String id = create("Projet de démonstration");
        Response added = api.post(BASE + "/" + id + "/steps", STAFF,
                "{\"title\": \"Dresser un portrait du secteur\", \"illustrative\": true}");
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        api.post(BASE + "/" + id + "/steps", STAFF, "{\"title\": \"Étape annoncée\"}");
        api.post(BASE + "/" + id + "/indicators", STAFF, """
                {"name": "Organisations mobilisées", "kind": "QUANTITATIVE", "unit": "ORGANISATIONS",
                 "target": {"value": 8}, "illustrative": true}""");
        api.post(BASE + "/" + id + "/activate", STAFF, null);
        JsonNode indicator = api.get(BASE + "/" + id, STAFF).json().at("/indicators/0");
        assertThat(indicator.get("illustrative").asBoolean()).isTrue();
        assertThat(indicator.get("illustrativeNote").asString()).contains("ni l’indicateur ni sa cible");
        String period = api.post(BASE + "/" + id + "/periods", STAFF, "{\"label\": \"An 1\", \"startDate\": \"%s\", \"endDate\": \"%s\"}"
                .formatted(LocalDate.now().minusDays(20), LocalDate.now().plusDays(20))).json().get("id").asString();
        String html = api.get(BASE + "/" + id + "/periods/" + period + "/report?format=html", STAFF).body();
        assertThat(html).contains("Dresser un portrait du secteur (Étape donnée à titre d’illustration")
                .contains("Organisations mobilisées (Indicateur donné à titre d’illustration");

        JsonNode steps = api.get(BASE + "/" + id, STAFF).json().get("steps");
        assertThat(steps.get(0).get("illustrative").asBoolean()).isTrue();
        assertThat(steps.get(0).get("illustrativeNote").asString()).contains("à titre d’illustration");
        assertThat(steps.get(1).get("illustrative").asBoolean()).isFalse();
        assertThat(steps.get(1).get("illustrativeNote").isNull()).isTrue();
        HttpResponse<String> english = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/projects/public/projects/" + id))
                .header("Accept-Language", "en").GET().build(), HttpResponse.BodyHandlers.ofString());
        JsonNode publicStep = JSON.readTree(english.body()).get("steps").get(0);
        assertThat(publicStep.get("illustrative").asBoolean()).isTrue();
        assertThat(publicStep.get("illustrativeNote").asString()).startsWith("Illustrative step");
    }

    private static List<String> ids(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("items").valueStream().map(p -> p.get("id").asString()).toList();
    }
}
