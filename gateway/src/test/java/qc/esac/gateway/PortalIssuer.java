package qc.esac.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The OIDC side of an issuer for the portal's sign-in at the gateway (backend-for-frontend): discovery, an
 * authorization endpoint that signs in whoever the test chose without a form, and a token endpoint for the
 * authorization code and refresh token grants. Access tokens are {@link TestIssuer}'s (the API's issuer, audience
 * and key) with the lifetime the test chooses, so that the gateway's refresh of an expired one can be seen; the
 * test may also revoke refresh tokens. (The real issuer's flows are tested in infra/identity, the real sign-in in
 * the browser tests of infra/e2e.)
 */
final class PortalIssuer {

    private final TestIssuer tokens;
    private final HttpServer server;
    private final String issuer;
    /** Who the authorization endpoint signs in next, and their access tokens' lifetime. */
    private volatile String nextSubject = "personnel-portail";
    private volatile Duration accessTokenLifetime = Duration.ofMinutes(10);
    private final Map<String, String[]> codes = new ConcurrentHashMap<>();
    private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();
    private final List<String> grants = new CopyOnWriteArrayList<>();
    private final List<String> accessTokens = new CopyOnWriteArrayList<>();

    PortalIssuer(TestIssuer tokens) {
        this.tokens = tokens;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/oidc";
        server.createContext("/oidc/.well-known/openid-configuration", exchange -> json(exchange, 200, """
                {"issuer": "%1$s", "authorization_endpoint": "%1$s/authorize", "token_endpoint": "%1$s/token",
                 "jwks_uri": "%2$s", "response_types_supported": ["code"], "subject_types_supported": ["public"],
                 "id_token_signing_alg_values_supported": ["RS256"],
                 "grant_types_supported": ["authorization_code", "refresh_token"]}
                """.formatted(issuer, tokens.jwkSetUri())));
        server.createContext("/oidc/authorize", this::authorize);
        server.createContext("/oidc/token", this::token);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "portal-issuer");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    String issuerUri() {
        return issuer;
    }

    /** The next sign-in is this person's, with access tokens living {@code lifetime}. */
    void nextSignIn(String subject, Duration lifetime) {
        this.nextSubject = subject;
        this.accessTokenLifetime = lifetime;
    }

    /** Refresh tokens issued to {@code subject} are refused from now on (revoked at the issuer, or expired). */
    void revokeRefreshTokensOf(String subject) {
        refreshTokens.forEach((refresh, owner) -> {
            if (owner.equals(subject)) {
                revoked.add(refresh);
            }
        });
    }

    /** The grant types the token endpoint received, in order. */
    List<String> grants() {
        return List.copyOf(grants);
    }

    /** The access tokens issued, in order. */
    List<String> accessTokens() {
        return List.copyOf(accessTokens);
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        String code = UUID.randomUUID().toString();
        codes.put(code, new String[] {nextSubject, query.get("nonce"), query.get("client_id")});
        String location = query.get("redirect_uri") + "?code=" + code + "&state="
                + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String grant = body.get("grant_type");
        grants.add(grant);
        if ("authorization_code".equals(grant)) {
            String[] signedIn = codes.remove(body.get("code"));
            if (signedIn == null) {
                json(exchange, 400, "{\"error\": \"invalid_grant\"}");
                return;
            }
            String refresh = UUID.randomUUID().toString();
            refreshTokens.put(refresh, signedIn[0]);
            Instant now = Instant.now();
            String idToken = tokens.signed(new JWTClaimsSet.Builder().issuer(issuer).subject(signedIn[0])
                    .audience(signedIn[2]).claim("nonce", signedIn[1]).claim("name", "Personne Fictive")
                    .claim("preferred_username", signedIn[0]).issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plus(Duration.ofMinutes(10)))).build());
            json(exchange, 200, tokenResponse(signedIn[0], refresh, ", \"id_token\": \"" + idToken + "\""));
        }
        else if ("refresh_token".equals(grant)) {
            String refresh = body.get("refresh_token");
            String owner = refreshTokens.get(refresh);
            if (owner == null || revoked.contains(refresh)) {
                json(exchange, 400, "{\"error\": \"invalid_grant\"}");
                return;
            }
            json(exchange, 200, tokenResponse(owner, refresh, ""));
        }
        else {
            json(exchange, 400, "{\"error\": \"unsupported_grant_type\"}");
        }
    }

    private String tokenResponse(String subject, String refresh, String more) {
        String access = tokens.staffFor(subject, "reseau-test", accessTokenLifetime);
        accessTokens.add(access);
        return "{\"access_token\": \"%s\", \"token_type\": \"Bearer\", \"expires_in\": %d, \"refresh_token\": \"%s\", \"scope\": \"openid\"%s}"
                .formatted(access, Math.max(1, accessTokenLifetime.toSeconds()), refresh, more);
    }

    private static Map<String, String> form(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return Map.of();
        }
        return Arrays.stream(encoded.split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                        pair -> pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : "",
                        (first, second) -> first));
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Connection", "close");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
