package qc.esac.insurance.enrolment;

import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import qc.esac.events.membership.EmployeeAdded;
import qc.esac.insurance.InsuranceCalendar;
import qc.esac.insurance.plan.SamplePlans;
import qc.esac.insurance.support.InsuranceApi;
import qc.esac.testkit.jwt.TestTokens;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static qc.esac.insurance.support.InsuranceApi.staff;

/**
 * Who may see and change an enrolment, what is refused (in French, changing nothing), and the privacy
 * guarantees: personal information encrypted at rest, staff reads logged, the insured person's export.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EnrolmentAccessAndPrivacyIT {

    @LocalServerPort
    int port;

    @Autowired
    InsuranceCalendar calendar;

    @Autowired
    MongoTemplate mongo;

    @Test
    void accessMatrixPrivacyAndRefusals() throws Exception {
        InsuranceApi api = new InsuranceApi(port);
        LocalDate today = calendar.today();
        api.ensurePlanYear(InsuranceApi.JSON.writeValueAsString(SamplePlans.year(today.getYear())), today.getYear());
        String org = "org-" + UUID.randomUUID();
        String employee = "emp-" + UUID.randomUUID();
        api.activeEmployer(org, today, employee);
        String self = TestTokens.employee("user-" + employee, org);
        String path = "/api/insurance/enrolments/" + employee;

        // Encrypted at rest: neither the birth date nor the salary appear in the stored document.
        Document stored = mongo.getCollection(Enrolments.COLLECTION).find(Filters.eq("_id", employee)).first();
        assertThat(stored).isNotNull();
        assertThat(stored.toJson()).doesNotContain("1990-06-01").doesNotContain("48000").doesNotContain("birthDate");

        // Access matrix.
        assertThat(api.get(path, TestTokens.orgAdmin(org)).statusCode()).isEqualTo(200);
        assertThat(api.get(path, self).statusCode()).isEqualTo(200);
        HttpResponse<String> otherAdmin = api.get(path, TestTokens.orgAdmin("org-" + UUID.randomUUID()));
        assertThat(otherAdmin.statusCode()).isEqualTo(403);
        assertThat(otherAdmin.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(api.json(otherAdmin).get("title").asString()).isEqualTo("Accès refusé");
        assertThat(api.get(path, TestTokens.employee("user-someone-else", org)).statusCode()).isEqualTo(403);
        assertThat(api.get(path, TestTokens.partner("courtier", "insurance.read")).statusCode()).isEqualTo(403);
        assertThat(api.get(path, null).statusCode()).isEqualTo(401);
        assertThat(api.get("/api/insurance/participations/" + org, TestTokens.orgAdmin("org-autre")).statusCode()).isEqualTo(403);
        assertThat(api.send("POST", "/api/insurance/participations/" + org + "/activation", TestTokens.orgAdmin(org), "\"1\"",
                "{\"effectiveDate\": \"" + today + "\"}").statusCode()).as("only staff activate").isEqualTo(403);
        assertThat(api.send("POST", path + "/evidence-decision", TestTokens.orgAdmin(org), null,
                "{\"approved\": true}").statusCode()).as("only staff decide on evidence").isEqualTo(403);
        assertThat(api.send("PUT", "/api/insurance/plan-years/" + (today.getYear() + 5), TestTokens.orgAdmin(org), null,
                InsuranceApi.JSON.writeValueAsString(SamplePlans.year(today.getYear() + 5))).statusCode())
                .as("only staff administer the plan").isEqualTo(403);

        // Every read by someone other than the person is logged (who, what, when): the administrator's above, staff's.
        JsonNode read = api.json(api.get(path, staff()));
        assertThat(read.at("/personalData/birthDate").asString()).isEqualTo("1990-06-01");
        JsonNode log = api.json(api.get(path + "/access-log", staff()));
        assertThat(log.get("totalItems").asLong()).isEqualTo(2);
        assertThat(log.at("/items/0/readerId").asString()).isEqualTo(TestTokens.STAFF_SUBJECT);
        assertThat(log.at("/items/1/readerId").asString()).isEqualTo(TestTokens.ORG_ADMIN_SUBJECT);
        assertThat(log.at("/items/0/what").asString()).isEqualTo("ENROLMENT_PERSONAL_DATA");
        assertThat(api.get(path + "/access-log", TestTokens.orgAdmin(org)).statusCode()).isEqualTo(403);

        // The insured person: coverage, certificate, export of everything held on them.
        assertThat(api.json(api.get("/api/insurance/me/enrolment", self)).get("employeeId").asString()).isEqualTo(employee);
        JsonNode certificate = api.json(api.get(path + "/certificate", self));
        assertThat(certificate.get("certificateNumber").asString()).startsWith("AC-");
        assertThat(certificate.at("/coverages/DRUGS").asString()).isEqualTo("Médicaments d’ordonnance");
        HttpResponse<String> export = api.get("/api/insurance/me/personal-data", self);
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                d -> assertThat(d).contains("attachment"));
        JsonNode exported = api.json(export);
        assertThat(exported.at("/enrolments/0/personalData/annualSalary").decimalValue()).isEqualByComparingTo("48000");
        assertThat(exported.get("accessLog").size()).isEqualTo(2);
        assertThat(api.get("/api/insurance/me/personal-data", TestTokens.orgAdmin(org)).statusCode()).isEqualTo(403);

        // Refusals, in French by default, in English on request; nothing is saved.
        String tooFewHours = "emp-" + UUID.randomUUID();
        String newborn = "emp-" + UUID.randomUUID();
        InsuranceApi.publish(tooFewHours, 1, new EmployeeAdded(tooFewHours, org, "Basile", "Fictif", null, null,
                "PART_TIME", new BigDecimal("20"), today.minusYears(2), null, null));
        InsuranceApi.publish(newborn, 1, new EmployeeAdded(newborn, org, "Clara", "Fictif", null, null,
                "FULL_TIME", new BigDecimal("35"), today.minusYears(2), null, null));
        String enrolments = "/api/insurance/organizations/" + org + "/enrolments";
        HttpResponse<String> ineligible = api.send("POST", enrolments, TestTokens.orgAdmin(org), null, enrolment(tooFewHours, "[]"));
        assertThat(ineligible.statusCode()).isEqualTo(422);
        assertThat(api.json(ineligible).get("title").asString()).isEqualTo("Employé non admissible");
        assertThat(api.json(ineligible).get("detail").asString()).contains("20").contains("28");
        HttpResponse<String> english = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + enrolments))
                .header("Content-Type", "application/json").header("Accept-Language", "en")
                .header("Authorization", "Bearer " + TestTokens.orgAdmin(org))
                .POST(HttpRequest.BodyPublishers.ofString(enrolment(tooFewHours, "[]"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(api.json(english).get("title").asString()).isEqualTo("Employee not eligible");

        HttpResponse<String> unborn = api.send("POST", enrolments, TestTokens.orgAdmin(org), null, enrolment(newborn,
                "[{\"kind\": \"CHILD\", \"firstName\": \"Noé\", \"birthDate\": \"" + today.plusDays(20) + "\"}]"));
        assertThat(unborn.statusCode()).isEqualTo(400);
        JsonNode problem = api.json(unborn);
        assertThat(problem.get("title").asString()).isEqualTo("Données invalides");
        assertThat(problem.at("/errors/0/field").asString()).isEqualTo("dependants[0].birthDate");
        assertThat(problem.at("/errors/0/message").asString()).contains("dans le futur");
        assertThat(api.get("/api/insurance/enrolments/" + newborn, staff()).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/insurance/enrolments/" + tooFewHours, staff()).statusCode()).isEqualTo(404);

        HttpResponse<String> twice = api.send("POST", enrolments, TestTokens.orgAdmin(org), null, enrolment(employee, "[]"));
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(api.json(twice).get("title").asString()).isEqualTo("Adhésion existante");
    }

    @Test
    void aNewChildChangesTheTierWithIfMatchAndAWaiverDropsACoverage() throws Exception {
        InsuranceApi api = new InsuranceApi(port);
        LocalDate today = calendar.today();
        api.ensurePlanYear(InsuranceApi.JSON.writeValueAsString(SamplePlans.year(today.getYear())), today.getYear());
        String org = "org-" + UUID.randomUUID();
        String employee = "emp-" + UUID.randomUUID();
        api.activeEmployer(org, today, employee);
        String path = "/api/insurance/enrolments/" + employee + "/family";
        String admin = TestTokens.orgAdmin(org);
        String etag = api.get("/api/insurance/enrolments/" + employee, admin).headers().firstValue("ETag").orElseThrow();
        String body = """
                {"dependants": [{"kind": "CHILD", "firstName": "Lou", "birthDate": "%s"}],
                 "waivers": [{"coverage": "DENTAL_BASIC", "reason": "Couvert par le régime de la personne conjointe"}],
                 "effectiveDate": "%s"}""".formatted(today.minusDays(3), today);

        assertThat(api.send("PUT", path, admin, null, body).statusCode()).as("If-Match required").isEqualTo(428);
        assertThat(api.send("PUT", path, admin, "\"999\"", body).statusCode()).as("stale version").isEqualTo(412);
        assertThat(api.send("PUT", path, TestTokens.orgAdmin("org-autre"), etag, body).statusCode()).isEqualTo(403);
        HttpResponse<String> changed = api.send("PUT", path, admin, etag, body);
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        JsonNode enrolment = api.json(changed);
        assertThat(enrolment.get("tier").asString()).isEqualTo("FAMILY");
        assertThat(enrolment.get("coverages").valueStream().map(JsonNode::asString)).containsExactlyInAnyOrder("LTD", "DRUGS");
        assertThat(changed.headers().firstValue("ETag")).isPresent().isNotEqualTo(java.util.Optional.of(etag));

        HttpResponse<String> notWaivable = api.send("PUT", path, admin, changed.headers().firstValue("ETag").orElseThrow(),
                "{\"dependants\": [], \"waivers\": [{\"coverage\": \"LTD\", \"reason\": \"Autre régime\"}], "
                        + "\"effectiveDate\": \"" + today + "\"}");
        assertThat(notWaivable.statusCode()).isEqualTo(400);
        assertThat(api.json(notWaivable).at("/errors/0/field").asString()).isEqualTo("waivers[0].coverage");
    }

    @Test
    void aLateApplicantWaitsForTheStaffsDecisionOnEvidence() throws Exception {
        InsuranceApi api = new InsuranceApi(port);
        LocalDate today = calendar.today();
        api.ensurePlanYear(InsuranceApi.JSON.writeValueAsString(SamplePlans.year(today.getYear())), today.getYear());
        String org = "org-" + UUID.randomUUID();
        api.activeEmployer(org, today);
        // Time passes: the participation has been in force for 60 days when this employee asks to join.
        mongo.getCollection("participations").updateOne(Filters.eq("_id", org),
                new Document("$set", new Document("state.activeSince", java.util.Date.from(
                        today.minusDays(60).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()))));
        String late = "emp-" + UUID.randomUUID();
        InsuranceApi.publish(late, 1, new EmployeeAdded(late, org, "Dalia", "Fictif", null, null, "FULL_TIME",
                new BigDecimal("35"), today.minusYears(3), null, null));

        HttpResponse<String> applied = api.send("POST", "/api/insurance/organizations/" + org + "/enrolments",
                TestTokens.orgAdmin(org), null, enrolment(late, "[]"));
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
        assertThat(api.json(applied).get("status").asString()).isEqualTo("LATE_APPLICANT");
        assertThat(api.json(applied).get("effectiveDate").isNull()).isTrue();

        JsonNode pending = api.json(api.get("/api/insurance/enrolments?status=LATE_APPLICANT&size=100", staff()));
        assertThat(pending.get("items").valueStream().map(i -> i.get("employeeId").asString())).contains(late);
        assertThat(api.get("/api/insurance/enrolments?status=LATE_APPLICANT", TestTokens.orgAdmin(org)).statusCode())
                .isEqualTo(403);

        HttpResponse<String> decided = api.send("POST", "/api/insurance/enrolments/" + late + "/evidence-decision", staff(),
                null, "{\"approved\": true, \"note\": \"Preuve d’assurabilité acceptée\", \"effectiveDate\": \""
                        + today.plusDays(1) + "\"}");
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
        JsonNode active = api.json(decided);
        assertThat(active.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(active.get("effectiveDate").asString()).isEqualTo(today.plusDays(1).toString());
        assertThat(active.at("/evidenceDecision/decidedBy").asString()).isEqualTo(TestTokens.STAFF_SUBJECT);
        HttpResponse<String> again = api.send("POST", "/api/insurance/enrolments/" + late + "/evidence-decision", staff(),
                null, "{\"approved\": false}");
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(api.json(again).get("title").asString()).isEqualTo("Changement d’état impossible");
    }

    private static String enrolment(String employeeId, String dependants) {
        return """
                {"employeeId": "%s", "classCode": "FULL_TIME", "birthDate": "1984-10-03", "annualSalary": 39000,
                 "dependants": %s, "waivers": []}""".formatted(employeeId, dependants);
    }
}
