package qc.esac.testkit.oidc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieHandler;
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
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person's tokens from an OpenID Connect provider, the way a browser application gets them: the
 * authorization-code flow with PKCE (S256), through the provider's login form (whatever hidden fields it carries:
 * infra/identity's CSRF token, Keycloak's session code), following the redirects by hand, then the code exchange.
 * The endpoints come from the issuer's discovery document, so it works with infra/identity and with Keycloak
 * (issuer {@code http://host/realms/esac}). Plain JDK HTTP client, its own cookie jar per login; HTTP/1.1 as a
 * browser speaks over plain HTTP (the JDK's client would otherwise upgrade to HTTP/2 where the provider offers it, as
 * Keycloak does), and every request bounded in time ({@link #REQUEST_TIMEOUT}): an issuer that stops answering fails
 * the login instead of holding it.
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

    private static final Pattern FORM = Pattern.compile("<form\\b[^>]*>.*?</form>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern ACTION = Pattern.compile("\\baction=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern HIDDEN = Pattern.compile("<input\\b[^>]*type=\"hidden\"[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern VALUE = Pattern.compile("\\bvalue=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final int MAX_REDIRECTS = 5;
    /** How long one request of the login may wait for the issuer's answer. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final URI issuer;
    private final String clientId;
    private final String redirectUri;

    public BrowserLogin(URI issuer) {
        this(issuer, WEB_CLIENT, WEB_REDIRECT);
    }

    public BrowserLogin(URI issuer, String clientId, String redirectUri) {
        String text = issuer.toString();
        this.issuer = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.clientId = clientId;
        this.redirectUri = redirectUri;
    }

    /** The tokens the issuer gives for this person; fails with the issuer's answer when a step goes wrong. */
    public Tokens login(String username, String password) {
        try {
            JsonNode discovery = discovery();
            String verifier = randomUrlSafe(32);
            String state = randomUrlSafe(12);
            String code = authorizationCode(URI.create(discovery.get("authorization_endpoint").asString()), username,
                    password, challenge(verifier), state);
            HttpResponse<String> token = postForm(client(null),
                    URI.create(discovery.get("token_endpoint").asString()), form(
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

    private JsonNode discovery() throws IOException, InterruptedException {
        HttpResponse<String> response = client(null).send(HttpRequest.newBuilder(
                        URI.create(issuer + "/.well-known/openid-configuration")).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        expect(response, 200, "discovery request");
        return JSON.readTree(response.body());
    }

    /** Authorize, reach the login form, post it, follow the redirects until the issuer sends us to the client. */
    private String authorizationCode(URI authorizationEndpoint, String username, String password, String challenge,
                                     String state) throws IOException, InterruptedException {
        HttpClient browser = client(browserCookies());
        URI authorize = URI.create(authorizationEndpoint + "?" + query(form(
                "response_type", "code", "client_id", clientId, "redirect_uri", redirectUri,
                "scope", "openid profile", "state", state, "code_challenge", challenge,
                "code_challenge_method", "S256")));
        HttpResponse<String> loginPage = get(browser, authorize);
        for (int i = 0; i < MAX_REDIRECTS && loginPage.statusCode() == 302; i++) {
            loginPage = get(browser, location(loginPage));
        }
        expect(loginPage, 200, "login form");
        URI page = loginPage.uri();
        Map<String, String> fields = loginForm(loginPage.body());
        URI action = page.resolve(fields.remove("\0action"));
        fields.put("username", username);
        fields.put("password", password);
        HttpResponse<String> answer = postForm(browser, action, fields);
        for (int i = 0; i < MAX_REDIRECTS && answer.statusCode() == 302; i++) {
            URI next = location(answer);
            if (next.toString().startsWith(redirectUri)) {
                return code(next, state);
            }
            if (next.toString().contains("/login?error")) {
                break;
            }
            answer = get(browser, next);
        }
        throw new IllegalStateException("The issuer refused the login of " + username + " (" + answer.statusCode()
                + (answer.headers().firstValue("Location").map(l -> " to " + l).orElse("")) + "): "
                + errorText(answer.body()));
    }

    /**
     * A cookie jar that, like browsers, treats loopback addresses as secure: Keycloak sets its login cookies
     * {@code Secure}, which the JDK's jar would otherwise never send back over plain HTTP.
     */
    private static CookieHandler browserCookies() {
        CookieManager cookies = new CookieManager();
        return new CookieHandler() {
            @Override
            public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
                return cookies.get(secureIfLoopback(uri), headers);
            }

            @Override
            public void put(URI uri, Map<String, List<String>> headers) throws IOException {
                cookies.put(secureIfLoopback(uri), headers);
            }
        };
    }

    private static URI secureIfLoopback(URI uri) {
        String host = uri.getHost();
        boolean loopback = "localhost".equals(host) || "127.0.0.1".equals(host) || "[::1]".equals(host);
        if (!"http".equals(uri.getScheme()) || !loopback) {
            return uri;
        }
        try {
            return new URI("https", uri.getRawAuthority(), uri.getRawPath(), uri.getRawQuery(), null);
        } catch (java.net.URISyntaxException e) {
            return uri;
        }
    }

    /** What the issuer's page says went wrong (Keycloak: the error or feedback line), for the failure message. */
    private static String errorText(String html) {
        Matcher message = Pattern.compile("(?is)<(?:p|span|div)[^>]*(?:kc-feedback-text|instruction|alert|error)[^>]*>(.*?)</")
                .matcher(html);
        return message.find() ? message.group(1).strip() : html.substring(0, Math.min(300, html.length()));
    }

    private String code(URI callback, String state) {
        Map<String, String> parameters = parse(callback.getRawQuery());
        if (!state.equals(parameters.get("state")) || !parameters.containsKey("code")) {
            throw new IllegalStateException("Unexpected answer to the client: " + callback);
        }
        return parameters.get("code");
    }

    /** The hidden fields of the page's form with a password field, and its action (under a key no field has). */
    private static Map<String, String> loginForm(String html) {
        Matcher forms = FORM.matcher(html);
        while (forms.find()) {
            String form = forms.group();
            if (!form.toLowerCase(java.util.Locale.ROOT).contains("type=\"password\"")) {
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher action = ACTION.matcher(form.substring(0, form.indexOf('>') + 1));
            fields.put("\0action", action.find() ? unescape(action.group(1)) : "");
            Matcher hidden = HIDDEN.matcher(form);
            while (hidden.find()) {
                Matcher name = NAME.matcher(hidden.group());
                Matcher value = VALUE.matcher(hidden.group());
                if (name.find()) {
                    fields.put(unescape(name.group(1)), value.find() ? unescape(value.group(1)) : "");
                }
            }
            return fields;
        }
        throw new IllegalStateException("No login form with a password field in the issuer's page");
    }

    private static String unescape(String html) {
        return html.replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
                .replace("&gt;", ">");
    }

    /** The tokens of one login. */
    public record Tokens(String accessToken, String idToken, String refreshToken) {
    }

    // --- HTTP -----------------------------------------------------------------------------------------------

    /** A client as a browser is one: HTTP/1.1, redirects followed by hand, with {@code cookies} when given. */
    private static HttpClient client(CookieHandler cookies) {
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER);
        return (cookies == null ? builder : builder.cookieHandler(cookies)).build();
    }

    private static HttpResponse<String> get(HttpClient client, URI uri) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).header("Accept", "text/html").GET()
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> postForm(HttpClient client, URI uri, Map<String, String> form)
            throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(query(form))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI location(HttpResponse<?> response) {
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("No Location in the issuer's redirect"));
        return response.uri().resolve(location);
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
