package qc.esac.testkit.oidc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
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

/**
 * A person's tokens from the platform's issuer (infra/identity), the way a browser application gets them: the
 * authorization-code flow with PKCE (S256), through the login form with its CSRF token, following the issuer's
 * redirects by hand, then the code exchange. Plain JDK HTTP client, its own cookie jar per login.
 *
 * <pre>{@code
 * BrowserLogin.Tokens tokens = new BrowserLogin(URI.create("http://127.0.0.1:9000"))
 *         .login("admin-vieux-moulin", "esac-demo");
 * }</pre>
 */
public final class BrowserLogin {

    /** The public browser client of the platform and one of its registered redirect URIs. */
    public static final String WEB_CLIENT = "esac-web";
    public static final String WEB_REDIRECT = "http://localhost:3000/callback";

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final URI issuer;
    private final String clientId;
    private final String redirectUri;

    public BrowserLogin(URI issuer) {
        this(issuer, WEB_CLIENT, WEB_REDIRECT);
    }

    public BrowserLogin(URI issuer, String clientId, String redirectUri) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.redirectUri = redirectUri;
    }

    /** The tokens the issuer gives for this person; fails with the issuer's answer when a step goes wrong. */
    public Tokens login(String username, String password) {
        try {
            String verifier = randomUrlSafe(32);
            String state = randomUrlSafe(12);
            String code = authorizationCode(username, password, challenge(verifier), state);
            HttpResponse<String> token = postForm(HttpClient.newHttpClient(), issuer.resolve("/oauth2/token"), form(
                    "grant_type", "authorization_code", "code", code, "redirect_uri", redirectUri,
                    "client_id", clientId, "code_verifier", verifier));
            expect(token, 200, "code exchange");
            JsonNode body = JSON.readTree(token.body());
            return new Tokens(body.get("access_token").asString(),
                    body.has("id_token") ? body.get("id_token").asString() : null,
                    body.has("refresh_token") ? body.get("refresh_token").asString() : null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Authorize, be sent to the login form, post it, be sent back to the authorization, then to the client. */
    private String authorizationCode(String username, String password, String challenge, String state)
            throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        URI authorize = URI.create(issuer.resolve("/oauth2/authorize") + "?" + query(form(
                "response_type", "code", "client_id", clientId, "redirect_uri", redirectUri,
                "scope", "openid profile", "state", state, "code_challenge", challenge,
                "code_challenge_method", "S256")));
        HttpResponse<String> toLogin = get(browser, authorize);
        expect(toLogin, 302, "authorization request");
        HttpResponse<String> loginForm = get(browser, location(toLogin));
        expect(loginForm, 200, "login form");
        Matcher csrf = CSRF.matcher(loginForm.body());
        if (!csrf.find()) {
            throw new IllegalStateException("No CSRF field in the issuer's login form");
        }
        HttpResponse<String> loggedIn = postForm(browser, issuer.resolve("/login"),
                form("username", username, "password", password, "_csrf", csrf.group(1)));
        expect(loggedIn, 302, "login");
        if (location(loggedIn).toString().contains("/login?error")) {
            throw new IllegalStateException("The issuer refused the login of " + username);
        }
        HttpResponse<String> back = get(browser, location(loggedIn));
        expect(back, 302, "authorization after login");
        URI callback = location(back);
        if (!callback.toString().startsWith(redirectUri)) {
            throw new IllegalStateException("Sent to " + callback + " instead of the client");
        }
        Map<String, String> parameters = parse(callback.getRawQuery());
        if (!state.equals(parameters.get("state")) || !parameters.containsKey("code")) {
            throw new IllegalStateException("Unexpected answer to the client: " + callback);
        }
        return parameters.get("code");
    }

    /** The tokens of one login. */
    public record Tokens(String accessToken, String idToken, String refreshToken) {
    }

    // --- HTTP -----------------------------------------------------------------------------------------------

    private static HttpResponse<String> get(HttpClient client, URI uri) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> postForm(HttpClient client, URI uri, Map<String, String> form)
            throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(query(form))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI location(HttpResponse<?> response) {
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("No Location in the issuer's redirect"));
        return issuer.resolve(location);
    }

    private static void expect(HttpResponse<String> response, int status, String step) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("The issuer answered " + response.statusCode() + " to the " + step
                    + " (expected " + status + "): " + response.body());
        }
    }

    private static Map<String, String> form(String... pairs) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    private static String query(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> parse(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                parameters.put(URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    private static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
