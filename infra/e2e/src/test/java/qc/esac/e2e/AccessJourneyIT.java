package qc.esac.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import qc.esac.e2e.GatewayClient.Reply;
import qc.esac.testkit.oidc.BrowserLogin;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who administers an organization is decided in the platform, not in the identity provider's directory: network
 * staff invite a person by email, the person creates their own account on the issuer's sign-up page, signs in
 * through the authorization-code flow, accepts with the code, then administers the organization in membership
 * and in training (which learns of the grant from membership's events), all through the gateway; a revocation
 * takes their rights away again with the token they already hold.
 */
class AccessJourneyIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration EVENTS = Duration.ofSeconds(60);

    private final FullStack stack = FullStack.get();
    private final GatewayClient api = new GatewayClient(stack);
    private final String staff = stack.staffToken();

    @Test
    void staffInviteAPersonWhoSignsUpAcceptsAndAdministersTheOrganization() {
        Reply registered = api.post("/api/membership/organizations", staff, """
                {"legalName": "Épicerie solidaire des Trois-Ponts", "neq": "%s", "legalForm": "OBNL",
                 "regionCode": "04", "sectorCodes": []}
                """.formatted(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L)));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String organization = registered.text("/id");
        String orgPath = "/api/membership/organizations/" + organization;

        String email = "gestion-" + UUID.randomUUID().toString().substring(0, 8) + "@trois-ponts.example";
        String password = "mot-de-passe-" + UUID.randomUUID();
        signUp(email, "Gestionnaire Exemple", password);
        String person = new BrowserLogin(URI.create(stack.issuer())).login(email, password).accessToken();
        JsonNode claims = claims(person);
        assertThat(claims.get("email").asString()).isEqualTo(email);
        assertThat(claims.get("sub").asString()).doesNotStartWith("5e5ac000");
        assertThat(claims.has("org_ids")).isFalse();
        assertThat(api.get(orgPath, person).status()).isEqualTo(403);

        Reply invited = api.post("/api/membership/invitations", staff, """
                {"role": "ORG_ADMIN", "email": "%s", "organizationId": "%s"}
                """.formatted(email, organization));
        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
        String code = invited.text("/code");

        Reply accepted = api.post("/api/membership/invitations/acceptance", person,
                "{\"code\": \"" + code + "\"}");
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.text("/status")).isEqualTo("ACTIVE");
        Reply reused = api.post("/api/membership/invitations/acceptance", person, "{\"code\": \"" + code + "\"}");
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.text("/title")).isEqualTo("Invitation déjà utilisée");

        // The same token, issued before the grant, now administers the organization.
        Reply profile = api.get(orgPath, person);
        assertThat(profile.status()).as(profile.toString()).isEqualTo(200);
        assertThat(profile.text("/legalName")).isEqualTo("Épicerie solidaire des Trois-Ponts");
        Reply employee = api.post(orgPath + "/employees", person, """
                {"firstName": "Lou", "lastName": "Exemple", "employmentStatus": "PART_TIME", "weeklyHours": 20,
                 "hireDate": "2025-04-01"}
                """);
        assertThat(employee.status()).as(employee.toString()).isEqualTo(201);
        String ledger = "/api/training/organizations/" + organization + "/ledger";
        Reply trainingSees = GatewayClient.await(() -> api.get(ledger, person), r -> r.status() == 200, EVENTS);
        assertThat(trainingSees.status()).as(trainingSees.toString()).isEqualTo(200);

        Reply revoked = api.post("/api/membership/grants/" + accepted.text("/id") + "/revocation", staff, null);
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        assertThat(api.get(orgPath, person).status()).isEqualTo(403);
        Reply trainingForgets = GatewayClient.await(() -> api.get(ledger, person), r -> r.status() == 403, EVENTS);
        assertThat(trainingForgets.status()).as(trainingForgets.toString()).isEqualTo(403);
    }

    /** The issuer's sign-up page, as a browser fills it in (session cookie and CSRF token). */
    private void signUp(String email, String name, String password) {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        try {
            HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(stack.issuer() + "/signup"))
                    .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
            assertThat(csrf.find()).as("CSRF token on the sign-up page").isTrue();
            String form = Map.of("email", email, "name", name, "password", password, "_csrf", csrf.group(1))
                    .entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                            StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            HttpResponse<String> created = browser.send(HttpRequest.newBuilder(URI.create(stack.issuer() + "/signup"))
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

    private static JsonNode claims(String jwt) {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }
}
