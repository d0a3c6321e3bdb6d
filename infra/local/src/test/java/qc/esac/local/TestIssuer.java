package qc.esac.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A stand-in for the platform's OIDC issuer as the broker and a partner see it: a JWK set at {@code /oauth2/jwks} and
 * a client-credentials token endpoint at {@code /oauth2/token} issuing RS256 access tokens shaped like infra/identity's
 * (sub = client id, aud = esac-api, scope as a list). It can also mint tokens a real issuer would not give (forged,
 * expired, without the scope), which is what the broker's checks are tested with.
 */
final class TestIssuer implements AutoCloseable {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final HttpServer server;
    private final KeyPair key = rsa();
    private final KeyPair forger = rsa();
    private final Map<String, String> clientSecrets;

    TestIssuer(Map<String, String> clientSecrets) throws IOException {
        this.clientSecrets = Map.copyOf(clientSecrets);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/oauth2/jwks", exchange -> respond(exchange, 200, jwks()));
        server.createContext("/oauth2/token", exchange -> token(exchange, key));
        server.createContext("/forger/oauth2/token", exchange -> token(exchange, forger));
        server.start();
    }

    String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String tokenEndpoint() {
        return issuer() + "/oauth2/token";
    }

    /**
     * A token endpoint that checks the client's credentials like {@link #tokenEndpoint()} but hands out forged tokens
     * (signed with a key the issuer never published): for clients, such as kcat, that only take a token endpoint.
     */
    String forgingTokenEndpoint() {
        return issuer() + "/forger/oauth2/token";
    }

    /** A token as the issuer gives it to {@code clientId} for {@code scopes}, valid for five minutes. */
    String token(String clientId, List<String> scopes) {
        return sign(key, claims(clientId, scopes, Instant.now(), Duration.ofMinutes(5)));
    }

    /** A token whose lifetime ended a minute ago. */
    String expiredToken(String clientId, List<String> scopes) {
        return sign(key, claims(clientId, scopes, Instant.now().minus(Duration.ofMinutes(6)), Duration.ofMinutes(5)));
    }

    /** The same claims signed with a key the issuer never published. */
    String forgedToken(String clientId, List<String> scopes) {
        return sign(forger, claims(clientId, scopes, Instant.now(), Duration.ofMinutes(5)));
    }

    private String claims(String clientId, List<String> scopes, Instant issuedAt, Duration lifetime) {
        return "{\"iss\":\"" + issuer() + "\",\"sub\":\"" + clientId + "\",\"aud\":[\"" + PartnerListener.PLATFORM_AUDIENCE
                + "\",\"" + clientId + "\"],\"iat\":" + issuedAt.getEpochSecond() + ",\"nbf\":" + issuedAt.getEpochSecond()
                + ",\"exp\":" + issuedAt.plus(lifetime).getEpochSecond() + ",\"roles\":[\"partner\"],\"scope\":["
                + scopes.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(",")) + "]}";
    }

    private static String sign(KeyPair key, String claims) {
        String header = B64.encodeToString("{\"alg\":\"RS256\",\"kid\":\"test\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String body = B64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key.getPrivate());
            signature.update((header + "." + body).getBytes(StandardCharsets.US_ASCII));
            return header + "." + body + "." + B64.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String jwks() {
        RSAPublicKey publicKey = (RSAPublicKey) key.getPublic();
        return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"test\",\"n\":\""
                + B64.encodeToString(unsigned(publicKey.getModulus())) + "\",\"e\":\""
                + B64.encodeToString(unsigned(publicKey.getPublicExponent())) + "\"}]}";
    }

    /** Client credentials with HTTP Basic, as Kafka's and librdkafka's OAUTHBEARER clients send them. */
    private void token(HttpExchange exchange, KeyPair signer) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> parameters = java.util.Arrays.stream(form.split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> decode(p[0]), p -> p.length > 1 ? decode(p[1]) : "", (a, b) -> b));
        String[] credentials = authorization == null || !authorization.startsWith("Basic ") ? new String[0]
                : new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8).split(":", 2);
        if (credentials.length != 2 || !decode(credentials[1]).equals(clientSecrets.get(decode(credentials[0])))
                || !"client_credentials".equals(parameters.get("grant_type"))) {
            respond(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        List<String> scopes = List.of(parameters.getOrDefault("scope", "").split(" "));
        String token = sign(signer, claims(decode(credentials[0]), scopes, Instant.now(), Duration.ofMinutes(5)));
        respond(exchange, 200, "{\"access_token\":\"" + token
                + "\",\"token_type\":\"Bearer\",\"expires_in\":300,\"scope\":\"" + String.join(" ", scopes) + "\"}");
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
