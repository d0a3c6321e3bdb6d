package qc.esac.fault;

import qc.esac.testkit.oidc.BrowserLogin;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A project partnership, with the partner's consent: staff invite a person (the lead's administrator, signed up
 * at the suite's start) to administer the organization ({@code POST /api/membership/invitations}), who accepts
 * ({@code .../invitations/acceptance}: an {@code access-granted} event every service applies); programme staff
 * create a draft project led by the organization once projects has learnt of it from membership's events
 * ({@code POST /api/projects/projects}; "unknown organization" answers asked again under a new key); the lead's
 * administrator invites the suite's partner organization once projects has applied the grant ({@code POST
 * .../partners}, 202; "refused" answers asked again under a new key); the partner's administrator (a second
 * person, granted at the start) accepts ({@code POST .../invitations/{org}/accept}). None of these take an
 * {@code If-Match}. Checked in projects (one project led by the organization; the partner invited, then a partner
 * once, as the client last learnt) and in membership (the administrator's grant present once, active once
 * accepted). Projects' events have no consumer.
 */
final class PartnerKind implements CommandKind {

    /** Steps: 1 invitation to administer, 2 accepted, 3 project created, 4 partner invited, 5 invitation accepted. */
    private static final int CREATED = 3;
    private static final int INVITED = 4;
    private static final int JOINED = 5;
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final int every;
    private final URI issuer;
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String leadEmail = "porteur." + suffix + "@faute.exemple.org";
    private final String partnerEmail = "partenaire." + suffix + "@faute.exemple.org";
    private volatile Api lead;
    private volatile Api partner;
    private volatile String partnerOrganization;

    /** Sent by one organization in {@code every} (offset from the other kinds); {@code issuer}: where people sign up. */
    PartnerKind(int every, URI issuer) {
        this.every = every;
        this.issuer = issuer;
    }

    @Override
    public String name() {
        return "partner";
    }

    @Override
    public boolean appliesTo(int n) {
        return n % every == 4 % every;
    }

    @Override
    public int steps() {
        return JOINED;
    }

    @Override
    public List<String> readModels() {
        return List.of("projects-service", "membership-service");
    }

    /**
     * Two people sign up and sign in (the lead's and the partner's administrators: consent is a person's), and the
     * partner organization is registered with its administrator's grant, known to projects before the load.
     */
    @Override
    public void prepare(Driver driver) {
        String password = "mot-de-passe-" + UUID.randomUUID();
        signUp(issuer, leadEmail, "Direction porteuse (suite de fautes)", password);
        signUp(issuer, partnerEmail, "Direction partenaire (suite de fautes)", password);
        lead = new Api(new BrowserLogin(issuer).login(leadEmail, password).accessToken());
        partner = new Api(new BrowserLogin(issuer).login(partnerEmail, password).accessToken());
        Driver.Flow flow = new Driver.Flow(0, "partenaire", "0");
        Driver.Run run = new Driver.Run("partner organization");
        String profile = """
                {"legalName": "%s partenaire", "neq": "%d", "legalForm": "OBNL", "regionCode": "04", "sectorCodes": []}"""
                .formatted(driver.namePrefix(), 1_000_000_000L + Math.abs(suffix.hashCode() % 8_000_000_000L));
        Api.Answer registered = driver.send(flow, run, "POST organization", () -> driver.api().post(
                driver.gateway("/api/membership/organizations"), profile, Map.of("Idempotency-Key", run.key("org"))));
        require(registered, 201, "partner organization", run);
        partnerOrganization = KindSteps.JSON.readTree(registered.body()).path("id").asString();
        flow.id = partnerOrganization;
        Api.Answer invited = invite(driver, flow, run, partnerEmail);
        require(invited, 201, "partner's administrator invitation", run);
        Api.Answer accepted = accept(driver, flow, run, partner, invited);
        require(accepted, 200, "partner's administrator grant", run);
        long deadline = System.currentTimeMillis() + KindSteps.AWAIT_MILLIS;
        while (driver.api().get(driver.gateway("/api/projects/organizations/" + partnerOrganization)).status() != 200) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("projects never learnt of the partner organization");
            }
            sleep();
        }
    }

    private static void require(Api.Answer answer, int status, String what, Driver.Run run) {
        if (answer == null || answer.status() != status) {
            throw new IllegalStateException("Could not create the suite's " + what + ": "
                    + (answer == null ? run.refused : answer.status() + " " + answer.body()));
        }
    }

    /** Staff invite {@code email} to administer the flow's organization: the invitation and its code. */
    private static Api.Answer invite(Driver driver, Driver.Flow flow, Driver.Run run, String email) {
        String invitation = """
                {"role": "ORG_ADMIN", "email": "%s", "organizationId": "%s"}""".formatted(email, flow.id);
        return driver.send(flow, run, "POST invitation", () -> driver.api().post(
                driver.gateway("/api/membership/invitations"), invitation,
                Map.of("Idempotency-Key", run.key("invitation"))));
    }

    /** The invited person accepts with the code; a retry refused as "already used" had its first attempt applied. */
    private static Api.Answer accept(Driver driver, Driver.Flow flow, Driver.Run run, Api person, Api.Answer invited) {
        String code = KindSteps.JSON.readTree(invited.body()).path("code").asString();
        int retriesBefore = flow.retries;
        Api.Answer answer = driver.send(flow, run, "POST acceptance", () -> person.post(
                driver.gateway("/api/membership/invitations/acceptance"), "{\"code\": \"" + code + "\"}",
                Map.of("Idempotency-Key", run.key("acceptance"))));
        if (KindSteps.replayMissed(flow, retriesBefore, run, answer, 409, "invitation.deja-utilisee")) {
            return new Api.Answer(200, null, "{}", answer.millis());
        }
        return answer;
    }

    @Override
    public void drive(Driver driver, Driver.Flow flow, Driver.Run run) {
        Api.Answer answer = invite(driver, flow, run, leadEmail);
        if (answer == null || answer.status() != 201) {
            return;
        }
        run.facts.put("grantId", KindSteps.JSON.readTree(answer.body()).path("invitation").path("id").asString());
        run.reached = 1;
        answer = accept(driver, flow, run, lead, answer);
        if (answer == null || answer.status() != 200) {
            return;
        }
        run.reached = 2;
        String project = """
                {"name": "Projet %s", "targetedIssues": ["PENURIE_MAIN_OEUVRE"], "leadOrganizationId": "%s",
                 "description": "Projet de la suite de fautes"}""".formatted(flow.name, flow.id);
        // Projects learns of the organization from membership's events: until then, 400 with the field error
        // `organisation.inconnue` on leadOrganizationId (a field error carries its field and message, not its code).
        answer = KindSteps.awaiting(driver, flow, run, "project",
                a -> KindSteps.problem(a, 400, "\"field\":\"leadOrganizationId\""),
                key -> driver.api().post(driver.gateway("/api/projects/projects"), project,
                        Map.of("Idempotency-Key", key)));
        if (answer == null || answer.status() != 201) {
            return;
        }
        run.id = KindSteps.JSON.readTree(answer.body()).path("id").asString();
        run.reached = CREATED;
        String path = "/api/projects/projects/" + run.id;
        String invitation = """
                {"organizationId": "%s", "role": "PARTNER"}""".formatted(partnerOrganization);
        // Projects learns of the administrator's grant from membership's events: until then, 403 for this person.
        int retriesBefore = flow.retries;
        answer = KindSteps.awaiting(driver, flow, run, "partner invitation",
                a -> KindSteps.problem(a, 403, "projet.gestion-refusee"),
                key -> lead.post(driver.gateway(path + "/partners"), invitation, Map.of("Idempotency-Key", key)));
        if (answer == null || !(answer.status() == 202
                || KindSteps.replayMissed(flow, retriesBefore, run, answer, 409, "invitation.deja-envoyee"))) {
            return;
        }
        run.reached = INVITED;
        retriesBefore = flow.retries;
        answer = driver.send(flow, run, "POST accept", () -> partner.post(
                driver.gateway(path + "/invitations/" + partnerOrganization + "/accept"), null,
                Map.of("Idempotency-Key", run.key("accept"))));
        if (answer != null && (answer.status() == 200
                || KindSteps.replayMissed(flow, retriesBefore, run, answer, 404, "invitation.introuvable"))) {
            run.reached = JOINED;
        }
    }

    @Override
    public Map<String, Outcome> check(Api api, FaultStack stack, Driver.Flow flow, Driver.Run run) {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        List<JsonNode> projects = projectsLedBy(api, stack, flow.id);
        JsonNode project = null;
        if (projects.size() == 1) {
            Api.Answer answer = api.get(stack.uri("projects-service", "/api/projects/projects/"
                    + projects.get(0).path("id").asString()));
            if (answer.status() != 200) {
                throw new IllegalStateException("projects' project answered " + answer.status());
            }
            project = KindSteps.JSON.readTree(answer.body());
        }
        outcomes.put("projects-service", verdict(projects.size(), project, partnerOrganization, run.reached,
                run.gaveUp()));
        outcomes.put("membership-service", grantVerdict(grants(api, stack, flow.id), leadEmail, run.reached,
                run.gaveUp()));
        return outcomes;
    }

    @Override
    public boolean createdAnyway(Api api, FaultStack stack, Driver.Flow flow, Driver.Run run) {
        return grantVerdict(grants(api, stack, flow.id), leadEmail, 0, false) != Outcome.FOUND;
    }

    private static List<JsonNode> projectsLedBy(Api api, FaultStack stack, String organizationId) {
        return KindSteps.items(api, page -> stack.uri("projects-service", "/api/projects/projects?size=100&page="
                + page + "&leadOrganizationId=" + organizationId), "projects' projects").stream()
                .filter(p -> organizationId.equals(p.path("leadOrganization").path("id").asString())).toList();
    }

    private static List<JsonNode> grants(Api api, FaultStack stack, String organizationId) {
        return KindSteps.items(api, page -> stack.uri("membership-service", "/api/membership/grants?size=200&page="
                + page + "&organizationId=" + organizationId), "membership's grants");
    }

    /**
     * Projects' outcome given how many projects the organization leads, that project (when one), the partner
     * organization and how many steps the client got accepted: no project before its creation; then one, the
     * partner neither invited nor a partner, then invited (not a partner yet), then a partner once and no longer
     * invited. A step the client gave up on without a final answer ({@code gaveUp}) may or may not have been
     * applied: the next state is right too.
     */
    static Outcome verdict(int projects, JsonNode project, String partnerOrganization, int reached, boolean gaveUp) {
        if (projects > 1) {
            return Outcome.DUPLICATED;
        }
        if (reached < CREATED) {
            return projects == 0 || gaveUp && reached == CREATED - 1 ? Outcome.FOUND : Outcome.OUT_OF_ORDER;
        }
        if (projects == 0) {
            return Outcome.LOST;
        }
        int partners = 0;
        for (JsonNode p : project.path("partners")) {
            if (partnerOrganization.equals(p.path("organization").path("id").asString())) {
                partners++;
            }
        }
        int invitations = 0;
        for (JsonNode i : project.path("invitations")) {
            if (partnerOrganization.equals(i.path("organization").path("id").asString())) {
                invitations++;
            }
        }
        if (partners > 1 || invitations > 1) {
            return Outcome.DUPLICATED;
        }
        int state = partners == 1 ? (invitations == 0 ? JOINED : -1) : invitations == 1 ? INVITED : CREATED;
        return state == reached || gaveUp && state == reached + 1 ? Outcome.FOUND : Outcome.OUT_OF_ORDER;
    }

    /**
     * Membership's outcome for the lead's administrator: one invitation of that email for the organization (none
     * when the client never got one accepted), invited, then active once accepted.
     */
    static Outcome grantVerdict(List<JsonNode> grants, String email, int reached, boolean gaveUp) {
        JsonNode found = null;
        int copies = 0;
        for (JsonNode grant : grants) {
            if (email.equalsIgnoreCase(grant.path("email").asString())) {
                found = grant;
                copies++;
            }
        }
        if (copies > 1) {
            return Outcome.DUPLICATED;
        }
        if (reached == 0) {
            return copies == 0 || gaveUp ? Outcome.FOUND : Outcome.OUT_OF_ORDER;
        }
        if (copies == 0) {
            return Outcome.LOST;
        }
        String status = found.path("status").asString();
        String expected = reached >= 2 ? "ACTIVE" : "INVITED";
        return status.equals(expected) || gaveUp && reached == 1 && status.equals("ACTIVE") ? Outcome.FOUND
                : Outcome.OUT_OF_ORDER;
    }

    /** The issuer's sign-up page, filled in as a browser does (session cookie and CSRF token). */
    static void signUp(URI issuer, String email, String name, String password) {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        try {
            HttpResponse<String> page = browser.send(HttpRequest.newBuilder(issuer.resolve("/signup"))
                    .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
            Matcher csrf = CSRF.matcher(page.body());
            if (page.statusCode() != 200 || !csrf.find()) {
                throw new IllegalStateException("The issuer's sign-up page answered " + page.statusCode());
            }
            String form = Map.of("email", email, "name", name, "password", password, "_csrf", csrf.group(1))
                    .entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                            StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            HttpResponse<String> created = browser.send(HttpRequest.newBuilder(issuer.resolve("/signup"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 303) {
                throw new IllegalStateException("Sign-up of " + email + " answered " + created.statusCode());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
