package qc.esac.insurance.renewal;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import qc.esac.events.EventCatalog;
import qc.esac.events.EventSchemas;
import qc.esac.events.Topics;
import qc.esac.events.insurance.RatesRenewed;
import qc.esac.insurance.InsuranceCalendar;
import qc.esac.insurance.plan.SamplePlans;
import qc.esac.insurance.support.InsuranceApi;
import qc.esac.testkit.TopicProbe;
import qc.esac.testkit.jwt.TestTokens;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static qc.esac.insurance.support.InsuranceApi.staff;

/** The anonymous needs assessment, and a renewal published before the new plan year starts. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AssessmentAndRenewalIT {

    private static final String ASSESSMENT = """
            {"headcountByClass": {"FULL_TIME": 4, "PART_TIME": 2}, "annualPayroll": 240000,
             "priorities": ["LTD", "PSYCHOSOCIAL", "DRUGS", "PHYSICAL_HEALTH", "VISION", "PARAMEDICAL", "LIFE_ADD",
                            "DENTAL_BASIC", "STD", "DENTAL_MAJOR"],
             "budgetPercent": 4}""";

    @LocalServerPort
    int port;

    @Autowired
    InsuranceCalendar calendar;

    @Test
    void anyoneRunsTheNeedsAssessmentAndOnlyAnAccountSavesIt() throws Exception {
        InsuranceApi api = new InsuranceApi(port);
        LocalDate today = calendar.today();
        api.ensurePlanYear(InsuranceApi.JSON.writeValueAsString(SamplePlans.year(today.getYear())), today.getYear());

        HttpResponse<String> anonymous = api.send("POST", "/api/insurance/needs-assessments", null, null, ASSESSMENT);
        assertThat(anonymous.statusCode()).as(anonymous.body()).isEqualTo(200);
        JsonNode result = api.json(anonymous);
        // Major dental is not recommended without basic dental, which does not fit the budget.
        assertThat(result.get("percentOfPayroll").decimalValue()).isEqualByComparingTo("3.77");
        assertThat(result.get("recommended").valueStream().map(c -> c.get("coverage").asString()))
                .doesNotContain("DENTAL_MAJOR");
        assertThat(result.get("publicDrugPremiumSavings").decimalValue()).isEqualByComparingTo("4512.00");

        String org = "org-" + UUID.randomUUID();
        String path = "/api/insurance/organizations/" + org + "/needs-assessments";
        assertThat(api.send("POST", path, null, null, ASSESSMENT).statusCode()).isEqualTo(401);
        assertThat(api.send("POST", path, TestTokens.orgAdmin("org-autre"), null, ASSESSMENT).statusCode()).isEqualTo(403);
        HttpResponse<String> saved = api.sendWithKey(path, TestTokens.orgAdmin(org), "cle-1", ASSESSMENT);
        assertThat(saved.statusCode()).isEqualTo(201);
        HttpResponse<String> retried = api.sendWithKey(path, TestTokens.orgAdmin(org), "cle-1", ASSESSMENT);
        assertThat(api.json(retried).get("id").asString()).isEqualTo(api.json(saved).get("id").asString());
        assertThat(api.json(api.get(path, TestTokens.orgAdmin(org))).get("totalItems").asLong())
                .as("a retried request saves nothing more").isEqualTo(1);

        HttpResponse<String> invalid = api.send("POST", "/api/insurance/needs-assessments", null, null,
                "{\"headcountByClass\": {}, \"annualPayroll\": 0, \"priorities\": [], \"budgetPercent\": 4}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(api.json(invalid).get("errors").valueStream().map(e -> e.get("field").asString()).toList())
                .containsExactlyInAnyOrder("headcountByClass", "annualPayroll", "priorities");
    }

    @Test
    void theRenewalPublishesEachEmployersNewRateBeforeTheYearStartsAndOnlyOnce() throws Exception {
        InsuranceApi api = new InsuranceApi(port);
        LocalDate today = calendar.today();
        int year = today.getYear();
        api.ensurePlanYear(InsuranceApi.JSON.writeValueAsString(SamplePlans.year(year)), year);
        api.ensurePlanYear(InsuranceApi.JSON.writeValueAsString(SamplePlans.year(year + 1)), year + 1);
        String org = "org-" + UUID.randomUUID();
        api.activeEmployer(org, today, "emp-" + UUID.randomUUID());
        // Six insured, three disability claims: the worked example.
        HttpResponse<String> reported = api.send("PUT", "/api/insurance/organizations/" + org + "/experience/" + year + "/LTD",
                staff(), null, "{\"lifeYears\": 6, \"claims\": 42000, \"premiums\": 21600}");
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(200);

        try (TopicProbe probe = TopicProbe.from(Topics.INSURANCE)) {
            HttpResponse<String> renewal = api.send("POST", "/api/insurance/plan-years/" + (year + 1) + "/renewal", staff(),
                    null, null);
            assertThat(renewal.statusCode()).as(renewal.body()).isEqualTo(200);
            JsonNode outcome = api.json(renewal).valueStream().filter(o -> org.equals(o.get("organizationId").asString()))
                    .findFirst().orElseThrow();
            assertThat(outcome.get("credibility").decimalValue()).isEqualByComparingTo("0.0632");
            assertThat(outcome.get("factor").decimalValue()).isEqualByComparingTo("1.0904");

            List<ConsumerRecord<String, byte[]>> events = probe.await(r -> org.equals(r.key())
                    && EventCatalog.of(RatesRenewed.class).type().equals(TopicProbe.header(r, "ce_type")), 1,
                    Duration.ofSeconds(20));
            JsonNode data = EventSchemas.validate(EventCatalog.of(RatesRenewed.class).type(), events.get(0).value());
            assertThat(data.get("planYear").asInt()).isEqualTo(year + 1);
            assertThat(data.get("effectiveDate").asString()).isEqualTo(LocalDate.of(year + 1, 1, 1).toString());
            assertThat(data.get("rateFactor").asString()).isEqualTo("1.0904");

            HttpResponse<String> again = api.send("POST", "/api/insurance/plan-years/" + (year + 1) + "/renewal", staff(),
                    null, null);
            assertThat(api.json(again).valueStream().filter(o -> org.equals(o.get("organizationId").asString()))
                    .findFirst().orElseThrow().get("alreadyRenewed").asBoolean()).isTrue();
            assertThat(probe.collect(r -> org.equals(r.key())
                    && EventCatalog.of(RatesRenewed.class).type().equals(TopicProbe.header(r, "ce_type")),
                    Duration.ofSeconds(1))).as("published once").hasSize(1);
        }
        HttpResponse<String> late = api.send("POST", "/api/insurance/plan-years/" + year + "/renewal", staff(), null, null);
        assertThat(late.statusCode()).isEqualTo(422);
        assertThat(api.json(late).get("title").asString()).isEqualTo("Renouvellement trop tard");
        assertThat(api.send("POST", "/api/insurance/plan-years/" + (year + 1) + "/renewal", TestTokens.orgAdmin(org), null,
                null).statusCode()).isEqualTo(403);
    }
}
