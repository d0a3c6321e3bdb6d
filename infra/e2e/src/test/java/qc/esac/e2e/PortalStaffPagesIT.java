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
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The network staff's pages of the web portal in a real browser (headless chromium), on the portal's own stack:
 * staff of the group-insurance association record a member's fee, read the AGM voter list and the network's
 * figures, schedule a session, open it, record attendance and complete it (the attestation's code appears), see the
 * plan year, put an employer's participation in force and issue the month's invoices, and list the dead letters of
 * every service; every new page is checked with axe-core, in French (one in English too), and one at a phone's
 * width. What only an organization's administrator does (registering the organization, applying, registering an
 * employee, joining the plan) goes through the API, as the administrator.
 *
 * <p>Shares {@link PortalBrowserIT}'s stack when it runs right after it (its order comes after it); on a stack of
 * its own it creates the network and the plan year that test would have created. Its organization (Maison des jeunes
 * l’Escale) is one that neither PortalBrowserIT nor PortalOrganizationPagesIT touches.
 */
@Order(Integer.MAX_VALUE - 1)
class PortalStaffPagesIT {

    /** Maison des jeunes l’Escale (DemoDirectory.ORG_MAISON_JEUNES_ESCALE), administered by admin-deux-organismes. */
    private static final String ORGANIZATION = "5e5ac000-0002-4000-8000-000000000003";
    private static final String ORGANIZATION_NAME = "Maison des jeunes l’Escale";
    private static final String NETWORK = "aacocq";
    private static final String ORG_PATH = "/api/membership/organizations/" + ORGANIZATION;
    private static final Duration EVENTS = Duration.ofSeconds(60);
    private static final Path SCREENSHOTS = Path.of("target/portal-screenshots");

    private static PortalBrowser browser;

    private final FullStack stack = FullStack.ownedBy(PortalBrowserIT.class);
    private final GatewayClient api = new GatewayClient(stack);
    private final String staff = stack.staffToken();
    private final String admin = stack.personToken("admin-deux-organismes");

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void networkStaffRunFeesVotersSessionsThePlanAndDeadLettersByClicking() {
        networkAndPlanYear();
        String membership = organizationAppliesAndIsApproved();
        String course = course();
        String employee = employee();
        browser = new PortalBrowser(stack.gateway("/"), SCREENSHOTS);
        browser.open("/");
        browser.signIn("personnel-aacocq", "esac-demo");

        // 1. The staff space: every staff page from one place.
        browser.go("/personnel");
        assertThat(browser.title()).isEqualTo("Espace du personnel");
        assertThat(browser.driver().findElement(By.tagName("main")).getText())
                .contains("Cotisations", "Liste des votants", "Séances", "Régime collectif", "Lettres mortes");
        accessible("personnel");

        // 2. Fees: the approved member owes its fee; staff record the payment, the membership becomes active.
        browser.go("/personnel/cotisations");
        assertThat(browser.title()).isEqualTo("Cotisations");
        WebElement fee = browser.visible(By.cssSelector("li.fee[data-membership='" + membership + "']"));
        assertThat(fee.getText()).contains(ORGANIZATION_NAME);
        assertThat(fee.findElement(By.cssSelector(".fee-outstanding")).getText()).contains("150,00");
        accessible("cotisations");
        browser.fill("reference-" + membership, "VIR-PERSONNEL-001");
        fee.findElement(By.cssSelector("button[type=submit]")).click();
        browser.until(d -> d.findElement(By.id("paiements")).getText().contains("VIR-PERSONNEL-001"));
        assertThat(browser.driver().findElement(By.id("paiements")).getText()).contains(ORGANIZATION_NAME, "Virement");
        assertThat(get("/api/membership/memberships/" + membership, staff).text("/status")).isEqualTo("ACTIVE");
        // The same page in English, and back.
        browser.driver().findElement(By.id("changer-langue")).click();
        browser.until(d -> "Fees".equals(browser.title()));
        browser.until(d -> d.findElement(By.id("paiements")).getText().contains("Transfer"));
        accessible("cotisations-en");
        browser.driver().findElement(By.id("changer-langue")).click();
        browser.until(d -> "Cotisations".equals(browser.title()));

        // 3. The AGM voter list (today): the member that just paid votes (its category gives the vote).
        browser.go("/personnel/votants");
        assertThat(browser.title()).isEqualTo("Liste des votants à l’assemblée générale");
        browser.until(d -> d.findElement(By.id("votants")).getText().contains(ORGANIZATION_NAME));
        accessible("votants");

        // 4. The network's figures for the current fiscal year, as membership counts them.
        browser.go("/personnel/chiffres");
        WebElement members = browser.visible(By.cssSelector(".figure-members"));
        int fiscalYear = stack.today().getMonthValue() > 3 ? stack.today().getYear() : stack.today().getYear() - 1;
        String counted = get("/api/membership/networks/" + NETWORK + "/figures?fiscalYear=" + fiscalYear, staff)
                .text("/members");
        assertThat(members.getText()).isEqualTo(counted);
        accessible("chiffres");

        // 5. A session scheduled, opened, attended and completed by clicking; the attestation's code appears.
        stack.awaitCaughtUp("training-service", Topics.MEMBERSHIP, EVENTS);
        browser.go("/personnel/seances");
        browser.visible(By.cssSelector("#planifier-seance ~ form"));
        browser.fill("courseId", course);
        browser.fill("hours", "6");
        browser.fill("location", "Victoriaville");
        browser.fill("memberPrice", "80");
        browser.fill("nonMemberPrice", "160");
        browser.driver().findElement(By.cssSelector("#planifier-seance ~ form button[type=submit]")).click();
        assertThat(browser.visible(By.cssSelector("#planifier-seance ~ form .notice")).getText()).contains("planifiée");
        String session = get("/api/training/sessions?networkId=" + NETWORK + "&courseId=" + course, staff)
                .text("/items/0/id");
        WebElement card = browser.visible(By.cssSelector("li.staff-session[data-session='" + session + "']"));
        assertThat(card.findElement(By.cssSelector(".session-status")).getText()).isEqualTo("Planifiée");
        accessible("seances");
        card.findElement(By.cssSelector("button[type=submit]")).click();
        browser.until(d -> d.findElement(By.cssSelector("li.staff-session[data-session='" + session
                + "'] .session-status")).getText().equals("Inscriptions ouvertes"));
        String registration = register(session, employee);

        browser.go("/personnel/seances/" + session);
        browser.until(d -> d.findElement(By.id("inscriptions-seance")).getText().contains("Léa Beaudry-Fictive"));
        browser.fill("heures-" + registration, "6");
        browser.driver().findElement(By.cssSelector("#presences ~ form button[type=submit]")).click();
        browser.until(d -> d.findElement(By.id("inscriptions-seance")).getText().contains("100"));
        accessible("seance-presences");
        browser.driver().findElement(By.cssSelector("#cloture ~ form button[type=submit]")).click();
        browser.until(d -> d.findElement(By.cssSelector(".session-status")).getText().equals("Donnée (close)"));
        String code = get("/api/training/sessions/" + session + "/registrations/" + registration, staff)
                .text("/attestation/verificationCode");
        assertThat(code).isNotBlank();
        browser.until(d -> d.findElement(By.id("inscriptions-seance")).getText().contains(code));

        // 6. PAMT: the programme's figures and standards (axe-checked).
        browser.go("/personnel/pamt");
        browser.visible(By.id("normes"));
        accessible("pamt");

        // 7. The group plan: the plan year in force; the employer's participation put in force by clicking; the
        // month's invoices issued by clicking.
        stack.awaitCaughtUp("insurance-service", Topics.MEMBERSHIP, EVENTS);
        applyToThePlan();
        browser.go("/personnel/assurance");
        int year = stack.today().getYear();
        WebElement planYear = browser.visible(By.cssSelector("li.plan-year[data-year='" + year + "']"));
        assertThat(planYear.findElement(By.cssSelector(".plan-year-state")).getText()).isEqualTo("en vigueur");
        By row = By.cssSelector("#participations tr[data-organization='" + ORGANIZATION + "']");
        assertThat(browser.visible(row).findElement(By.cssSelector(".participation-status")).getText())
                .isEqualTo("Demandée");
        browser.driver().findElement(row).findElement(By.cssSelector("button[type=submit]")).click();
        browser.until(d -> d.findElement(row).findElement(By.cssSelector(".participation-status")).getText()
                .equals("Active"));
        assertThat(get("/api/insurance/participations/" + ORGANIZATION, staff).text("/status")).isEqualTo("ACTIVE");
        enrol(employee);
        String period = YearMonth.from(stack.today()).toString();
        assertThat(browser.driver().findElement(By.name("period")).getAttribute("value")).isEqualTo(period);
        browser.driver().findElement(By.cssSelector("#emission-factures ~ form button[type=submit]")).click();
        assertThat(browser.visible(By.cssSelector("#emission-factures ~ form .notice")).getText())
                .contains("Factures de " + period);
        Reply invoice = get("/api/insurance/organizations/" + ORGANIZATION + "/invoices/" + period, admin);
        assertThat(invoice.status()).as(invoice.toString()).isEqualTo(200);
        accessible("regime-collectif");

        // 8. The programme report belongs to the programme's network: its refusal, from the API's problem, in French.
        browser.go("/personnel/programme");
        WebElement refused = browser.visible(By.cssSelector("main .problem"));
        assertThat(refused.getAttribute("role")).isEqualTo("alert");
        assertThat(refused.getAttribute("data-status")).isEqualTo("403");
        assertThat(refused.findElement(By.cssSelector(".problem-title")).getText())
                .isEqualTo(get("/api/projects/programme/report?format=json", stack.personToken("personnel-aacocq"), "fr")
                        .text("/title"));
        accessible("programme-refuse");

        // 9. Dead letters of every service, with the total the services give.
        browser.go("/personnel/lettres-mortes");
        WebElement topics = browser.visible(By.id("sujets-lettres-mortes"));
        int total = 0;
        for (String service : List.of("membership", "training", "insurance", "projects")) {
            for (var topic : get("/api/" + service + "/ops/dead-letters", staff).json()) {
                total += topic.get("records").asInt();
            }
        }
        assertThat(topics.findElement(By.tagName("caption")).getText()).startsWith(total + " lettre");
        assertThat(topics.getText()).contains("Formation", ".DLT");
        accessible("lettres-mortes");

        // 10. At a phone's width the staff pages fit the screen.
        browser.resize(PortalBrowser.PHONE);
        browser.open("/personnel/cotisations");
        browser.visible(By.id("paiements"));
        assertThat(browser.fitsWidth()).as("no sideways scrolling at a phone's width").isTrue();
        accessible("cotisations-telephone");
        browser.resize(PortalBrowser.DESKTOP);
        browser.signOut();
    }

    /** axe-core finds no WCAG 2.1 A/AA violation on the page; its screenshot is kept. */
    private void accessible(String page) {
        browser.screenshot(page);
        assertThat(browser.accessibilityViolations()).as("axe-core on " + page).isEmpty();
    }

    // --- what the administrator does, and the network's set-up, through the API ---------------------------------

    private Reply get(String path, String token) {
        return patient(() -> api.get(path, token));
    }

    private Reply get(String path, String token, String language) {
        return patient(() -> {
            java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(stack.gateway(path))
                    .header("Authorization", "Bearer " + token).header("Accept-Language", language).GET().build();
            try {
                var response = java.net.http.HttpClient.newHttpClient()
                        .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
                return new Reply(response.statusCode(), response.body(), null,
                        response.headers().firstValue("Content-Type").orElse(null));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
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

    /** The association's network and this year's plan, unless PortalBrowserIT created them on this stack already. */
    private void networkAndPlanYear() {
        if (get("/api/membership/networks/" + NETWORK, staff).status() == 404) {
            Reply network = post("/api/membership/networks", staff, """
                    {"id": "%s", "name": "Association d’assurances collectives (AACOCQ)", "fiscalYearEnd": "03-31",
                     "renewalWindowDays": 30, "graceDays": 30,
                     "categories": [{"code": "MEMBRE_REGULIER", "nameFr": "Membre régulier", "nameEn": "Regular member",
                                     "votingRights": true, "annualFee": 150.00}]}
                    """.formatted(NETWORK));
            assertThat(network.status()).as(network.toString()).isEqualTo(201);
        }
        int year = stack.today().getYear();
        if (get("/api/insurance/plan-years/" + year, staff).status() == 404) {
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
    }

    /** The administrator registers the cooperative and applies; staff approve (the applications page is tested elsewhere). */
    private String organizationAppliesAndIsApproved() {
        String neq = Long.toString(ThreadLocalRandom.current().nextLong(1_160_000_000L, 1_169_999_999L));
        Reply registered = send("PUT", ORG_PATH, admin, null, """
                {"legalName": "%s", "neq": "%s", "legalForm": "OBNL",
                 "regionCode": "17", "sectorCodes": [], "preferredLanguage": "fr"}
                """.formatted(ORGANIZATION_NAME, neq));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        Reply applied = post("/api/membership/memberships", admin, """
                {"organizationId": "%s", "networkId": "%s", "category": "MEMBRE_REGULIER"}
                """.formatted(ORGANIZATION, NETWORK));
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        String id = applied.text("/id");
        Reply approved = send("POST", "/api/membership/memberships/" + id + "/approval", staff,
                get("/api/membership/memberships/" + id, staff).etag(), "{}");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        return id;
    }

    private String course() {
        Reply course = post("/api/training/courses", staff, """
                {"networkId": "%s",
                 "title": {"fr": "Gestion des dossiers d’assurance collective %s", "en": "Managing group insurance files %s"},
                 "description": {"fr": "Tenir à jour les adhésions et les changements.",
                                 "en": "Keeping enrolments and changes up to date."},
                 "themes": ["GESTION"], "formats": ["GROUP_OF_ORGANIZATIONS"], "modes": ["IN_PERSON"],
                 "hours": 6}""".formatted(NETWORK, ThreadLocalRandom.current().nextInt(1000, 9999),
                ThreadLocalRandom.current().nextInt(1000, 9999)));
        assertThat(course.status()).as(course.toString()).isEqualTo(201);
        return course.text("/id");
    }

    private String employee() {
        Reply added = post(ORG_PATH + "/employees", admin, """
                {"firstName": "Léa", "lastName": "Beaudry-Fictive", "workEmail": "lea@exemple.org",
                 "jobTitle": "Coordonnatrice", "employmentStatus": "FULL_TIME", "weeklyHours": 35,
                 "hireDate": "%s"}""".formatted(stack.today().minusYears(2)));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        return added.text("/id");
    }

    private String register(String session, String employee) {
        Reply registered = post("/api/training/sessions/" + session + "/registrations", admin, """
                {"organizationId": "%s", "employeeId": "%s"}""".formatted(ORGANIZATION, employee));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        assertThat(registered.text("/status")).isEqualTo("CONFIRMED");
        return registered.text("/id");
    }

    private void applyToThePlan() {
        Reply applied = post("/api/insurance/participations/" + ORGANIZATION, admin, """
                {"coverages": ["LTD", "DRUGS"], "classCodes": ["FULL_TIME"], "employerSharePercent": 50}""");
        assertThat(applied.status()).as(applied.toString()).isIn(200, 201);
    }

    private void enrol(String employee) {
        Reply enrolled = post("/api/insurance/organizations/" + ORGANIZATION + "/enrolments", admin, """
                {"employeeId": "%s", "classCode": "FULL_TIME", "birthDate": "1990-02-14", "annualSalary": 42000,
                 "dependants": [], "waivers": []}""".formatted(employee));
        assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
    }
}
