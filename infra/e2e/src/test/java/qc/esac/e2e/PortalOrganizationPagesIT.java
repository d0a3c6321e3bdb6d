package qc.esac.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import qc.esac.e2e.GatewayClient.Reply;
import qc.esac.testkit.oidc.BrowserLogin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal's pages for organization administrators, employees and anyone added after the first journeys, in a
 * real browser (headless chromium) through the gateway: anyone assesses their group-insurance needs without an
 * account; an administrator imports the roster from a CSV file and reads the per-line report (a bad line refused
 * with its problems), invites a roster employee, records a project indicator's value for a reporting period,
 * saves the organization's needs assessment, and cancels a registration, which moves the person on the waitlist
 * up; the invited person signs up at the issuer, signs in, accepts the
 * code (a wrong code first: the API's problem in French) and corrects their name on the roster. Every new page is
 * checked with axe-core (WCAG 2.1 AA); screenshots land in {@code target/portal-screenshots}.
 *
 * <p>On the portal's own stack ({@link FullStack#ownedBy} with {@link PortalBrowserIT}: no second stack), with an
 * organization and network data of its own, so that it runs before or after {@link PortalBrowserIT} alike: it
 * only creates a plan year (the previous year's) when none is in force yet, which the other class's year then
 * follows.
 */
@Order(Integer.MAX_VALUE - 2)
class PortalOrganizationPagesIT {

    /** Coopérative Bois-Franc (DemoDirectory.ORG_COOP_BOIS_FRANC), administered by admin-deux-organismes. */
    private static final String ORGANIZATION = "5e5ac000-0002-4000-8000-000000000002";
    private static final String ORG_PATH = "/api/membership/organizations/" + ORGANIZATION;
    private static final String ORG_ROUTE = "/organisations/" + ORGANIZATION;
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
    void administratorsEmployeesAndAnyoneUseTheNewPagesInARealBrowser() {
        planYearInForce();
        organizationRegistered();
        String[] projectAndIndicator = projectWithAnOpenPeriod();
        browser = new PortalBrowser(stack.gateway("/"), SCREENSHOTS);

        // 1. Anyone: the anonymous needs assessment (nothing stored), in French.
        browser.open("/evaluation-besoins");
        assertThat(browser.title()).isEqualTo("Évaluer les besoins de votre organisation en assurance collective");
        fillAssessment();
        browser.driver().findElement(By.cssSelector("main form button[type=submit]")).click();
        WebElement result = browser.visible(By.id("resultat"));
        assertThat(result.getText()).contains("Garanties recommandées", "Médicaments");
        scrollTo(result);
        accessible("besoins-anonyme");

        // 2. The administrator imports the roster: two good lines, one bad line refused with its problems.
        browser.signIn("admin-deux-organismes", "esac-demo");
        browser.go(ORG_ROUTE + "/import");
        assertThat(browser.title()).isEqualTo("Importer l’effectif (CSV)");
        browser.fill("csv", """
                prenom;nom;courriel;poste;statut;heures;date_embauche
                Mathis;Exemple-Fictif;mathis@exemple.org;Cuisinier;temps plein;35;2024-09-03
                Inès;Exemple-Erronée;pas-un-courriel;Aide;temps partiel;beaucoup;2024-13-45
                Chloé;Exemple-Attente;chloe@exemple.org;Aide-cuisinière;temps partiel;24;2025-02-10
                """);
        browser.driver().findElement(By.id("essai-import")).click();
        assertThat(browser.driver().findElement(By.id("essai-import")).isSelected()).isFalse();
        browser.driver().findElement(By.cssSelector("#envoi-import ~ form button[type=submit]")).click();
        WebElement bad = browser.visible(By.cssSelector("#lignes-import tr[data-line='3']"));
        assertThat(bad.getText()).contains("Refusée");
        assertThat(browser.driver().findElement(By.cssSelector("#lignes-import tr[data-line='2']")).getText())
                .contains("Importée");
        assertThat(browser.driver().findElement(By.cssSelector(".import-counts")).getText())
                .contains("2 importée(s)", "1 refusée(s)");
        scrollTo(browser.driver().findElement(By.id("rapport")));
        accessible("import-effectif");
        browser.driver().findElement(By.id("changer-langue")).click();
        browser.until(d -> "Import the roster (CSV)".equals(browser.title()));
        assertThat(browser.driver().findElement(By.cssSelector("#lignes-import tr[data-line='3']")).getText())
                .contains("Refused");
        browser.driver().findElement(By.id("changer-langue")).click();
        browser.until(d -> "Importer l’effectif (CSV)".equals(browser.title()));
        browser.resize(PortalBrowser.PHONE);
        assertThat(browser.fitsWidth()).as("the import report fits a phone's width").isTrue();
        browser.screenshot("import-effectif-telephone");
        browser.resize(PortalBrowser.DESKTOP);
        String employee = employeeNamed("Exemple-Fictif");
        String waiting = employeeNamed("Exemple-Attente");

        // 3. The administrator invites the imported employee; the code is shown once.
        String email = "mathis-" + UUID.randomUUID().toString().substring(0, 8) + "@bois-franc.example";
        browser.go(ORG_ROUTE + "/acces");
        assertThat(browser.title()).isEqualTo("Accès et invitations");
        browser.fill("role", "EMPLOYEE");
        browser.until(d -> !d.findElements(By.name("employeeId")).isEmpty());
        browser.fill("employeeId", employee);
        browser.fill("email", email);
        browser.driver().findElement(By.cssSelector("#inviter ~ form button[type=submit]")).click();
        String code = browser.visible(By.id("code-invitation")).getText();
        assertThat(code).isNotBlank();
        browser.until(d -> d.findElement(By.id("acces")).getText().contains(email));
        assertThat(browser.driver().findElement(By.id("acces")).getText()).contains("Invitée");
        accessible("acces-invitations");

        // 4. A project the organization leads: a value recorded for the open period, the reports linked.
        browser.go(ORG_ROUTE + "/projets");
        browser.visible(By.cssSelector("li[data-project='" + projectAndIndicator[0] + "'] h2 a")).click();
        browser.until(d -> "Cuisines solidaires du Centre-du-Québec".equals(browser.title()));
        browser.waitForPage();
        String valueField = "valeur-" + projectAndIndicator[1];
        browser.visible(By.name(valueField));
        browser.fill(valueField, "12");
        browser.driver().findElement(By.xpath("//input[@name='" + valueField + "']/ancestor::form//button[@type='submit']"))
                .click();
        browser.until(d -> d.findElement(By.cssSelector("li.period .our-value")).getText().equals("12"));
        assertThat(browser.driver().findElement(By.cssSelector("li.period")).getText())
                .contains("Rapport de la période (page Web)");
        scrollTo(browser.driver().findElement(By.id("periodes")));
        accessible("projet");

        // 5. The organization’s needs assessment, saved.
        browser.go(ORG_ROUTE + "/besoins");
        assertThat(browser.title()).isEqualTo("Besoins en assurance collective");
        fillAssessment();
        browser.driver().findElement(By.cssSelector("#nouvelle-evaluation ~ form button[type=submit]")).click();
        browser.visible(By.id("resultat"));
        browser.until(d -> !d.findElements(By.cssSelector("#evaluations li")).isEmpty());
        accessible("besoins-organisation");
        // 6. Registrations: one seat, one person confirmed, one on the waitlist; the cancellation moves her up.
        String session = sessionWithOneSeat();
        String confirmed = register(session, employee, "CONFIRMED");
        String waitlisted = register(session, waiting, "WAITLISTED");
        browser.go(ORG_ROUTE + "/suivi-inscriptions");
        assertThat(browser.title()).isEqualTo("Inscriptions et liste d’attente");
        WebElement onTheWaitlist = browser.visible(By.cssSelector("tr[data-registration='" + waitlisted + "']"));
        assertThat(onTheWaitlist.getText()).contains("Chloé Exemple-Attente", "Liste d’attente · rang 1");
        accessible("inscriptions-suivi");
        browser.driver().findElement(By.cssSelector("tr[data-registration='" + confirmed + "'] button")).click();
        assertThat(browser.visible(By.cssSelector("main > section > .notice")).getText())
                .contains("L’inscription de Mathis Exemple-Fictif est annulée.");
        browser.until(d -> d.findElement(By.cssSelector("tr[data-registration='" + waitlisted + "'] .registration-status"))
                .getText().equals("Confirmée · sortie de la liste d’attente"));
        assertThat(browser.driver().findElement(By.cssSelector("tr[data-registration='" + confirmed + "']")).getText())
                .contains("Annulée");
        browser.signOut();

        // 7. The invited person signs up, signs in, tries a wrong code (the API's problem, in French), then theirs.
        String password = "mot-de-passe-" + UUID.randomUUID();
        signUp(email, "Mathis Exemple-Fictif", password);
        browser.signIn(email, password);
        browser.go("/invitation");
        assertThat(browser.title()).isEqualTo("Accepter une invitation");
        browser.fill("code", "CODE-INCONNU-" + ThreadLocalRandom.current().nextInt(100_000, 999_999));
        browser.driver().findElement(By.cssSelector("main form button[type=submit]")).click();
        WebElement problem = browser.visible(By.cssSelector("main form .problem"));
        assertThat(problem.getAttribute("role")).isEqualTo("alert");
        assertThat(problem.getText()).contains("Invitation introuvable");
        browser.fill("code", code);
        browser.driver().findElement(By.cssSelector("main form button[type=submit]")).click();
        assertThat(browser.visible(By.cssSelector("main form .notice")).getText()).contains("Personne salariée");
        browser.until(d -> d.findElement(By.id("liste-mes-acces")).getText().contains("Actif"));
        accessible("invitation-acceptee");

        // 8. The employee corrects their name on the roster entry the grant linked to their account.
        String person = new BrowserLogin(URI.create(stack.issuer())).login(email, password).accessToken();
        Reply linked = GatewayClient.await(() -> api.get("/api/membership/employees/me", person),
                r -> r.status() == 200 && r.body().contains(employee), EVENTS);
        assertThat(linked.status()).as(linked.toString()).isEqualTo(200);
        browser.driver().findElement(By.id("suite-invitation")).click();
        browser.until(d -> "Mes données personnelles".equals(browser.title()));
        browser.waitForPage();
        browser.visible(By.name("nom-" + employee));
        browser.fill("nom-" + employee, "Exemple-Corrigé");
        browser.driver().findElement(By.cssSelector("section[data-employee='" + employee + "'] button[type=submit]"))
                .click();
        assertThat(browser.visible(By.cssSelector("section[data-employee='" + employee + "'] .notice")).getText())
                .contains("Mathis Exemple-Corrigé");
        assertThat(api.get(ORG_PATH + "/employees/" + employee, admin).text("/lastName")).isEqualTo("Exemple-Corrigé");
        accessible("mes-donnees");
        browser.signOut();
    }

    private void fillAssessment() {
        browser.visible(By.name("effectif-FULL_TIME"));
        browser.fill("effectif-FULL_TIME", "8");
        browser.fill("annualPayroll", "380000");
        browser.fill("budgetPercent", "5");
        browser.driver().findElement(By.id("priorite-DRUGS")).click();
        browser.driver().findElement(By.id("priorite-LTD")).click();
    }

    /** Brings what the step is about to the top of the window, for its screenshot. */
    private static void scrollTo(WebElement element) {
        browser.driver().executeScript("arguments[0].scrollIntoView({block: 'start'});", element);
    }

    /** axe-core finds no WCAG 2.1 A/AA violation on the page; its screenshot is kept. */
    private void accessible(String page) {
        browser.screenshot(page);
        assertThat(browser.accessibilityViolations()).as("axe-core on " + page).isEmpty();
    }

    private String employeeNamed(String lastName) {
        Reply roster = patient(() -> api.get(ORG_PATH + "/employees?size=100", admin));
        return StreamSupport.stream(roster.json().get("items").spliterator(), false)
                .filter(e -> lastName.equals(e.get("lastName").asString())).map(e -> e.get("id").asString())
                .findFirst().orElseThrow(() -> new AssertionError("no " + lastName + " on the roster: " + roster));
    }

    // --- what staff and the administrator set up through the API --------------------------------------------------

    private static Reply patient(java.util.function.Supplier<Reply> call) {
        return GatewayClient.await(call, reply -> reply.status() < 502 || reply.status() > 504, EVENTS);
    }

    /** A plan year in force: PortalBrowserIT's (this year's) when it ran first, else last year's, created here. */
    private void planYearInForce() {
        Reply current = patient(() -> api.get("/api/insurance/plan-years/current", staff));
        if (current.status() == 200) {
            return;
        }
        int year = stack.today().getYear() - 1;
        Reply plan = patient(() -> api.send("PUT", "/api/insurance/plan-years/" + year, staff, null, """
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
                """.formatted(year, year)));
        assertThat(plan.status()).as(plan.toString()).isEqualTo(200);
    }

    private void organizationRegistered() {
        String neq = Long.toString(ThreadLocalRandom.current().nextLong(1_150_000_000L, 1_159_999_999L));
        Reply registered = patient(() -> api.send("PUT", ORG_PATH, admin, null, """
                {"legalName": "Coopérative Bois-Franc", "neq": "%s", "legalForm": "OBNL",
                 "regionCode": "17", "sectorCodes": [], "preferredLanguage": "fr"}
                """.formatted(neq)));
        assertThat(registered.status()).as(registered.toString()).isBetween(200, 201);
    }

    /** Staff create and activate a project the organization leads, with an indicator; its admin opens a period. */
    private String[] projectWithAnOpenPeriod() {
        Reply project = GatewayClient.await(() -> api.post("/api/projects/projects", staff, """
                        {"name": "Cuisines solidaires du Centre-du-Québec",
                         "targetedIssues": ["AUTONOMIE_ALIMENTAIRE"], "leadOrganizationId": "%s"}
                        """.formatted(ORGANIZATION)),
                reply -> reply.status() == 201, EVENTS);
        assertThat(project.status()).as("projects learns the organization: " + project).isEqualTo(201);
        String projectPath = "/api/projects/projects/" + project.text("/id");
        Reply indicator = api.post(projectPath + "/indicators", staff, """
                {"name": "Personnes formées en cuisine", "kind": "QUANTITATIVE", "unit": "PERSONNES",
                 "target": {"value": 20, "unit": "PERSONNES"}}""");
        assertThat(indicator.status()).as(indicator.toString()).isBetween(200, 201);
        Reply active = api.post(projectPath + "/activate", staff, null);
        assertThat(active.status()).as(active.toString()).isEqualTo(200);
        Reply period = api.post(projectPath + "/periods", admin, """
                {"label": "Premier trimestre", "startDate": "%s", "endDate": "%s"}
                """.formatted(stack.today().minusDays(30), stack.today().plusDays(60)));
        assertThat(period.status()).as(period.toString()).isEqualTo(201);
        return new String[] {project.text("/id"), indicator.text("/indicators/0/id")};
    }

    /** A session in a month, one seat, open: staff of a network this test has to itself (fqcs) plan it. */
    private String sessionWithOneSeat() {
        Reply course = patient(() -> api.post("/api/training/courses", staff, """
                {"networkId": "fqcs",
                 "title": {"fr": "Gestion d’une cuisine collective", "en": "Running a community kitchen"},
                 "description": {"fr": "Planifier, acheter, cuisiner en groupe.", "en": "Planning, buying, cooking together."},
                 "themes": ["SANTE_SECURITE"], "formats": ["GROUP_OF_ORGANIZATIONS"], "modes": ["IN_PERSON"],
                 "hours": 6}"""));
        assertThat(course.status()).as(course.toString()).isEqualTo(201);
        Reply session = api.post("/api/training/sessions", staff, """
                {"courseId": "%s", "startDate": "%s", "endDate": "%s", "hours": 6, "mode": "IN_PERSON",
                 "location": "Victoriaville", "seats": 1, "memberPrice": 60.00, "nonMemberPrice": 120.00,
                 "registrationDeadline": "%s"}""".formatted(course.text("/id"), stack.today().plusDays(30),
                stack.today().plusDays(30), stack.today().plusDays(20)));
        assertThat(session.status()).as(session.toString()).isEqualTo(201);
        Reply opened = api.post("/api/training/sessions/" + session.text("/id") + "/open", staff, null);
        assertThat(opened.status()).as(opened.toString()).isEqualTo(200);
        return session.text("/id");
    }

    /** The administrator registers a roster employee (once training knows them); returns the registration id. */
    private String register(String session, String employee, String expectedStatus) {
        Reply registered = GatewayClient.await(() -> api.post("/api/training/sessions/" + session + "/registrations", admin,
                "{\"organizationId\": \"" + ORGANIZATION + "\", \"employeeId\": \"" + employee + "\"}"),
                r -> r.status() == 201, EVENTS);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        assertThat(registered.text("/status")).isEqualTo(expectedStatus);
        return registered.text("/id");
    }

    /** The issuer's sign-up page, as a browser fills it in (session cookie and CSRF token). */
    private void signUp(String email, String name, String password) {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        try {
            HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(stack.issuer() + "/signup"))
                    .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
            assertThat(csrf.find()).as("CSRF token on the sign-up page").isTrue();
            String form = Map.of("email", email, "name", name, "password", password, "_csrf", csrf.group(1))
                    .entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                            StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            HttpResponse<String> created = client.send(HttpRequest.newBuilder(URI.create(stack.issuer() + "/signup"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
