package qc.esac.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import qc.esac.e2e.GatewayClient.Reply;
import qc.esac.events.Topics;

import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web portal in a real browser (headless chromium) against the whole local stack, through the gateway that
 * serves it: French by default with an English switch, sign-in at the real issuer through the gateway's
 * backend-for-frontend (tokens never reach the browser), every main page checked with axe-core (WCAG 2.1 AA), and
 * the journeys of issue 18 done by clicking: network staff approve an application; an organization's administrator
 * sees its membership, adds an employee to the roster, registers them at the member price, sees the attestation
 * once the session is completed, joins the group plan and enrols the employee, and reads the invoice; an error is
 * shown from the API's problem details in French. Steps that have no portal page yet (fees, attendance, putting a
 * participation in force, issuing invoices) are done by staff through the API. Screenshots land in
 * {@code target/portal-screenshots}.
 *
 * <p>On a stack of its own (fixed demo organization, empty stores), after the classes on the shared stack and
 * before the lifecycle journey, which moves time.
 */
@Order(Integer.MAX_VALUE - 3)
class PortalBrowserIT {

    /** Cuisine collective du Vieux-Moulin (DemoDirectory.ORG_CUISINE_VIEUX_MOULIN). */
    private static final String ORGANIZATION = "5e5ac000-0002-4000-8000-000000000001";
    private static final String NETWORK = "aacocq";
    private static final String ORG_PATH = "/api/membership/organizations/" + ORGANIZATION;
    private static final Duration EVENTS = Duration.ofSeconds(60);
    private static final Path SCREENSHOTS = Path.of("target/portal-screenshots");

    private static PortalBrowser browser;

    private final FullStack stack = FullStack.ownedBy(PortalBrowserIT.class);
    private final GatewayClient api = new GatewayClient(stack);
    private final String staff = stack.staffToken();
    private final String admin = stack.personToken("admin-vieux-moulin");

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theNetworkAndAnOrganizationUseThePortalInFrenchInARealBrowser() {
        networkWithAPlanYear();
        String membership = organizationApplies();
        String session = openSession(course());
        browser = new PortalBrowser(stack.gateway("/"), SCREENSHOTS);

        // 1. Anyone: the home page, in French, accessible; English on request, and back.
        browser.open("/");
        assertThat(browser.title()).isEqualTo("Bienvenue");
        assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
        accessible("accueil");
        browser.driver().findElement(By.id("changer-langue")).click();
        browser.until(d -> "Welcome".equals(browser.title()));
        assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(browser.driver().findElement(By.id("se-connecter")).getText()).isEqualTo("Sign in");
        browser.driver().findElement(By.id("changer-langue")).click();
        browser.until(d -> "Bienvenue".equals(browser.title()));

        // 2. An error from the API, shown from its problem details in the chosen language.
        anErrorIsShownInFrenchThenInEnglish();

        // 3. Network staff sign in and approve the application; then sign out (the issuer's session ends too).
        browser.signIn("personnel-aacocq", "esac-demo");
        browser.go("/personnel/demandes");
        assertThat(browser.title()).isEqualTo("Demandes d’adhésion à traiter");
        WebElement application = browser.visible(By.cssSelector("li.application[data-membership='" + membership + "']"));
        assertThat(application.getText()).contains("Cuisine collective du Vieux-Moulin");
        accessible("demandes-adhesion");
        application.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement approved = browser.visible(By.cssSelector("li.application[data-membership='" + membership
                + "'] .notice"));
        assertThat(approved.getText()).contains("approuvée");
        assertThat(get("/api/membership/memberships/" + membership, staff).text("/status")).isEqualTo("APPROVED");
        browser.signOut();
        payTheFee(membership);

        // 4. The organization's administrator signs in and sees the membership in good standing.
        browser.signIn("admin-vieux-moulin", "esac-demo");
        browser.go("/organisations");
        assertThat(browser.title()).isEqualTo("Mes organisations");
        browser.until(d -> d.findElement(By.tagName("main")).getText().contains("Active"));
        accessible("organisations");

        // 5. The roster: an employee added through the form.
        browser.go("/organisations/" + ORGANIZATION + "/effectif");
        assertThat(browser.title()).isEqualTo("Effectif");
        browser.fill("firstName", "Rosalie");
        browser.fill("lastName", "Lamarre-Fictive");
        browser.fill("workEmail", "rosalie@exemple.org");
        browser.fill("jobTitle", "Cuisinière");
        browser.fill("hireDate", stack.today().minusYears(2).toString());
        browser.driver().findElement(By.cssSelector("#ajout-employe ~ form button[type=submit]")).click();
        assertThat(browser.visible(By.cssSelector("#ajout-employe ~ form .notice")).getText())
                .contains("Rosalie Lamarre-Fictive");
        browser.until(d -> d.findElement(By.id("effectif")).getText().contains("Rosalie Lamarre-Fictive"));
        accessible("effectif");
        String employee = get(ORG_PATH + "/employees", admin).text("/items/0/id");

        // 6. Registration at the member price, shown before and confirmed after.
        stack.awaitCaughtUp("training-service", Topics.MEMBERSHIP, EVENTS);
        browser.go("/organisations/" + ORGANIZATION + "/inscriptions");
        WebElement card = browser.visible(By.cssSelector("li.session[data-session='" + session + "']"));
        assertThat(card.findElement(By.cssSelector(".your-price")).getText()).contains("95,00");
        accessible("inscriptions");
        browser.fill("employe-" + session, employee);
        card.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement registered = browser.visible(By.cssSelector("li.session[data-session='" + session + "'] .notice"));
        assertThat(registered.getText()).contains("Rosalie Lamarre-Fictive", "95,00", "prix membre");

        // 7. Staff record attendance and complete the session; the attestation appears with its verification code.
        String code = completeSession(session);
        browser.go("/organisations/" + ORGANIZATION + "/attestations");
        browser.until(d -> d.findElement(By.tagName("main")).getText().contains("Rosalie Lamarre-Fictive"));
        accessible("attestations");
        browser.go("/organisations/" + ORGANIZATION + "/attestations/" + employee);
        WebElement codeLink = browser.visible(By.cssSelector("table.attestations a.code"));
        assertThat(codeLink.getText()).isEqualTo(code);

        // 8. The group plan: the organization applies, staff put it in force, the administrator enrols the employee.
        stack.awaitCaughtUp("insurance-service", Topics.MEMBERSHIP, EVENTS);
        browser.go("/organisations/" + ORGANIZATION + "/assurance");
        browser.visible(By.cssSelector("#participation ~ form button[type=submit]")).click();
        browser.until(d -> !d.findElements(By.cssSelector(".participation-status")).isEmpty());
        assertThat(browser.driver().findElement(By.cssSelector(".participation-status")).getText())
                .isEqualTo("Demandée");
        activateParticipation();
        browser.open("/organisations/" + ORGANIZATION + "/assurance");
        browser.fill("employeeId", employee);
        browser.fill("birthDate", "1988-04-12");
        browser.fill("annualSalary", "46000");
        browser.driver().findElement(By.cssSelector("#adhesion-regime ~ form button[type=submit]")).click();
        browser.until(d -> d.findElement(By.id("adhesions")).getText().contains("Rosalie Lamarre-Fictive"));
        assertThat(browser.driver().findElement(By.id("adhesions")).getText()).contains("Active");

        // 9. The month's invoice (issued by staff), listed and opened.
        String period = YearMonth.from(stack.today()).toString();
        Reply issued = post("/api/insurance/invoices/issue?period=" + period, staff, null);
        assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
        browser.open("/organisations/" + ORGANIZATION + "/assurance");
        browser.visible(By.id("liste-factures"));
        accessible("assurance");
        browser.driver().findElement(By.cssSelector("#liste-factures a")).click();
        browser.until(d -> ("Facture " + period).equals(browser.title()));
        Reply invoice = get("/api/insurance/organizations/" + ORGANIZATION + "/invoices/" + period, admin);
        String total = invoice.json().get("total").decimalValue().setScale(2).toPlainString().replace('.', ',');
        assertThat(browser.visible(By.cssSelector(".invoice-total")).getText()).contains(total);
        accessible("facture");

        // 10. At a phone's width the pages fit the screen (tables scroll inside their own box).
        browser.resize(PortalBrowser.PHONE);
        browser.open("/organisations/" + ORGANIZATION + "/effectif");
        assertThat(browser.fitsWidth()).as("no sideways scrolling at a phone's width").isTrue();
        accessible("effectif-telephone");
        browser.resize(PortalBrowser.DESKTOP);
        browser.signOut();
    }

    /** The verification of an unknown code: the API's 404 problem, French first, English after the switch. */
    private void anErrorIsShownInFrenchThenInEnglish() {
        String unknown = "INCONNU-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        String frenchTitle = problemTitle(unknown, "fr");
        String englishTitle = problemTitle(unknown, "en");
        assertThat(frenchTitle).isNotEqualTo(englishTitle);
        browser.go("/verification");
        browser.fill("code", unknown);
        browser.driver().findElement(By.cssSelector("main form button[type=submit]")).click();
        WebElement problem = browser.visible(By.cssSelector("main .problem"));
        assertThat(problem.getAttribute("role")).isEqualTo("alert");
        assertThat(problem.findElement(By.cssSelector(".problem-title")).getText()).isEqualTo(frenchTitle);
        accessible("erreur-verification");
        browser.driver().findElement(By.id("changer-langue")).click();
        browser.until(d -> "Verify an attestation".equals(browser.title()));
        browser.driver().findElement(By.cssSelector("main form button[type=submit]")).click();
        browser.until(d -> d.findElement(By.cssSelector("main .problem .problem-title")).getText().equals(englishTitle));
        browser.driver().findElement(By.id("changer-langue")).click();
        browser.until(d -> "Vérifier une attestation".equals(browser.title()));
    }

    private String problemTitle(String code, String language) {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        stack.gateway("/api/training/verifications/" + code))
                .header("Accept-Language", language).GET().build();
        try {
            java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
                    .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
            return tools.jackson.databind.json.JsonMapper.builder().build().readTree(response.body()).get("title")
                    .asString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** axe-core finds no WCAG 2.1 A/AA violation on the page; its screenshot is kept. */
    private void accessible(String page) {
        browser.screenshot(page);
        assertThat(browser.accessibilityViolations()).as("axe-core on " + page).isEmpty();
    }

    // --- what staff do through the API --------------------------------------------------------------------------

    // Calls through the gateway, asked again while a service does not answer in time (the stack's services warm up
    // on a busy machine); any other answer is returned as it is.

    private Reply get(String path, String token) {
        return patient(() -> api.get(path, token));
    }

    private Reply post(String path, String token, String body) {
        return patient(() -> api.post(path, token, body));
    }

    private Reply send(String method, String path, String token, String ifMatch, String body) {
        return patient(() -> api.send(method, path, token, ifMatch, body));
    }

    private static Reply patient(java.util.function.Supplier<Reply> call) {
        return GatewayClient.await(call, reply -> reply.status() < 502 || reply.status() > 504, EVENTS);
    }

    private void networkWithAPlanYear() {
        Reply network = post("/api/membership/networks", staff, """
                {"id": "%s", "name": "Association d’assurances collectives (AACOCQ)", "fiscalYearEnd": "03-31",
                 "renewalWindowDays": 30, "graceDays": 30,
                 "categories": [{"code": "MEMBRE_REGULIER", "nameFr": "Membre régulier", "nameEn": "Regular member",
                                 "votingRights": true, "annualFee": 150.00}]}
                """.formatted(NETWORK));
        assertThat(network.status()).as(network.toString()).isEqualTo(201);
        int year = stack.today().getYear();
        Reply plan = send("PUT", "/api/insurance/plan-years/" + year, staff, null, """
                {"year": %d, "effectiveDate": "%d-01-01",
                 "coverages": [
                   {"code": "LTD", "basis": "PERCENT_OF_SALARY", "rate": 2.10, "maximumInsured": 75000, "waivable": false},
                   {"code": "DRUGS", "basis": "PER_INSURED_BY_TIER",
                    "tierRates": {"SINGLE": 68.50, "COUPLE": 137.00, "FAMILY": 171.25}, "waivable": true}],
                 "classes": [{"code": "FULL_TIME", "name": "Temps plein", "waitingPeriodMonths": 3,
                              "minimumWeeklyHours": 28, "coverages": ["LTD", "DRUGS"]}],
                 "employerShareOptions": [50, 75, 100], "fullCredibilityLifeYears": 1500,
                 "maximumYearlyChange": 0.10, "targetLossRatio": 0.80, "experienceYears": 3,
                 "graceDays": 45, "lateApplicationDays": 31, "publicDrugPlanAnnualPremium": 752.00}
                """.formatted(year, year));
        assertThat(plan.status()).as(plan.toString()).isEqualTo(200);
    }

    /** The administrator registers the organization and applies to the network; returns the membership id. */
    private String organizationApplies() {
        String neq = Long.toString(ThreadLocalRandom.current().nextLong(1_140_000_000L, 1_149_999_999L));
        Reply registered = send("PUT", ORG_PATH, admin, null, """
                {"legalName": "Cuisine collective du Vieux-Moulin", "neq": "%s", "legalForm": "OBNL",
                 "regionCode": "04", "sectorCodes": [], "preferredLanguage": "fr"}
                """.formatted(neq));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        Reply applied = post("/api/membership/memberships", admin, """
                {"organizationId": "%s", "networkId": "%s", "category": "MEMBRE_REGULIER"}
                """.formatted(ORGANIZATION, NETWORK));
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        return applied.text("/id");
    }

    private void payTheFee(String membership) {
        String path = "/api/membership/memberships/" + membership;
        Reply paid = send("POST", path + "/fees", staff, get(path, staff).etag(), """
                {"amount": 150.00, "paidOn": "%s", "method": "TRANSFER", "reference": "VIR-PORTAIL-001"}
                """.formatted(stack.today()));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
        assertThat(paid.text("/status")).isEqualTo("ACTIVE");
    }

    private String course() {
        Reply course = post("/api/training/courses", staff, """
                {"networkId": "%s",
                 "title": {"fr": "Hygiène et salubrité en cuisine collective", "en": "Food safety in community kitchens"},
                 "description": {"fr": "Les bonnes pratiques de manipulation des aliments.",
                                 "en": "Good food handling practices."},
                 "themes": ["SANTE_SECURITE"], "formats": ["GROUP_OF_ORGANIZATIONS"], "modes": ["IN_PERSON"],
                 "hours": 12}""".formatted(NETWORK));
        assertThat(course.status()).as(course.toString()).isEqualTo(201);
        return course.text("/id");
    }

    private String openSession(String course) {
        Reply session = post("/api/training/sessions", staff, """
                {"courseId": "%s", "startDate": "%s", "endDate": "%s", "hours": 12, "mode": "IN_PERSON",
                 "location": "Trois-Rivières", "seats": 12, "memberPrice": 95.00, "nonMemberPrice": 190.00,
                 "registrationDeadline": "%s"}""".formatted(course, stack.today(), stack.today(), stack.today()));
        assertThat(session.status()).as(session.toString()).isEqualTo(201);
        String id = session.text("/id");
        Reply opened = post("/api/training/sessions/" + id + "/open", staff, null);
        assertThat(opened.status()).as(opened.toString()).isEqualTo(200);
        return id;
    }

    /** Attendance for every registration, then completion; returns the first attestation's verification code. */
    private String completeSession(String session) {
        Reply registrations = get("/api/training/sessions/" + session + "/registrations", staff);
        String registration = registrations.text("/items/0/id");
        Reply attended = send("PUT", "/api/training/sessions/" + session + "/attendance", staff, null,
                "{\"entries\": [{\"registrationId\": \"" + registration + "\", \"hours\": 12}]}");
        assertThat(attended.status()).as(attended.toString()).isEqualTo(200);
        Reply completed = post("/api/training/sessions/" + session + "/complete", staff, null);
        assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
        return get("/api/training/sessions/" + session + "/registrations/" + registration, admin)
                .text("/attestation/verificationCode");
    }

    private void activateParticipation() {
        String path = "/api/insurance/participations/" + ORGANIZATION;
        Reply active = send("POST", path + "/activation", staff, get(path, staff).etag(),
                "{\"effectiveDate\": \"" + stack.today() + "\"}");
        assertThat(active.status()).as(active.toString()).isEqualTo(200);
    }
}
