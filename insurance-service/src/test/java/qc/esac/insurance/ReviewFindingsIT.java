package qc.esac.insurance;

import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import qc.esac.events.membership.EmployeeAdded;
import qc.esac.events.membership.EmployeeLeft;
import qc.esac.events.membership.EmployeeUpdated;
import qc.esac.events.membership.MembershipInGrace;
import qc.esac.events.membership.OrganizationClosed;
import qc.esac.insurance.invoice.InvoiceService;
import qc.esac.insurance.plan.SamplePlans;
import qc.esac.insurance.support.InsuranceApi;
import qc.esac.testkit.jwt.TestTokens;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static qc.esac.insurance.support.InsuranceApi.publish;
import static qc.esac.insurance.support.InsuranceApi.staff;

/**
 * Findings of the outside security and domain review (issue 16), each through the HTTP API or the membership
 * events that drive the service: network-scoped staff, authorization before versions, eligibility when hours
 * rise, corrections of every invoiced month, organization closure, both languages, Law 25 reads and
 * corrections.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReviewFindingsIT {

    /** Staff of another network: a valid staff token, but not the association's. */
    private static final String OTHER_NETWORK_STAFF = TestTokens.staff("fqcs");

    @LocalServerPort
    int port;

    @Autowired
    InsuranceCalendar calendar;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    InvoiceService invoices;

    InsuranceApi api;
    LocalDate today;

    @BeforeEach
    void plan() throws Exception {
        api = new InsuranceApi(port);
        today = calendar.today();
        for (int year = today.getYear() - 1; year <= today.getYear(); year++) {
            api.ensurePlanYear(InsuranceApi.JSON.writeValueAsString(SamplePlans.year(year)), year);
        }
    }

    @Test
    void staffOfAnotherNetworkIsRefusedOnEveryStaffAndAdministratorEndpoint() throws Exception {
        String org = "org-" + UUID.randomUUID();
        String employee = "emp-" + UUID.randomUUID();
        api.activeEmployer(org, today, employee);
        String enrolment = "/api/insurance/enrolments/" + employee;
        String participation = "/api/insurance/participations/" + org;
        String organization = "/api/insurance/organizations/" + org;
        String etag = api.get(participation, staff()).headers().firstValue("ETag").orElseThrow();
        String enrolmentEtag = api.get(enrolment, staff()).headers().firstValue("ETag").orElseThrow();
        String family = "{\"dependants\": [], \"waivers\": [], \"effectiveDate\": \"" + today + "\"}";
        String assessment = """
                {"headcountByClass": {"FULL_TIME": 3}, "annualPayroll": 150000, "priorities": ["DRUGS"], "budgetPercent": 4}""";

        List<HttpResponse<String>> refused = List.of(
                api.get("/api/insurance/participations", OTHER_NETWORK_STAFF),
                api.get(participation, OTHER_NETWORK_STAFF),
                api.send("POST", participation, OTHER_NETWORK_STAFF, null,
                        "{\"coverages\": [\"DRUGS\"], \"classCodes\": [\"FULL_TIME\"], \"employerSharePercent\": 50}"),
                api.send("POST", participation + "/activation", OTHER_NETWORK_STAFF, etag,
                        "{\"effectiveDate\": \"" + today + "\"}"),
                api.send("POST", participation + "/withdrawal", OTHER_NETWORK_STAFF, etag,
                        "{\"effectiveDate\": \"" + today + "\"}"),
                api.get(organization + "/enrolments", OTHER_NETWORK_STAFF),
                api.send("POST", organization + "/enrolments", OTHER_NETWORK_STAFF, null, """
                        {"employeeId": "%s", "classCode": "FULL_TIME", "birthDate": "1990-06-01", "annualSalary": 48000,
                         "dependants": [], "waivers": []}""".formatted(employee)),
                api.get("/api/insurance/enrolments?status=ACTIVE", OTHER_NETWORK_STAFF),
                api.get(enrolment, OTHER_NETWORK_STAFF),
                api.get(enrolment + "/certificate", OTHER_NETWORK_STAFF),
                api.get(enrolment + "/access-log", OTHER_NETWORK_STAFF),
                api.send("PUT", enrolment + "/family", OTHER_NETWORK_STAFF, enrolmentEtag, family),
                api.send("PUT", enrolment + "/employment", OTHER_NETWORK_STAFF, enrolmentEtag,
                        "{\"annualSalary\": 90000, \"effectiveDate\": \"" + today + "\"}"),
                api.send("POST", enrolment + "/evidence-decision", OTHER_NETWORK_STAFF, null, "{\"approved\": true}"),
                api.get(organization + "/invoices", OTHER_NETWORK_STAFF),
                api.get(organization + "/invoices/" + YearMonth.from(today), OTHER_NETWORK_STAFF),
                api.get(organization + "/premium", OTHER_NETWORK_STAFF),
                api.send("POST", "/api/insurance/invoices/issue", OTHER_NETWORK_STAFF, null, null),
                api.send("PUT", "/api/insurance/plan-years/" + (today.getYear() + 7), OTHER_NETWORK_STAFF, null,
                        InsuranceApi.JSON.writeValueAsString(SamplePlans.year(today.getYear() + 7))),
                api.send("POST", "/api/insurance/plan-years/" + (today.getYear() + 7) + "/renewal", OTHER_NETWORK_STAFF,
                        null, null),
                api.send("PUT", organization + "/experience/" + today.getYear() + "/DRUGS", OTHER_NETWORK_STAFF, null,
                        "{\"lifeYears\": 3, \"claims\": 100, \"premiums\": 200}"),
                api.get(organization + "/experience", OTHER_NETWORK_STAFF),
                api.send("POST", organization + "/needs-assessments", OTHER_NETWORK_STAFF, null, assessment),
                api.get(organization + "/needs-assessments", OTHER_NETWORK_STAFF));

        assertThat(refused).allSatisfy(r -> assertThat(r.statusCode()).as(r.request().method() + " " + r.request().uri()
                + " -> " + r.body()).isEqualTo(403));
        assertThat(refused).allSatisfy(r -> assertThat(r.body()).doesNotContain("1990-06-01").doesNotContain("48000"));
        JsonNode after = api.json(api.get(participation, staff()));
        assertThat(after.get("status").asString()).as("nothing changed").isEqualTo("ACTIVE");
        assertThat(api.get(organization + "/invoices/" + YearMonth.from(today), staff()).statusCode())
                .as("no invoice issued").isEqualTo(404);
        assertThat(api.get("/api/insurance/plan-years/" + (today.getYear() + 7), null).statusCode()).isEqualTo(404);
        // The association's own staff still may.
        assertThat(api.get(enrolment + "/certificate", staff()).statusCode()).isEqualTo(200);
        assertThat(api.get("/api/insurance/participations", staff()).statusCode()).isEqualTo(200);
    }

    @Test
    void anOutsiderWithAStaleIfMatchIsRefusedWithoutLearningTheVersion() throws Exception {
        String org = "org-" + UUID.randomUUID();
        String employee = "emp-" + UUID.randomUUID();
        api.activeEmployer(org, today, employee);
        String stale = "\"999\"";

        HttpResponse<String> otherStaff = api.send("POST", "/api/insurance/participations/" + org + "/withdrawal",
                OTHER_NETWORK_STAFF, stale, "{\"effectiveDate\": \"" + today + "\"}");
        HttpResponse<String> otherAdmin = api.send("PUT", "/api/insurance/enrolments/" + employee + "/family",
                TestTokens.orgAdmin("org-" + UUID.randomUUID()), stale,
                "{\"dependants\": [], \"waivers\": [], \"effectiveDate\": \"" + today + "\"}");

        assertThat(otherStaff.statusCode()).as(otherStaff.body()).isEqualTo(403);
        assertThat(otherAdmin.statusCode()).as(otherAdmin.body()).isEqualTo(403);
        assertThat(otherStaff.headers().firstValue("ETag")).isEmpty();
        // The association's staff with the same stale version: 412.
        assertThat(api.send("POST", "/api/insurance/participations/" + org + "/withdrawal", staff(), stale,
                "{\"effectiveDate\": \"" + today + "\"}").statusCode()).isEqualTo(412);
    }

    @Test
    void anEmployeeWhoseHoursRiseBecomesEligibleThatDayNotFromTheHireDate() throws Exception {
        String org = "org-" + UUID.randomUUID();
        api.activeEmployer(org, today);
        backdateParticipation(org, today.minusDays(90));
        String employee = "emp-" + UUID.randomUUID();
        publish(employee, 1, new EmployeeAdded(employee, org, "Edgar", "Fictif", null, null, "PART_TIME",
                new BigDecimal("20"), today.minusYears(3), null, null));
        publish(employee, 2, new EmployeeUpdated(employee, org, "Edgar", "Fictif", null, null, "FULL_TIME",
                new BigDecimal("35"), today.minusYears(3), null, null, List.of("employmentStatus", "weeklyHours")));

        HttpResponse<String> enrolled = api.send("POST", "/api/insurance/organizations/" + org + "/enrolments",
                TestTokens.orgAdmin(org), null, """
                        {"employeeId": "%s", "classCode": "FULL_TIME", "birthDate": "1980-01-15", "annualSalary": 41000,
                         "dependants": [], "waivers": []}""".formatted(employee));

        assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(201);
        JsonNode enrolment = api.json(enrolled);
        assertThat(enrolment.get("status").asString()).as("within 31 days of meeting the hours rule").isEqualTo("ACTIVE");
        assertThat(enrolment.get("eligibleOn").asString()).isEqualTo(today.toString());
        assertThat(enrolment.get("effectiveDate").asString()).isEqualTo(today.toString());
    }

    @Test
    void aBackdatedDepartureCorrectsEveryMonthAlreadyInvoiced() throws Exception {
        String org = "org-" + UUID.randomUUID();
        String employee = "emp-" + UUID.randomUUID();
        api.activeEmployer(org, today, employee);
        LocalDate start = YearMonth.from(today).minusMonths(3).atDay(1);
        backdateParticipation(org, start);
        mongo.getCollection("enrolments").updateOne(Filters.eq("_id", employee), new Document("$set",
                new Document("state.effectiveDate", date(start)).append("state.segments.0.from", date(start))));
        YearMonth current = YearMonth.from(today);
        for (int back = 3; back >= 1; back--) {
            invoices.issueMonth(current.minusMonths(back), current.minusMonths(back).atDay(1));
        }

        // Membership reports late that the employee left during the first invoiced month.
        publish(employee, 2, new EmployeeLeft(employee, org, "Prénom", "Fictif", null, null, "FULL_TIME",
                new BigDecimal("35"), today.minusYears(1), start.plusDays(9), "user-" + employee, "Départ"));
        invoices.issueMonth(current, today);

        JsonNode invoice = api.json(api.get("/api/insurance/organizations/" + org + "/invoices/" + current, staff()));
        List<JsonNode> adjustments = invoice.get("lines").valueStream()
                .filter(l -> "ADJUSTMENT".equals(l.get("kind").asString())).toList();
        assertThat(adjustments).extracting(l -> l.get("servicePeriod").asString()).as("both months billed after the end")
                .contains(current.minusMonths(2).toString(), current.minusMonths(1).toString());
        assertThat(adjustments).allSatisfy(l -> assertThat(l.get("amount").decimalValue()).isNegative());
        BigDecimal billedAfterTheEnd = BigDecimal.ZERO;
        for (int back = 2; back >= 1; back--) {
            JsonNode earlier = api.json(api.get("/api/insurance/organizations/" + org + "/invoices/"
                    + current.minusMonths(back), staff()));
            billedAfterTheEnd = billedAfterTheEnd.add(earlier.get("total").decimalValue());
        }
        BigDecimal credited = adjustments.stream().map(l -> l.get("amount").decimalValue())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(credited).isEqualByComparingTo(billedAfterTheEnd.negate());
        assertThat(invoice.get("lines").valueStream().filter(l -> "PREMIUM".equals(l.get("kind").asString()))).isEmpty();
    }

    @Test
    void aRaiseIsBilledFromItsDateAtTheNewSalaryProratedInItsMonth() throws Exception {
        String org = "org-" + UUID.randomUUID();
        String employee = "emp-" + UUID.randomUUID();
        api.activeEmployer(org, today, employee);
        YearMonth current = YearMonth.from(today);
        LocalDate start = current.minusMonths(1).atDay(1);
        backdateParticipation(org, start);
        mongo.getCollection("enrolments").updateOne(Filters.eq("_id", employee), new Document("$set",
                new Document("state.effectiveDate", date(start)).append("state.segments.0.from", date(start))));
        String path = "/api/insurance/enrolments/" + employee;
        String admin = TestTokens.orgAdmin(org);
        String etag = api.get(path, admin).headers().firstValue("ETag").orElseThrow();
        String raise = "{\"annualSalary\": 60000, \"effectiveDate\": \"" + current.atDay(16) + "\"}";

        assertThat(api.send("PUT", path + "/employment", admin, null, raise).statusCode()).as("If-Match required")
                .isEqualTo(428);
        HttpResponse<String> raised = api.send("PUT", path + "/employment", admin, etag, raise);

        assertThat(raised.statusCode()).as(raised.body()).isEqualTo(200);
        assertThat(api.json(raised).get("personalData").isNull()).as("the salary is not echoed").isTrue();
        JsonNode quote = api.json(api.get("/api/insurance/organizations/" + org + "/premium?period=" + current, admin));
        List<JsonNode> disability = quote.get("lines").valueStream().filter(l -> "LTD".equals(l.get("coverage").asString()))
                .toList();
        // Long-term disability is 2.10 % of the monthly salary: 84.00 before the raise, 105.00 after, each by the day.
        assertThat(disability).extracting(l -> l.get("monthlyAmount").decimalValue().setScale(2))
                .containsExactly(new BigDecimal("84.00"), new BigDecimal("105.00"));
        assertThat(disability).extracting(l -> l.get("days").asInt())
                .containsExactly(15, current.lengthOfMonth() - 15);
        JsonNode self = api.json(api.get(path, TestTokens.employee("user-" + employee, org)));
        assertThat(self.at("/personalData/annualSalary").decimalValue()).isEqualByComparingTo("60000");
    }

    @Test
    void aClosedOrganizationLeavesThePlanOnItsClosureDateWithEveryEnrolment() throws Exception {
        String org = "org-" + UUID.randomUUID();
        String employee = "emp-" + UUID.randomUUID();
        api.activeEmployer(org, today, employee);
        LocalDate closedOn = today.plusDays(10);

        publish(org, 2, new OrganizationClosed(org, "Coop fictive", "1234567890", closedOn, "Dissolution"));

        JsonNode participation = api.json(api.get("/api/insurance/participations/" + org, staff()));
        assertThat(participation.get("status").asString()).isEqualTo("TERMINATED");
        assertThat(participation.get("terminatedOn").asString()).isEqualTo(closedOn.toString());
        assertThat(participation.get("terminationReason").asString()).isEqualTo("ORGANIZATION_CLOSED");
        assertThat(participation.get("notices").valueStream().map(n -> n.get("kind").asString()))
                .contains("ORGANIZATION_CLOSED");
        JsonNode enrolment = api.json(api.get("/api/insurance/enrolments/" + employee, staff()));
        assertThat(enrolment.get("status").asString()).isEqualTo("TERMINATED");
        assertThat(enrolment.get("coverageEndsOn").asString()).isEqualTo(closedOn.toString());
        assertThat(enrolment.get("endReason").asString()).isEqualTo("PARTICIPATION_TERMINATED");
    }

    @Test
    void standingFollowsTheMembershipsGoodStandingFlagNotItsStatus() throws Exception {
        String org = "org-" + UUID.randomUUID();
        api.activeEmployer(org, today);
        String membership = "mem-" + UUID.randomUUID();
        String participation = "/api/insurance/participations/" + org;

        // The network keeps services during its grace (good standing): insurance carries on.
        publish(membership, 5, new MembershipInGrace(membership, org, InsuranceApi.NETWORK, "REGULAR", "IN_GRACE",
                "RENEWAL_DUE", true, true, today.minusMonths(2), today.plusMonths(10), today, null, today.plusDays(30)));
        assertThat(api.json(api.get(participation, staff())).get("status").asString()).isEqualTo("ACTIVE");

        // Another network's rule says the same status is not good standing: the employer's grace starts.
        publish(membership, 6, new MembershipInGrace(membership, org, InsuranceApi.NETWORK, "REGULAR", "IN_GRACE",
                "IN_GRACE", false, false, today.minusMonths(2), today.plusMonths(10), today, null, today.plusDays(30)));
        assertThat(api.json(api.get(participation, staff())).get("status").asString()).isEqualTo("IN_GRACE");
    }

    @Test
    void certificatesNoticesAndAssessmentsAreInTheRequestsLanguage() throws Exception {
        String org = "org-" + UUID.randomUUID();
        String employee = "emp-" + UUID.randomUUID();
        api.activeEmployer(org, today, employee);
        String certificate = "/api/insurance/enrolments/" + employee + "/certificate";

        assertThat(api.json(api.get(certificate, staff())).at("/coverages/DRUGS").asString())
                .isEqualTo("Médicaments d’ordonnance");
        assertThat(api.json(api.get(certificate, staff(), "en")).at("/coverages/DRUGS").asString())
                .isEqualTo("Prescription drugs");

        JsonNode french = api.json(api.get("/api/insurance/participations/" + org, staff()));
        JsonNode english = api.json(api.get("/api/insurance/participations/" + org, staff(), "en"));
        assertThat(french.at("/notices/0/text").asString()).isNotBlank();
        assertThat(english.at("/notices/0/text").asString()).isNotBlank()
                .isNotEqualTo(french.at("/notices/0/text").asString());

        String inputs = """
                {"headcountByClass": {"FULL_TIME": 4}, "annualPayroll": 180000, "priorities": ["DRUGS"], "budgetPercent": 5}""";
        HttpResponse<String> assessed = api.send("POST", "/api/insurance/needs-assessments", null, null, inputs);
        assertThat(api.json(assessed).at("/recommended/0/label").asString()).isEqualTo("Médicaments d’ordonnance");
        HttpResponse<String> inEnglish = api.sendIn("POST", "/api/insurance/needs-assessments", "en", inputs);
        assertThat(api.json(inEnglish).at("/recommended/0/label").asString()).isEqualTo("Prescription drugs");
    }

    @Test
    void everyReadOfPersonalDataByAnotherPersonIsLoggedAndThePersonMayCorrectTheirs() throws Exception {
        String org = "org-" + UUID.randomUUID();
        String employee = "emp-" + UUID.randomUUID();
        api.activeEmployer(org, today, employee);
        String self = TestTokens.employee("user-" + employee, org);
        String path = "/api/insurance/enrolments/" + employee;

        assertThat(api.get(path, TestTokens.orgAdmin(org)).statusCode()).isEqualTo(200);
        assertThat(api.get(path + "/certificate", TestTokens.orgAdmin(org)).statusCode()).isEqualTo(200);
        assertThat(api.get(path, self).statusCode()).isEqualTo(200);
        assertThat(api.get("/api/insurance/me/enrolment", self).statusCode()).isEqualTo(200);

        JsonNode log = api.json(api.get(path + "/access-log", staff()));
        assertThat(log.get("items").valueStream().map(e -> e.get("readerRole").asString() + ":" + e.get("what").asString()))
                .as("the administrator's reads, not the person's own")
                .containsExactlyInAnyOrder("ORG_ADMIN:ENROLMENT_PERSONAL_DATA", "ORG_ADMIN:CERTIFICATE");

        HttpResponse<String> corrected = api.send("PUT", "/api/insurance/me/personal-data", self, null, """
                {"birthDate": "1990-06-11"}""");
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
        assertThat(api.json(corrected).at("/enrolments/0/personalData/birthDate").asString()).isEqualTo("1990-06-11");
        assertThat(api.send("PUT", "/api/insurance/me/personal-data", TestTokens.orgAdmin(org), null,
                "{\"birthDate\": \"1990-06-11\"}").statusCode()).isEqualTo(403);
        JsonNode export = api.json(api.get("/api/insurance/me/personal-data", self));
        assertThat(export.at("/enrolments/0/personalData/birthDate").asString()).isEqualTo("1990-06-11");
        assertThat(export.get("accessLog").valueStream().map(e -> e.get("what").asString()))
                .contains("ENROLMENT_PERSONAL_DATA", "CERTIFICATE", "CORRECTION");
    }

    private void backdateParticipation(String org, LocalDate since) {
        mongo.getCollection("participations").updateOne(Filters.eq("_id", org),
                new Document("$set", new Document("state.activeSince", date(since))));
    }

    private static Date date(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
