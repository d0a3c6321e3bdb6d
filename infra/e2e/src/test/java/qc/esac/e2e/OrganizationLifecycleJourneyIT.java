package qc.esac.e2e;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import qc.esac.e2e.GatewayClient.Reply;
import qc.esac.events.Topics;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An organization's life on the platform, end to end: the whole stack through the gateway, people signing in at
 * the real issuer (authorization code with PKCE), each step checked through the API the way its users see it,
 * events awaited with a bound. The organization is the one whose administrator is {@code admin-vieux-moulin}
 * (its id is fixed by infra/identity's DemoDirectory and carried in that administrator's token); the network is
 * the group-insurance association ({@code aacocq}), whose members may join the plan and get its training at the
 * member price.
 *
 * <p>The lapse and the end of grace are date-driven: the journey moves the stack's days forward
 * ({@link FullStack#advanceTo}) and the services' scheduled rules (every second on this stack) do the rest. Time
 * only moves forward, and the demo content registers the same organization: this class runs after the suite's
 * other classes, on a stack of its own started from empty stores.
 */
@Order(Integer.MAX_VALUE)
class OrganizationLifecycleJourneyIT {

    /** Cuisine collective du Vieux-Moulin (DemoDirectory.ORG_CUISINE_VIEUX_MOULIN). */
    private static final String ORGANIZATION = "5e5ac000-0002-4000-8000-000000000001";
    /** The user id of {@code employe-vieux-moulin}, the employee who signs in. */
    private static final String EMPLOYEE_USER = "5e5ac000-0003-4000-8000-000000000007";
    private static final String NETWORK = "aacocq";
    private static final Duration EVENTS = Duration.ofSeconds(60);
    private static final String ORG_PATH = "/api/membership/organizations/" + ORGANIZATION;

    private final FullStack stack = FullStack.ownedBy(OrganizationLifecycleJourneyIT.class);
    private final GatewayClient api = new GatewayClient(stack);
    private final String staff = stack.staffToken();
    private final String admin = stack.personToken("admin-vieux-moulin");
    private final String outsider = stack.personToken("admin-deux-organismes");
    private final String employee = stack.personToken("employe-vieux-moulin");

    /** Every resource of the organization the journey created or saw, for the outsider's check at the end. */
    private final List<String> resources = new ArrayList<>();

    @Test
    void anOrganizationJoinsInsuresTrainsThenLapses() {
        JsonNode network = associationNetwork();
        int planGraceDays = planYear(stack.today().getYear());

        // 1. The administrator registers the organization under its id; it applies and the network approves.
        Reply registered = api.send("PUT", ORG_PATH, admin, null, """
                {"legalName": "Cuisine collective du Vieux-Moulin", "neq": "%s", "legalForm": "OBNL",
                 "regionCode": "04", "sectorCodes": [], "preferredLanguage": "fr"}
                """.formatted(neq()));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        resources.add(ORG_PATH);
        Reply profile = api.get(ORG_PATH, admin);
        assertThat(profile.status()).as(profile.toString()).isEqualTo(200);
        assertThat(profile.text("/legalName")).isEqualTo("Cuisine collective du Vieux-Moulin");

        JsonNode category = network.get("categories").get(0);
        Reply applied = api.post("/api/membership/memberships", admin, """
                {"organizationId": "%s", "networkId": "%s", "category": "%s"}
                """.formatted(ORGANIZATION, NETWORK, category.get("code").asString()));
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        assertThat(applied.text("/status")).isEqualTo("APPLIED");
        String membershipPath = "/api/membership/memberships/" + applied.text("/id");
        resources.add(membershipPath);

        Reply approved = api.send("POST", membershipPath + "/approval", staff, applied.etag(), "{}");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        BigDecimal fee = category.get("annualFee").decimalValue();
        if (fee.signum() > 0) {
            assertThat(approved.text("/status")).isEqualTo("APPROVED");
            Reply paid = api.send("POST", membershipPath + "/fees", staff, approved.etag(), """
                    {"amount": %s, "paidOn": "%s", "method": "TRANSFER", "reference": "VIR-E2E-001"}
                    """.formatted(fee.toPlainString(), stack.today()));
            assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
        }
        Reply membership = api.get(membershipPath, admin);
        assertThat(membership.text("/status")).as(membership.toString()).isEqualTo("ACTIVE");
        assertThat(membership.json().get("goodStanding").asBoolean()).isTrue();
        LocalDate periodEnd = LocalDate.parse(membership.text("/periodEnd"));

        // 2. Its administrator adds two employees to the roster; one of them signs in to the platform.
        String cook = addEmployee("Rosalie", "Lamarre-Fictive", "Cuisinière", "35", stack.today().minusYears(2),
                EMPLOYEE_USER);
        String coordinator = addEmployee("Anatole", "Vézina-Fictif", "Coordonnateur", "32",
                stack.today().minusYears(1), null);
        Reply roster = api.get(ORG_PATH + "/employees", admin);
        assertThat(roster.status()).as(roster.toString()).isEqualTo(200);
        assertThat(roster.json().get("totalItems").asInt()).isEqualTo(2);
        Reply myEntry = api.get("/api/membership/employees/me", employee);
        assertThat(myEntry.status()).as(myEntry.toString()).isEqualTo(200);
        assertThat(myEntry.text("/0/id")).as("the employee’s own entries").isEqualTo(cook);
        assertThat(myEntry.json().size()).isEqualTo(1);

        // 3. A member in good standing of the association joins the group plan, staff put it in force, and the
        // administrator enrols both (full-time, hired long ago: eligible from the start of the participation).
        String participationPath = "/api/insurance/participations/" + ORGANIZATION;
        Reply participation = GatewayClient.await(() -> api.post(participationPath, admin, """
                        {"coverages": ["LTD", "DRUGS", "DENTAL_BASIC"], "classCodes": ["FULL_TIME"],
                         "employerSharePercent": 50}"""),
                reply -> reply.status() == 200, EVENTS);
        assertThat(participation.status()).as("insurance learns the good standing: " + participation).isEqualTo(200);
        assertThat(participation.text("/status")).isEqualTo("APPLIED");
        resources.add(participationPath);
        Reply inForce = api.send("POST", participationPath + "/activation", staff, participation.etag(),
                "{\"effectiveDate\": \"" + stack.today() + "\"}");
        assertThat(inForce.status()).as(inForce.toString()).isEqualTo(200);
        assertThat(api.get(participationPath, admin).text("/status")).isEqualTo("ACTIVE");
        for (String employeeId : List.of(cook, coordinator)) {
            Reply enrolled = GatewayClient.await(() -> api.post("/api/insurance/organizations/" + ORGANIZATION
                            + "/enrolments", admin, """
                            {"employeeId": "%s", "classCode": "FULL_TIME", "birthDate": "1988-04-12",
                             "annualSalary": 46000, "dependants": [], "waivers": []}""".formatted(employeeId)),
                    reply -> reply.status() == 201, EVENTS);
            assertThat(enrolled.status()).as("insurance learns the roster: " + enrolled).isEqualTo(201);
            assertThat(enrolled.text("/status")).isEqualTo("ACTIVE");
            resources.add("/api/insurance/enrolments/" + employeeId);
        }
        resources.add("/api/insurance/organizations/" + ORGANIZATION + "/enrolments");
        Reply myEnrolment = api.get("/api/insurance/me/enrolment", employee);
        assertThat(myEnrolment.status()).as(myEnrolment.toString()).isEqualTo(200);

        // 4. A project led by the organization, with an indicator fed by training attestations: nothing yet.
        String periodPath = projectWithTrainingIndicator();
        assertThat(indicatorValue(periodPath)).isZero();

        // 5. The association's training: both registered at the member price, both attend, attestations and UEC.
        // Training prices from the standing it learned from membership's events. Insurance has already acted on
        // the activation and the roster (so they are published); once training has consumed everything published,
        // the price it gives is the one it means.
        stack.awaitCaughtUp("training-service", Topics.MEMBERSHIP, EVENTS);
        String course = course();
        String session = openSession(course, stack.today());
        List<String> registrations = new ArrayList<>();
        for (String employeeId : List.of(cook, coordinator)) {
            Reply registration = register(session, employeeId);
            assertThat(registration.json().get("memberPrice").asBoolean()).as(registration.toString()).isTrue();
            assertThat(registration.json().get("price").decimalValue()).isEqualByComparingTo("95.00");
            registrations.add(registration.text("/id"));
        }
        String attendance = registrations.stream()
                .map(id -> "{\"registrationId\": \"%s\", \"hours\": 12}".formatted(id))
                .reduce((a, b) -> a + ", " + b).orElseThrow();
        Reply attended = api.send("PUT", "/api/training/sessions/" + session + "/attendance", staff, null,
                "{\"entries\": [" + attendance + "]}");
        assertThat(attended.status()).as(attended.toString()).isEqualTo(200);
        Reply completed = api.post("/api/training/sessions/" + session + "/complete", staff, null);
        assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
        assertThat(completed.text("/status")).isEqualTo("COMPLETED");

        Reply cookRegistration = api.get("/api/training/sessions/" + session + "/registrations/"
                + registrations.get(0), admin);
        assertThat(cookRegistration.status()).as(cookRegistration.toString()).isEqualTo(200);
        assertThat(cookRegistration.json().at("/attestation/uec").decimalValue()).isEqualByComparingTo("1.2");
        String code = cookRegistration.text("/attestation/verificationCode");
        assertThat(code).isNotBlank();
        resources.add("/api/training/sessions/" + session + "/registrations/" + registrations.get(0));
        String ledgerPath = "/api/training/organizations/" + ORGANIZATION + "/ledger";
        Reply ledger = api.get(ledgerPath, admin);
        assertThat(ledger.status()).as(ledger.toString()).isEqualTo(200);
        assertThat(ledger.json().get("attestations").asInt()).isEqualTo(2);
        assertThat(ledger.json().get("totalUec").decimalValue()).isEqualByComparingTo("2.4");
        resources.add(ledgerPath);
        Reply myLedger = api.get("/api/training/me/ledger", employee);
        assertThat(myLedger.status()).as(myLedger.toString()).isEqualTo(200);
        assertThat(myLedger.json().get("totalUec").decimalValue()).isEqualByComparingTo("1.2");

        // 6. The project's platform-fed indicator counts the two attestations of the lead's employees.
        Reply moved = GatewayClient.await(() -> report(periodPath), reply -> value(reply) == 2.0, EVENTS);
        assertThat(value(moved)).as(moved.toString()).isEqualTo(2.0);

        // 7. The membership is not renewed: on the day its grace ends it lapses (the status rules job).
        LocalDate lapse = periodEnd.plusDays(network.get("graceDays").asInt() + 1L);
        stack.advanceTo(lapse);
        Reply lapsed = GatewayClient.await(() -> api.get(membershipPath, admin),
                reply -> "LAPSED".equals(reply.text("/status")), EVENTS);
        assertThat(lapsed.text("/status")).as(lapsed.toString()).isEqualTo("LAPSED");
        assertThat(lapsed.json().get("goodStanding").asBoolean()).isFalse();

        // 8. The insurance participation goes into grace, with a notice; coverage holds meanwhile.
        Reply inGrace = GatewayClient.await(() -> api.get(participationPath, admin),
                reply -> "IN_GRACE".equals(reply.text("/status")), EVENTS);
        assertThat(inGrace.text("/status")).as(inGrace.toString()).isEqualTo("IN_GRACE");
        LocalDate graceEnds = LocalDate.parse(inGrace.text("/graceEndsOn"));
        assertThat(graceEnds).as("the last day of grace").isEqualTo(lapse.plusDays(planGraceDays - 1L));
        assertThat(inGrace.json().get("notices").size()).isPositive();
        assertThat(api.get("/api/insurance/enrolments/" + cook, admin).text("/status")).isEqualTo("ACTIVE");

        // 9. The next training registration is at the non-member price (insurance's grace shows the lapse is
        // published; training is then waited for as above).
        stack.awaitCaughtUp("training-service", Topics.MEMBERSHIP, EVENTS);
        String laterSession = openSession(course, stack.today());
        Reply nonMember = register(laterSession, cook);
        assertThat(nonMember.json().get("memberPrice").asBoolean()).as(nonMember.toString()).isFalse();
        assertThat(nonMember.json().get("price").decimalValue()).isEqualByComparingTo("190.00");

        // 10. Grace passes without the membership being renewed: the participation and every enrolment end.
        stack.advanceTo(graceEnds.plusDays(1));
        Reply terminated = GatewayClient.await(() -> api.get(participationPath, admin),
                reply -> "TERMINATED".equals(reply.text("/status")), EVENTS);
        assertThat(terminated.text("/status")).as(terminated.toString()).isEqualTo("TERMINATED");
        assertThat(terminated.text("/terminatedOn")).isEqualTo(graceEnds.toString());
        for (String employeeId : List.of(cook, coordinator)) {
            Reply ended = GatewayClient.await(() -> api.get("/api/insurance/enrolments/" + employeeId, admin),
                    reply -> "TERMINATED".equals(reply.text("/status")), EVENTS);
            assertThat(ended.text("/status")).as(ended.toString()).isEqualTo("TERMINATED");
        }

        // 11. The administrator of two other organizations sees none of it.
        resources.add(ORG_PATH + "/employees");
        resources.add(ORG_PATH + "/employees/" + cook);
        for (String resource : resources) {
            Reply seen = api.get(resource, outsider);
            assertThat(seen.status()).as("outsider on " + resource + ": " + seen).isIn(403, 404);
        }
        // A person's ledger is refused to whoever neither is the person nor registered or trained them.
        Reply cookLedger = api.get("/api/training/people/" + cook + "/ledger", outsider);
        assertThat(cookLedger.status()).as(cookLedger.toString()).isIn(403, 404);
    }

    // --- steps ------------------------------------------------------------------------------------------------

    /** The association's network as membership has it; created with sensible rules on an empty stack. */
    private JsonNode associationNetwork() {
        Reply existing = api.get("/api/membership/networks/" + NETWORK, staff);
        if (existing.status() == 200) {
            return existing.json();
        }
        Reply created = api.post("/api/membership/networks", staff, """
                {"id": "%s", "name": "Association d’assurances collectives (AACOCQ)", "fiscalYearEnd": "03-31",
                 "renewalWindowDays": 30, "graceDays": 30,
                 "categories": [{"code": "MEMBRE_REGULIER", "nameFr": "Membre régulier", "nameEn": "Regular member",
                                 "votingRights": true, "annualFee": 150.00}]}
                """.formatted(NETWORK));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    /** The plan year in force (created on an empty stack); returns its grace days. */
    private int planYear(int year) {
        String path = "/api/insurance/plan-years/" + year;
        Reply existing = api.get(path, staff);
        if (existing.status() == 200) {
            return existing.json().get("graceDays").asInt();
        }
        Reply created = api.send("PUT", path, staff, null, """
                {"year": %d, "effectiveDate": "%d-01-01",
                 "coverages": [
                   {"code": "LTD", "basis": "PERCENT_OF_SALARY", "rate": 2.10, "maximumInsured": 75000, "waivable": false},
                   {"code": "DRUGS", "basis": "PER_INSURED_BY_TIER",
                    "tierRates": {"SINGLE": 68.50, "COUPLE": 137.00, "FAMILY": 171.25}, "waivable": true},
                   {"code": "DENTAL_BASIC", "basis": "PER_INSURED_BY_TIER",
                    "tierRates": {"SINGLE": 28.40, "COUPLE": 56.80, "FAMILY": 71.00}, "waivable": true}],
                 "classes": [{"code": "FULL_TIME", "name": "Temps plein", "waitingPeriodMonths": 3,
                              "minimumWeeklyHours": 28, "coverages": ["LTD", "DRUGS", "DENTAL_BASIC"]}],
                 "employerShareOptions": [50, 75, 100], "fullCredibilityLifeYears": 1500,
                 "maximumYearlyChange": 0.10, "targetLossRatio": 0.80, "experienceYears": 3,
                 "graceDays": 45, "lateApplicationDays": 31, "publicDrugPlanAnnualPremium": 752.00}
                """.formatted(year, year));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return created.json().get("graceDays").asInt();
    }

    private String addEmployee(String first, String last, String job, String hours, LocalDate hired, String userId) {
        Reply added = api.post(ORG_PATH + "/employees", admin, """
                {"firstName": "%s", "lastName": "%s", "workEmail": "%s@exemple.org", "jobTitle": "%s",
                 "employmentStatus": "FULL_TIME", "weeklyHours": %s, "hireDate": "%s"%s}
                """.formatted(first, last, first.toLowerCase(), job, hours, hired,
                userId == null ? "" : ", \"userId\": \"" + userId + "\""));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        return added.text("/id");
    }

    /** A project led by the organization, active, with a period around today and a platform-fed indicator. */
    private String projectWithTrainingIndicator() {
        Reply project = GatewayClient.await(() -> api.post("/api/projects/projects", staff, """
                        {"name": "Cuisines collectives et main-d’œuvre de proximité",
                         "targetedIssues": ["PENURIE_MAIN_OEUVRE"], "leadOrganizationId": "%s"}
                        """.formatted(ORGANIZATION)),
                reply -> reply.status() == 201, EVENTS);
        assertThat(project.status()).as("projects learns the organization: " + project).isEqualTo(201);
        String projectPath = "/api/projects/projects/" + project.text("/id");
        resources.add(projectPath);
        Reply indicator = api.post(projectPath + "/indicators", staff, """
                {"name": "Attestations de formation des personnes salariées", "kind": "QUANTITATIVE",
                 "source": "TRAINING_ATTESTATIONS_ISSUED", "target": {"value": 10, "unit": "ATTESTATIONS"}}""");
        assertThat(indicator.status()).as(indicator.toString()).isBetween(200, 201);
        Reply active = api.post(projectPath + "/activate", staff, null);
        assertThat(active.status()).as(active.toString()).isEqualTo(200);
        Reply period = api.post(projectPath + "/periods", admin, """
                {"label": "Période en cours", "startDate": "%s", "endDate": "%s"}
                """.formatted(stack.today().minusDays(30), stack.today().plusDays(60)));
        assertThat(period.status()).as(period.toString()).isEqualTo(201);
        String periodPath = projectPath + "/periods/" + period.text("/id");
        resources.add(periodPath + "/report");
        return periodPath;
    }

    private Reply report(String periodPath) {
        return api.get(periodPath + "/report", admin);
    }

    private double indicatorValue(String periodPath) {
        Reply report = report(periodPath);
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        return value(report);
    }

    private static double value(Reply report) {
        return report.status() == 200 ? report.json().at("/indicators/0/periodValue").asDouble() : -1;
    }

    private String course() {
        Reply course = api.post("/api/training/courses", staff, """
                {"networkId": "%s",
                 "title": {"fr": "Hygiène et salubrité en cuisine collective", "en": "Food safety in community kitchens"},
                 "description": {"fr": "Les bonnes pratiques de manipulation des aliments pour les équipes.",
                                 "en": "Good food handling practices for kitchen teams."},
                 "themes": ["SANTE_SECURITE"], "formats": ["GROUP_OF_ORGANIZATIONS"], "modes": ["IN_PERSON"],
                 "hours": 12}""".formatted(NETWORK));
        assertThat(course.status()).as(course.toString()).isEqualTo(201);
        return course.text("/id");
    }

    /** A one-day session on {@code day}, registrations open until that day. */
    private String openSession(String course, LocalDate day) {
        Reply session = api.post("/api/training/sessions", staff, """
                {"courseId": "%s", "startDate": "%s", "endDate": "%s", "hours": 12, "mode": "IN_PERSON",
                 "location": "Trois-Rivières", "seats": 12, "memberPrice": 95.00, "nonMemberPrice": 190.00,
                 "registrationDeadline": "%s"}""".formatted(course, day, day, day));
        assertThat(session.status()).as(session.toString()).isEqualTo(201);
        String id = session.text("/id");
        Reply opened = api.post("/api/training/sessions/" + id + "/open", staff, null);
        assertThat(opened.status()).as(opened.toString()).isEqualTo(200);
        return id;
    }

    private Reply register(String session, String employeeId) {
        Reply registration = api.post("/api/training/sessions/" + session + "/registrations", admin, """
                {"organizationId": "%s", "employeeId": "%s"}""".formatted(ORGANIZATION, employeeId));
        assertThat(registration.status()).as(registration.toString()).isEqualTo(201);
        assertThat(registration.text("/status")).isEqualTo("CONFIRMED");
        return registration;
    }

    private static String neq() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1_140_000_000L, 1_149_999_999L));
    }
}
