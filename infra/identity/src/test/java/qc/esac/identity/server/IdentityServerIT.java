package qc.esac.identity.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.util.UriComponentsBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import qc.esac.identity.EsacClaims;

/**
 * The real authorization server on a random port, driven by a plain HTTP client the way a partner
 * system (client credentials) and a browser application (authorization code with PKCE) use it.
 * Tokens are validated the way resource servers do: from the issuer's discovery document and JWK set.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "esac.identity.issuer=")
class IdentityServerIT {

    private static final String WEB_REDIRECT = "http://localhost:3000/callback";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private String base() {
        return "http://localhost:" + port;
    }

    @Test
    void discoveryDocumentAnnouncesTheEndpointsAndPkce() throws Exception {
        JsonNode discovery = json(send(HttpRequest.newBuilder(URI.create(base() + "/.well-known/openid-configuration"))
                .build(), client()));
        assertThat(discovery.get("issuer").asString()).isEqualTo(base());
        assertThat(discovery.get("token_endpoint").asString()).isEqualTo(base() + "/oauth2/token");
        assertThat(discovery.get("jwks_uri").asString()).isEqualTo(base() + "/oauth2/jwks");
        assertThat(discovery.get("code_challenge_methods_supported").toString()).contains("S256");
    }

    @Test
    void partnerGetsAPartnerTokenWithTheScopesItAskedFor() throws Exception {
        HttpResponse<String> response = clientCredentials(DemoDirectory.CLIENT_PARTNER, "partenaire-demo-secret",
                "membership.read events.read");
        assertThat(response.statusCode()).isEqualTo(200);
        Jwt token = decoder().decode(json(response).get("access_token").asString());
        assertThat(token.getSubject()).isEqualTo(DemoDirectory.CLIENT_PARTNER);
        assertThat(token.getClaimAsStringList(EsacClaims.ROLES)).containsExactly("partner");
        assertThat(token.getClaimAsStringList(EsacClaims.SCOPE)).containsExactlyInAnyOrder("membership.read",
                "events.read");
        assertThat(token.getAudience()).contains(PlatformClaims.API_AUDIENCE);
        assertThat(token.hasClaim(EsacClaims.ORG_IDS)).isFalse();
    }

    @Test
    void partnerCannotAskForAScopeItWasNotGiven() throws Exception {
        HttpResponse<String> response = clientCredentials(DemoDirectory.CLIENT_PARTNER, "partenaire-demo-secret",
                "membership.write");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asString()).isEqualTo("invalid_scope");
    }

    @Test
    void wrongClientSecretIsRefused() throws Exception {
        HttpResponse<String> response = clientCredentials(DemoDirectory.CLIENT_PARTNER, "pas-le-bon", "events.read");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).get("error").asString()).isEqualTo("invalid_client");
    }

    @Test
    void demoLoaderActsAsStaffOfEveryNetwork() throws Exception {
        HttpResponse<String> response = clientCredentials(DemoDirectory.CLIENT_LOADER, "chargement-demo-secret", null);
        Jwt token = decoder().decode(json(response).get("access_token").asString());
        assertThat(token.getClaimAsStringList(EsacClaims.ROLES)).containsExactly("staff");
        assertThat(token.getClaimAsStringList(EsacClaims.NETWORK_IDS))
                .containsExactlyInAnyOrderElementsOf(DemoDirectory.NETWORKS);
    }

    @Test
    void administratorOfTwoOrganizationsLogsInWithPkceAndGetsBothOrganizations() throws Exception {
        Tokens tokens = browserLogin("admin-deux-organismes", "esac-demo");
        Jwt access = decoder().decode(tokens.accessToken());
        assertThat(access.getSubject()).isEqualTo("5e5ac000-0003-4000-8000-000000000006");
        assertThat(access.getClaimAsStringList(EsacClaims.ROLES)).containsExactly("org-admin");
        assertThat(access.getClaimAsStringList(EsacClaims.ORG_IDS)).containsExactly(
                DemoDirectory.ORG_COOP_BOIS_FRANC, DemoDirectory.ORG_MAISON_JEUNES_ESCALE);
        assertThat(access.hasClaim(EsacClaims.NETWORK_IDS)).isFalse();
        assertThat(access.getAudience()).contains(PlatformClaims.API_AUDIENCE, DemoDirectory.CLIENT_WEB);

        Jwt id = decoder().decode(tokens.idToken());
        assertThat(id.getSubject()).isEqualTo(access.getSubject());
        assertThat(id.getClaimAsString("name")).isEqualTo("Karim Belhumeur-Dion");

        HttpResponse<String> userInfo = send(HttpRequest.newBuilder(URI.create(base() + "/userinfo"))
                .header("Authorization", "Bearer " + tokens.accessToken()).build(), client());
        assertThat(userInfo.statusCode()).isEqualTo(200);
        assertThat(json(userInfo).get("sub").asString()).isEqualTo(access.getSubject());
    }

    @Test
    void aPersonSignsUpThenLogsInWithTheirEmailAndGetsATokenWithTheirEmailAndNoRole() throws Exception {
        HttpClient browser = client();
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(base() + "/signup")).build(), browser);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Créer un compte");
        HttpResponse<String> tooShort = postForm(base() + "/signup", Map.of("email", "fondatrice@jardins.example",
                "name", "Fondatrice Exemple", "password", "court", "_csrf", csrf(page.body())), browser, null);
        assertThat(tooShort.statusCode()).isEqualTo(422);
        assertThat(tooShort.body()).contains("au moins 10 caractères");
        HttpResponse<String> demoName = postForm(base() + "/signup", Map.of("email", "admin-vieux-moulin",
                "name", "X", "password", "un-mot-de-passe-long", "_csrf", csrf(page.body())), browser, null);
        assertThat(demoName.statusCode()).isEqualTo(422);

        HttpResponse<String> created = postForm(base() + "/signup", Map.of("email", "Fondatrice@Jardins.example",
                "name", "Fondatrice Exemple", "password", "un-mot-de-passe-long", "_csrf", csrf(page.body())),
                browser, null);
        assertThat(created.statusCode()).isEqualTo(303);
        assertThat(location(created)).endsWith("login?inscrit");
        HttpResponse<String> again = postForm(base() + "/signup", Map.of("email", "fondatrice@jardins.example",
                "name", "Autre", "password", "un-autre-mot-de-passe", "_csrf", csrf(page.body())), browser, null);
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.body()).contains("existe déjà");

        Jwt access = decoder().decode(browserLogin("fondatrice@jardins.example", "un-mot-de-passe-long")
                .accessToken());
        assertThat(access.getSubject()).matches("[0-9a-f-]{36}").doesNotStartWith("5e5ac000");
        assertThat(access.getClaimAsString(PlatformClaims.EMAIL)).isEqualTo("fondatrice@jardins.example");
        assertThat(access.getClaimAsStringList(EsacClaims.ROLES)).isNull();
        assertThat(access.hasClaim(EsacClaims.ORG_IDS)).isFalse();
        assertThat(DemoDirectory.ACCOUNTS).noneMatch(a -> a.id().equals(access.getSubject()));
    }

    @Test
    void staffTokenNamesTheirNetwork() throws Exception {
        Jwt access = decoder().decode(browserLogin("personnel-aacocq", "esac-demo").accessToken());
        assertThat(access.getClaimAsStringList(EsacClaims.ROLES)).containsExactly("staff");
        assertThat(access.getClaimAsStringList(EsacClaims.NETWORK_IDS)).containsExactly(DemoDirectory.NETWORK_AACOCQ);
    }

    @Test
    void wrongPasswordSendsTheBrowserBackToTheFrenchLoginForm() throws Exception {
        HttpClient browser = client();
        send(authorizeRequest(challenge("x".repeat(43))), browser);
        HttpResponse<String> form = send(HttpRequest.newBuilder(URI.create(base() + "/login"))
                .header("Accept", "text/html").build(), browser);
        assertThat(form.body()).contains("Connexion à la plateforme ÉSAC", "admin-vieux-moulin");
        HttpResponse<String> login = postForm(base() + "/login", Map.of("username", "admin-vieux-moulin",
                "password", "mauvais", "_csrf", csrf(form.body())), browser, null);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(location(login)).endsWith("/login?error");
        HttpResponse<String> error = send(HttpRequest.newBuilder(URI.create(location(login))).build(), browser);
        assertThat(error.body()).contains("Nom d’utilisateur ou mot de passe incorrect");
    }

    /**
     * A real browser asks for {@code /favicon.ico} on the login page; there is none, and the error page it is sent
     * to must not replace the authorization request the login returns to (it did: the portal's sign-in in chromium
     * ended on {@code /error?continue}).
     */
    @Test
    void theFaviconABrowserAsksForOnTheLoginPageDoesNotDivertTheLogin() throws Exception {
        HttpClient browser = client();
        send(authorizeRequest(challenge("y".repeat(43))), browser);
        HttpResponse<String> form = send(HttpRequest.newBuilder(URI.create(base() + "/login"))
                .header("Accept", "text/html").build(), browser);
        send(HttpRequest.newBuilder(URI.create(base() + "/favicon.ico")).header("Accept", "image/*").build(), browser);
        HttpResponse<String> login = postForm(base() + "/login", Map.of("username", "admin-vieux-moulin",
                "password", "esac-demo", "_csrf", csrf(form.body())), browser, null);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(location(login)).contains("/oauth2/authorize").doesNotContain("/error");
    }

    @Test
    void authorizationWithoutPkceIsRefused() throws Exception {
        HttpClient browser = client();
        loginFirst(browser, "employe-vieux-moulin");
        String url = UriComponentsBuilder.fromUriString(base() + "/oauth2/authorize")
                .queryParam("response_type", "code").queryParam("client_id", DemoDirectory.CLIENT_WEB)
                .queryParam("redirect_uri", WEB_REDIRECT).queryParam("scope", "openid").queryParam("state", "s1")
                .build().toUriString();
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html")
                .build(), browser);
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(location(response)).startsWith(WEB_REDIRECT).contains("error=invalid_request")
                .doesNotContain("code=");
    }

    @Test
    void codeCannotBeExchangedWithTheWrongVerifier() throws Exception {
        HttpClient browser = client();
        String verifier = verifier();
        String code = authorizationCode(browser, "employe-vieux-moulin", "esac-demo", verifier);
        HttpResponse<String> response = exchange(code, verifier() /* another one */);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asString()).isEqualTo("invalid_grant");
    }

    // --- flows -----------------------------------------------------------------------------------

    private record Tokens(String accessToken, String idToken) {
    }

    private Tokens browserLogin(String username, String password) throws Exception {
        HttpClient browser = client();
        String verifier = verifier();
        String code = authorizationCode(browser, username, password, verifier);
        HttpResponse<String> response = exchange(code, verifier);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json(response);
        return new Tokens(body.get("access_token").asString(), body.get("id_token").asString());
    }

    /** Authorize, get sent to the login form, post it with its CSRF token, follow back to the redirect URI. */
    private String authorizationCode(HttpClient browser, String username, String password, String verifier)
            throws Exception {
        HttpResponse<String> authorize = send(authorizeRequest(challenge(verifier)), browser);
        assertThat(authorize.statusCode()).isEqualTo(302);
        assertThat(location(authorize)).endsWith("/login");
        HttpResponse<String> form = send(HttpRequest.newBuilder(URI.create(location(authorize)))
                .header("Accept", "text/html").build(), browser);
        HttpResponse<String> login = postForm(base() + "/login", Map.of("username", username, "password", password,
                "_csrf", csrf(form.body())), browser, null);
        assertThat(login.statusCode()).isEqualTo(302);
        // Back to the saved authorization request, which now redirects to the client with a code.
        HttpResponse<String> resumed = send(HttpRequest.newBuilder(URI.create(location(login)))
                .header("Accept", "text/html").build(), browser);
        assertThat(resumed.statusCode()).isEqualTo(302);
        Map<String, String> query = UriComponentsBuilder.fromUriString(location(resumed)).build().getQueryParams()
                .toSingleValueMap();
        assertThat(location(resumed)).startsWith(WEB_REDIRECT);
        assertThat(query.get("state")).isEqualTo("etat-123");
        return URLDecoderHelper.decode(query.get("code"));
    }

    private void loginFirst(HttpClient browser, String username) throws Exception {
        HttpResponse<String> form = send(HttpRequest.newBuilder(URI.create(base() + "/login")).build(), browser);
        HttpResponse<String> login = postForm(base() + "/login", Map.of("username", username, "password", "esac-demo",
                "_csrf", csrf(form.body())), browser, null);
        assertThat(login.statusCode()).isEqualTo(302);
    }

    private HttpRequest authorizeRequest(String challenge) {
        String url = UriComponentsBuilder.fromUriString(base() + "/oauth2/authorize")
                .queryParam("response_type", "code").queryParam("client_id", DemoDirectory.CLIENT_WEB)
                .queryParam("redirect_uri", WEB_REDIRECT).queryParam("scope", "openid profile")
                .queryParam("state", "etat-123").queryParam("code_challenge", challenge)
                .queryParam("code_challenge_method", "S256").encode().build().toUriString();
        return HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").build();
    }

    private HttpResponse<String> exchange(String code, String verifier) throws Exception {
        return postForm(base() + "/oauth2/token", Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", WEB_REDIRECT, "client_id", DemoDirectory.CLIENT_WEB, "code_verifier", verifier),
                client(), null);
    }

    private HttpResponse<String> clientCredentials(String clientId, String secret, String scope) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        if (scope != null) {
            form.put("scope", scope);
        }
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return postForm(base() + "/oauth2/token", form, client(), "Basic " + basic);
    }

    /** As a resource server configured with this issuer and its JWK set checks a token. */
    private JwtDecoder decoder() {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(base() + "/oauth2/jwks").build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(base()));
        return decoder;
    }

    // --- HTTP helpers -----------------------------------------------------------------------------

    private static HttpClient client() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    private static HttpResponse<String> send(HttpRequest request, HttpClient client)
            throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> postForm(String url, Map<String, String> form, HttpClient client,
            String authorization) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build(), client);
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no Location header"));
    }

    private static String csrf(String html) {
        Matcher matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(matcher.find()).as("CSRF field in the login form").isTrue();
        return matcher.group(1);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static String verifier() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) throws NoSuchAlgorithmException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private static final class URLDecoderHelper {
        static String decode(String value) {
            return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
        }
    }
}
