package qc.esac.projects.reporting;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import qc.esac.events.EventSchemas;
import qc.esac.events.Topics;
import qc.esac.identity.EsacRole;
import qc.esac.projects.ProjectsTestSupport;
import qc.esac.projects.ProjectsTestSupport.Response;
import qc.esac.testkit.TopicProbe;
import qc.esac.testkit.jwt.TestTokens;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reporting periods over HTTP: partners record values, the workflow moves open -> submitted -> returned ->
 * approved -> locked with the right roles, illegal moves are refused in French and change nothing, and the
 * reports (project and programme; JSON, CSV, HTML) are assembled from what was recorded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReportingIT {

    static final String STAFF = TestTokens.staff("csmo-esac");
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/Montreal"));

    @LocalServerPort
    int port;

    ProjectsTestSupport api;
    String lead;
    String partner;
    String observer;
    String outsider;
    String base;
    String programmeCode;

    @BeforeEach
    void project() throws Exception {
        api = new ProjectsTestSupport(port);
        List<String> ids = List.copyOf(ProjectsTestSupport.registerOrganizations("Collectif des entreprises d’insertion",
                "Conseil des entreprises adaptées", "Chambre de commerce régionale", "Organisme hors projet").values());
        lead = ids.get(0);
        partner = ids.get(1);
        observer = ids.get(2);
        outsider = ids.get(3);
        programmeCode = "EMPLOI_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        String id = api.post("/api/projects/projects", STAFF, """
                {"name": "Insertion en emploi %s", "targetedIssues": ["PENURIE_MAIN_OEUVRE"],
                 "leadOrganizationId": "%s", "regionCodes": []}
                """.formatted(programmeCode, lead)).json().get("id").asString();
        base = "/api/projects/projects/" + id;
        ok(api.post(base + "/partners", STAFF, partnerBody(partner, "INITIAL_PARTNER")));
        ok(api.post(base + "/partners", STAFF, partnerBody(observer, "OBSERVER")));
        ok(api.post(base + "/indicators", TestTokens.orgAdmin(lead), """
                {"name": "Personnes intégrées en emploi", "kind": "QUANTITATIVE", "unit": "PERSONNES", "baseline": 0,
                 "target": {"value": 100, "unit": "PERSONNES"}, "cumulative": true, "breakdownDimension": "région",
                 "programmeCode": "%s"}
                """.formatted(programmeCode)));
        ok(api.post(base + "/indicators", TestTokens.orgAdmin(lead),
                "{\"name\": \"Qualité de la concertation\", \"kind\": \"QUALITATIVE\"}"));
        ok(api.post(base + "/indicators", TestTokens.orgAdmin(lead), """
                {"name": "Partenaires inscrits sur la plateforme", "kind": "QUANTITATIVE",
                 "source": "PARTNER_ORGANIZATIONS_REGISTERED", "target": {"value": 3, "unit": "ORGANISATIONS"}}
                """));
        ok(api.post(base + "/activate", STAFF, null));
    }

    String openPeriod(String label, LocalDate start, LocalDate end) throws Exception {
        Response opened = api.post(base + "/periods", TestTokens.orgAdmin(lead),
                "{\"label\": \"%s\", \"startDate\": \"%s\", \"endDate\": \"%s\"}".formatted(label, start, end));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        return base + "/periods/" + opened.json().get("id").asString();
    }

    @Test
    void theIndicatorTargetMustBeInTheIndicatorUnit() throws Exception {
        Response refused = api.post(base + "/indicators", TestTokens.orgAdmin(lead), """
                {"name": "Entreprises accompagnées", "kind": "QUANTITATIVE", "unit": "ENTREPRISES",
                 "target": {"value": 20, "unit": "PERSONNES"}}
                """);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().at("/errors/0/field").asString()).isEqualTo("target.unit");
        assertThat(refused.json().at("/errors/0/message").asString()).contains("la cible est exprimée en PERSONNES");
        assertThat(api.get(base, STAFF).json().get("indicators")).hasSize(3);
    }

    @Test
    void partnersReportTheLeadOrStaffReviewAndStaffLocks() throws Exception {
        String period = openPeriod("2025-2026", TODAY.minusDays(100), TODAY.minusDays(1));
        String jobs = period + "/values/indicateur-1";
        String lead = TestTokens.orgAdmin(this.lead);
        String partner = TestTokens.orgAdmin(this.partner);

        assertThat(api.put(jobs, TestTokens.orgAdmin(outsider), null, value(outsider, 3)).status())
                .as("an organization outside the project").isEqualTo(403);
        assertThat(api.put(jobs, TestTokens.orgAdmin(observer), null, value(observer, 3)).status())
                .as("an observer does not report").isEqualTo(403);
        assertThat(api.put(jobs, lead, null, value(this.partner, 3)).status())
                .as("the lead does not report for a partner").isEqualTo(403);
        Response otherUnit = api.put(jobs, partner, null,
                "{\"organizationId\": \"%s\", \"value\": 3, \"unit\": \"ENTREPRISES\"}".formatted(this.partner));
        assertThat(otherUnit.status()).isEqualTo(400);
        assertThat(api.put(period + "/values/indicateur-3", lead, null, value(this.lead, 9)).status())
                .as("platform-fed").isEqualTo(422);

        ok(api.put(jobs, partner, null, """
                {"organizationId": "%s", "value": 10, "breakdown": [{"key": "Montérégie", "value": 4},
                 {"key": "Estrie", "value": 6}], "narrative": "Deux cohortes terminées."}
                """.formatted(this.partner)));
        ok(api.put(jobs, lead, null, value(this.lead, 5)));
        ok(api.put(period + "/values/indicateur-2", partner, null, """
                {"organizationId": "%s", "narrative": "Les employeurs participent aux tables régionales.",
                 "progressLabel": "ON_TRACK"}
                """.formatted(this.partner)));

        assertThat(api.post(period + "/submit", TestTokens.orgAdmin(outsider), null).status()).isEqualTo(403);
        assertThat(api.post(period + "/approve", STAFF, null).status()).as("not submitted yet").isEqualTo(422);
        try (TopicProbe probe = TopicProbe.from(Topics.PROJECTS)) {
            Response submitted = api.post(period + "/submit", partner, null);
            assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
            String periodId = submitted.json().get("id").asString();
            assertThat(submitted.json().at("/platformValues/0/value").asDouble())
                    .as("lead and initial partner are registered; the observer does not count").isEqualTo(2.0);

            Response late = api.put(jobs, lead, null, value(this.lead, 50));
            assertThat(late.status()).isEqualTo(422);
            assertThat(late.json().get("title").asString()).isEqualTo("Période fermée à la saisie");
            assertThat(api.get(period, partner).json().get("entries")).hasSize(3);

            assertThat(api.post(period + "/approve", partner, null).status()).as("a partner does not approve")
                    .isEqualTo(403);
            ok(api.post(period + "/return", lead, "{\"comment\": \"Préciser les régions du collectif.\"}"));
            ok(api.put(jobs, lead, null, value(this.lead, 7)));
            ok(api.post(period + "/submit", lead, null));
            ok(api.post(period + "/approve", STAFF, null));
            assertThat(api.post(period + "/lock", lead, null).status()).as("only staff locks").isEqualTo(403);
            Response locked = api.post(period + "/lock", STAFF, null);
            assertThat(locked.status()).isEqualTo(200);
            assertThat(locked.json().get("status").asString()).isEqualTo("LOCKED");

            List<ConsumerRecord<String, byte[]>> events = probe.await(TopicProbe.subject(periodId), 4,
                    Duration.ofSeconds(20));
            assertThat(events).extracting(e -> TopicProbe.header(e, "ce_type")).containsExactly(
                    "qc.esac.projects.period-submitted.v1", "qc.esac.projects.period-submitted.v1",
                    "qc.esac.projects.period-approved.v1", "qc.esac.projects.period-locked.v1");
            JsonNode lockedData = EventSchemas.validate("qc.esac.projects.period-locked.v1", events.get(3).value());
            assertThat(lockedData.get("values").valueStream().map(v -> v.get("indicatorId").asString() + "="
                    + v.get("value").asDouble())).containsExactlyInAnyOrder("indicateur-1=17.0", "indicateur-3=2.0");
        }
        Response afterLock = api.put(jobs, partner, null, value(this.partner, 1));
        assertThat(afterLock.status()).isEqualTo(422);
        assertThat(afterLock.json().get("detail").asString()).contains("n’est plus ouverte à la saisie");

        JsonNode report = api.get(period + "/report", partner).json();
        JsonNode jobsLine = report.get("indicators").get(0);
        assertThat(jobsLine.get("periodValue").asDouble()).isEqualTo(17.0);
        assertThat(jobsLine.get("toDate").asDouble()).isEqualTo(17.0);
        assertThat(jobsLine.get("achievementPercent").asDouble()).isEqualTo(17.0);
        assertThat(jobsLine.get("breakdown").valueStream().map(b -> b.get("key").asString()))
                .containsExactly("Estrie", "Montérégie");
        assertThat(report.get("indicators").get(1).at("/contributions/0/progressLabel").asString())
                .isEqualTo("En bonne voie");
        assertThat(report.get("periodStatus").asString()).isEqualTo("Verrouillée");
        assertThat(report.get("history")).hasSize(6);
        assertThat(api.get(period + "/report", TestTokens.orgAdmin(outsider)).status()).isEqualTo(403);

        Response csv = api.get(period + "/report", partner, "text/csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).startsWith("\uFEFFprojet,periode,statut_periode");
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("Personnes intégrées en emploi").contains(",17,17,17,"));
        Response html = api.get(period + "/report?format=html", partner);
        assertThat(html.contentType()).startsWith("text/html");
        assertThat(html.body()).contains("<h1>Insertion en emploi").contains("Résultat à date")
                .contains("Les employeurs participent aux tables régionales.");

        JsonNode programme = api.get("/api/projects/programme/report", STAFF).json();
        assertThat(programme.get("totals").valueStream().filter(t -> t.get("programmeCode").asString()
                .equals(programmeCode))).singleElement().satisfies(total -> {
                    assertThat(total.get("total").asDouble()).isEqualTo(17.0);
                    assertThat(total.get("unit").asString()).isEqualTo("PERSONNES");
                });
        assertThat(api.get("/api/projects/programme/report", partner).status()).isEqualTo(403);
        assertThat(api.get("/api/projects/programme/report?format=csv", STAFF, "text/csv").body())
                .contains(programmeCode);
    }

    @Test
    void aCumulativeIndicatorAddsLockedPeriodsUpInTheProgrammeAndOnlyLockedOnesCount() throws Exception {
        String first = openPeriod("An 1", TODAY.minusDays(400), TODAY.minusDays(200));
        String second = openPeriod("An 2", TODAY.minusDays(199), TODAY.minusDays(1));
        assertThat(api.post(base + "/periods", TestTokens.orgAdmin(lead),
                "{\"label\": \"An 3\", \"startDate\": \"%s\", \"endDate\": \"%s\"}"
                        .formatted(TODAY.minusDays(5), TODAY.plusDays(30))).status()).as("overlap").isEqualTo(409);
        ok(api.put(first + "/values/indicateur-1", TestTokens.orgAdmin(partner), null, value(partner, 20)));
        ok(api.put(second + "/values/indicateur-1", TestTokens.orgAdmin(partner), null, value(partner, 15)));
        for (String period : List.of(first, second)) {
            // Submitted by a partner's administrator (another person), so the lead may approve.
            ok(api.post(period + "/submit", partnerAdministrator(), null));
            ok(api.post(period + "/approve", TestTokens.orgAdmin(lead), null));
        }
        ok(api.post(first + "/lock", STAFF, null));

        assertThat(programmeTotal()).as("the approved but unlocked period is not counted yet").isEqualTo(20.0);
        ok(api.post(second + "/lock", STAFF, null));
        assertThat(programmeTotal()).isEqualTo(35.0);
        JsonNode secondReport = api.get(second + "/report", STAFF).json().get("indicators").get(0);
        assertThat(secondReport.get("periodValue").asDouble()).isEqualTo(15.0);
        assertThat(secondReport.get("toDate").asDouble()).isEqualTo(35.0);
    }

    @Test
    void reportsSpeakEnglishWhenAsked() throws Exception {
        String period = openPeriod("2025", TODAY.minusDays(10), TODAY.plusDays(10));
        HttpResponse<String> html = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + period + "/report"))
                .header("Authorization", "Bearer " + STAFF).header("Accept", "text/html")
                .header("Accept-Language", "en").GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(html.body()).contains("<html lang=\"en\"").contains("Result to date").doesNotContain("Résultat à date");
    }

    @Test
    void aPeriodIsSubmittedOnceOverAndTheLeadDoesNotApproveItsOwnSubmission() throws Exception {
        String ended = openPeriod("Trimestre passé", TODAY.minusDays(60), TODAY.minusDays(31));
        String current = openPeriod("Trimestre en cours", TODAY.minusDays(30), TODAY);
        String lead = TestTokens.orgAdmin(this.lead);

        Response early = api.post(current + "/submit", lead, null);
        assertThat(early.status()).as(early.body()).isEqualTo(422);
        assertThat(early.json().get("title").asString()).isEqualTo("Période non terminée");
        assertThat(early.json().get("detail").asString()).contains(TODAY.toString()).contains("lendemain");
        assertThat(api.get(current, lead).json().get("status").asString()).isEqualTo("OPEN");
        HttpResponse<String> inEnglish = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + current + "/submit"))
                .header("Authorization", "Bearer " + lead).header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(inEnglish.body()).contains("Period not over");

        ok(api.post(ended + "/submit", lead, null));
        Response ownApproval = api.post(ended + "/approve", lead, null);
        assertThat(ownApproval.status()).as(ownApproval.body()).isEqualTo(403);
        assertThat(ownApproval.json().get("detail").asString()).contains("personnel du programme");
        assertThat(api.get(ended, lead).json().get("status").asString()).isEqualTo("SUBMITTED");
        Response byStaff = api.post(ended + "/approve", STAFF, null);
        assertThat(byStaff.status()).as(byStaff.body()).isEqualTo(200);
        assertThat(byStaff.json().get("status").asString()).isEqualTo("APPROVED");
    }

    @Test
    void nobodyApprovesTheirOwnSubmission() throws Exception {
        String ended = openPeriod("Semestre passé", TODAY.minusDays(60), TODAY.minusDays(1));
        ok(api.post(ended + "/submit", STAFF, null));
        assertThat(api.post(ended + "/approve", STAFF, null).status()).isEqualTo(403);
        ok(api.post(ended + "/approve", TestTokens.orgAdmin(lead), null));
    }

    private double programmeTotal() throws Exception {
        return api.get("/api/projects/programme/report", STAFF).json().get("totals").valueStream()
                .filter(t -> t.get("programmeCode").asString().equals(programmeCode))
                .mapToDouble(t -> t.get("total").asDouble()).sum();
    }

    /** An administrator of the partner who is not the (shared) test administrator of the lead. */
    private String partnerAdministrator() {
        return TestTokens.builder("administrateur-partenaire").roles(EsacRole.ORG_ADMIN).organizations(partner).build();
    }

    private static String partnerBody(String organizationId, String role) {
        return "{\"organizationId\": \"%s\", \"role\": \"%s\"}".formatted(organizationId, role);
    }

    private static String value(String organizationId, double value) {
        return "{\"organizationId\": \"%s\", \"value\": %s}".formatted(organizationId, value);
    }

    private static void ok(Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 299);
    }
}
