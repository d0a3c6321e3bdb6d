package qc.esac.training.figures;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import qc.esac.events.EventSchemas;
import qc.esac.events.Topics;
import qc.esac.testkit.TopicProbe;
import qc.esac.testkit.jwt.TestTokens;
import qc.esac.training.Api;
import qc.esac.training.FiscalYear;
import qc.esac.training.MembershipFixtures;
import qc.esac.training.TrainingClock;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A network's year over HTTP, in a network of its own so that its figures are exact: a diagnostic leading to a
 * course, a session given, coaching hours, and the year figures that sum them up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NetworkYearIT {

    @LocalServerPort
    int port;

    @Autowired
    TrainingClock clock;

    private final String network = "reseau-" + UUID.randomUUID();
    private final String staff = TestTokens.staff(network);
    private final String org = "org-" + UUID.randomUUID();
    private final String admin = TestTokens.orgAdmin(org);

    @Test
    void aDiagnosticIsAnsweredConfidentiallyAndConsolidatedIntoPrioritiesMatchedWithCourses() {
        Api api = new Api(port);
        String courseId = course(api, "GOUVERNANCE", 6);
        String diagnostic = api.post("/api/training/diagnostics", admin, Map.of("organizationId", org,
                "networkId", network, "themes", List.of("GRH", "GOUVERNANCE"))).expect(201).body().path("id").asString();
        api.post("/api/training/diagnostics", TestTokens.orgAdmin("org-autre"), Map.of("organizationId", org,
                "networkId", network, "themes", List.of("GRH"))).expect(403);

        String answers = "/api/training/diagnostics/" + diagnostic + "/answers/me";
        api.put(answers, TestTokens.employee("emp-1", org), Map.of("ratings", Map.of("GRH", 1, "GOUVERNANCE", 3)), null)
                .expect(200);
        api.put(answers, TestTokens.employee("emp-2", org), Map.of("ratings", Map.of("GRH", 1, "GOUVERNANCE", 2)), null)
                .expect(200);
        api.put(answers, TestTokens.employee("emp-3", "org-autre"), Map.of("ratings", Map.of("GRH", 3)), null)
                .expectProblem(403, org);
        api.put(answers, staff, Map.of("ratings", Map.of("GRH", 3, "GOUVERNANCE", 3)), null).expect(403);
        api.put(answers, TestTokens.employee("emp-1", org), Map.of("ratings", Map.of("GRH", 9)), null)
                .expectProblem(400, "");
        api.post("/api/training/diagnostics/" + diagnostic + "/complete", admin, null)
                .expectProblem(422, "direction");
        api.put(answers, admin, Map.of("ratings", Map.of("GRH", 2, "GOUVERNANCE", 3)), null).expect(200);
        // While open, nothing is shown: live averages would tell who answered what.
        JsonNode open = api.get("/api/training/diagnostics/" + diagnostic, admin).expect(200).body();
        assertThat(open.path("priorities").size()).isZero();
        assertThat(open.path("employeeAnswers").asInt()).isEqualTo(2);
        // Two employees are too few to keep each one's answers to themselves: closing is refused.
        api.post("/api/training/diagnostics/" + diagnostic + "/complete", admin, null).expectProblem(422, "3");
        api.put(answers, TestTokens.employee("emp-3", org), Map.of("ratings", Map.of("GRH", 1, "GOUVERNANCE", 1)),
                null).expect(200);
        api.post("/api/training/diagnostics/" + diagnostic + "/complete", TestTokens.employee("emp-1", org), null)
                .expect(403);

        try (TopicProbe events = TopicProbe.from(Topics.TRAINING)) {
            JsonNode done = api.post("/api/training/diagnostics/" + diagnostic + "/complete", admin, null)
                    .expect(200).body();
            assertThat(done.path("employeeAnswers").asInt()).isEqualTo(3);
            assertThat(done.at("/priorities/0/theme").asString()).isEqualTo("GOUVERNANCE");
            // (employees (3 + 2 + 1) / 3 + manager 3) / 2
            assertThat(done.at("/priorities/0/score").decimalValue()).isEqualByComparingTo("2.5");
            assertThat(done.at("/priorities/0/managerAverage").decimalValue()).isEqualByComparingTo("3");
            assertThat(done.at("/priorities/0/courses/0/id").asString()).isEqualTo(courseId);
            assertThat(done.toString()).doesNotContain("emp-1"); // answers stay confidential
            // Employees see the ranking, not the scores from which the manager's ratings could be worked out.
            JsonNode seenByEmployee = api.get("/api/training/diagnostics/" + diagnostic,
                    TestTokens.employee("emp-2", org)).expect(200).body();
            assertThat(seenByEmployee.at("/priorities/0/theme").asString()).isEqualTo("GOUVERNANCE");
            assertThat(seenByEmployee.at("/priorities/0/rank").asInt()).isEqualTo(1);
            assertThat(seenByEmployee.at("/priorities/0/managerAverage").isNull()).isTrue();
            assertThat(seenByEmployee.at("/priorities/0/employeeAverage").isNull()).isTrue();
            assertThat(seenByEmployee.at("/priorities/0/score").isNull()).isTrue();

            ConsumerRecord<String, byte[]> completed = events.await(TopicProbe.subject(diagnostic), 1,
                    Duration.ofSeconds(20)).get(0);
            JsonNode data = EventSchemas.validate(TopicProbe.header(completed, "ce_type"), completed.value());
            assertThat(data.at("/priorities/0/theme").asString()).isEqualTo("GOUVERNANCE");
        }
    }

    @Test
    void theYearFiguresSumUpSessionsAttestationsSatisfactionAndCoaching() {
        Api api = new Api(port);
        LocalDate today = clock.today();
        String sessionId = api.post("/api/training/sessions", staff, Map.of("courseId", course(api, "GRH", 12),
                "startDate", today.toString(), "endDate", today.toString(), "mode", "IN_PERSON", "seats", 10,
                "memberPrice", 100, "nonMemberPrice", 150, "registrationDeadline", today.toString()))
                .expect(201).body().path("id").asString();
        api.post("/api/training/sessions/" + sessionId + "/open", staff, null).expect(200);
        String ana = register(api, sessionId, "ana");
        String ben = register(api, sessionId, "ben");
        api.put("/api/training/sessions/" + sessionId + "/attendance", staff, Map.of("entries", List.of(
                Map.of("registrationId", ana, "hours", 12), Map.of("registrationId", ben, "hours", 11))), null)
                .expect(200);
        api.post("/api/training/sessions/" + sessionId + "/complete", staff, null).expect(200);
        api.put("/api/training/sessions/" + sessionId + "/registrations/" + ana + "/satisfaction", admin,
                Map.of("rating", 5), null).expect(200);
        api.put("/api/training/sessions/" + sessionId + "/registrations/" + ben + "/satisfaction", admin,
                Map.of("rating", 4), null).expect(200);

        api.post("/api/training/coaching", staff, Map.of("networkId", network, "organizationId", org,
                "date", today.toString(), "hours", 2.5, "topic", "Planification stratégique")).expect(201);
        api.post("/api/training/coaching", staff, Map.of("networkId", network, "organizationId", org,
                "date", today.toString(), "hours", 1.25, "topic", "Politique salariale")).expect(201);
        api.post("/api/training/coaching", staff, Map.of("networkId", network, "organizationId", org,
                "date", today.plusDays(2).toString(), "hours", 1, "topic", "Plus tard")).expectProblem(422, "futur");
        api.post("/api/training/coaching", admin, Map.of("networkId", network, "organizationId", org,
                "date", today.toString(), "hours", 1, "topic", "x")).expect(403);

        JsonNode coaching = api.get("/api/training/coaching?organizationId=" + org, admin).expect(200).body();
        assertThat(coaching.path("totalHours").decimalValue()).isEqualByComparingTo("3.75");
        assertThat(coaching.at("/hoursPerFiscalYear/" + FiscalYear.containing(today, FiscalYear.DEFAULT_END).label()).decimalValue())
                .isEqualByComparingTo("3.75");
        api.get("/api/training/coaching?organizationId=" + org, TestTokens.orgAdmin("org-autre")).expect(403);

        JsonNode figures = api.get("/api/training/figures?networkId=" + network, staff).expect(200).body();
        JsonNode training = figures.path("training");
        assertThat(training.path("sessionsHeld").asInt()).isEqualTo(1);
        assertThat(training.path("distinctThemes").asInt()).isEqualTo(1);
        assertThat(training.path("peopleTrained").asInt()).isEqualTo(2);
        assertThat(training.path("organizationsReached").asInt()).isEqualTo(1);
        assertThat(training.path("attestations").asInt()).isEqualTo(2);
        assertThat(training.path("uecIssued").decimalValue()).isEqualByComparingTo("2.4");
        assertThat(training.path("satisfactionAverage").decimalValue()).isEqualByComparingTo("4.5");
        assertThat(figures.at("/coaching/hours").decimalValue()).isEqualByComparingTo("3.75");
        assertThat(figures.at("/coaching/organizations").asInt()).isEqualTo(1);

        api.get("/api/training/figures?networkId=" + network, TestTokens.staff("autre-reseau")).expect(403);
        api.get("/api/training/figures?networkId=" + network, admin).expect(403);
    }

    @Test
    void figuresAndCoachingTotalsFollowTheNetworksOwnFiscalYearFromMembershipEvents() {
        Api api = new Api(port);
        LocalDate today = clock.today();
        // Unknown to training yet: April to March.
        JsonNode before = api.get("/api/training/figures?networkId=" + network + "&fiscalYear=2025", staff)
                .expect(200).body();
        assertThat(before.path("from").asString()).isEqualTo("2025-04-01");
        assertThat(before.path("to").asString()).isEqualTo("2026-03-31");

        // The network keeps calendar years; an older configuration arriving late changes nothing.
        MembershipFixtures.networkConfigured(network, 2, 12, 31);
        MembershipFixtures.networkConfigured(network, 1, 6, 30);
        JsonNode figures = api.get("/api/training/figures?networkId=" + network + "&fiscalYear=2025", staff)
                .expect(200).body();
        assertThat(figures.path("fiscalYear").asString()).isEqualTo("2025");
        assertThat(figures.path("from").asString()).isEqualTo("2025-01-01");
        assertThat(figures.path("to").asString()).isEqualTo("2025-12-31");

        api.post("/api/training/coaching", staff, Map.of("networkId", network, "organizationId", org,
                "date", today.toString(), "hours", 2, "topic", "Budget")).expect(201);
        String year = String.valueOf(today.getYear());
        JsonNode totals = api.get("/api/training/coaching/totals?networkId=" + network + "&fiscalYear=" + year,
                staff).expect(200).body();
        assertThat(totals.path("fiscalYear").asString()).isEqualTo(year);
        assertThat(totals.path("totalHours").decimalValue()).isEqualByComparingTo("2");
        JsonNode coaching = api.get("/api/training/coaching?organizationId=" + org, admin).expect(200).body();
        assertThat(coaching.at("/hoursPerFiscalYear/" + year).decimalValue()).isEqualByComparingTo("2");
        assertThat(api.get("/api/training/figures?networkId=" + network, staff).expect(200).body()
                .path("fiscalYear").asString()).isEqualTo(year);
    }

    private String register(Api api, String sessionId, String name) {
        return api.post("/api/training/sessions/" + sessionId + "/registrations", admin, Map.of("organizationId", org,
                "person", Map.of("firstName", name, "lastName", "Essai", "email", name + "." + org + "@exemple.org")))
                .expect(201).body().path("id").asString();
    }

    private String course(Api api, String theme, int hours) {
        return api.post("/api/training/courses", staff, Map.of("networkId", network,
                "title", Map.of("fr", "Cours " + theme + " " + UUID.randomUUID()),
                "description", Map.of("fr", "Description du cours."), "themes", List.of(theme),
                "formats", List.of("IN_ONE_ORGANIZATION"), "modes", List.of("IN_PERSON"), "hours", hours))
                .expect(201).body().path("id").asString();
    }
}
