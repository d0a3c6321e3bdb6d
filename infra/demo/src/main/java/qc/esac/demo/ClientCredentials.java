package qc.esac.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * An access token of a confidential client (OAuth 2 client-credentials grant), fetched from the issuer and
 * fetched again shortly before it expires.
 */
public final class ClientCredentials implements Supplier<String> {

    /** The demo loader's client of the local issuer (infra/identity's DemoDirectory): staff of every network. */
    public static final String LOADER_CLIENT = "esac-chargement-demo";
    public static final String LOADER_SECRET = "chargement-demo-secret";

    /** HTTP/1.1: the JDK's client would otherwise upgrade to HTTP/2 where the issuer offers it (Keycloak does). */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI tokenEndpoint;
    private final String clientId;
    private final String secret;
    private String token;
    private Instant renewAt = Instant.MIN;

    /** At the local issuer (infra/identity), whose token endpoint is {@code /oauth2/token}. */
    public ClientCredentials(URI issuer, String clientId, String secret) {
        this(clientId, secret, issuer.resolve("/oauth2/token"));
    }

    private ClientCredentials(String clientId, String secret, URI tokenEndpoint) {
        this.tokenEndpoint = tokenEndpoint;
        this.clientId = clientId;
        this.secret = secret;
    }

    /** At any issuer, given its token endpoint (Keycloak's: {@code <issuer>/protocol/openid-connect/token}). */
    public static ClientCredentials atTokenEndpoint(URI tokenEndpoint, String clientId, String secret) {
        return new ClientCredentials(clientId, secret, tokenEndpoint);
    }

    /** The demo loader's credentials at this issuer. */
    public static ClientCredentials demoLoader(URI issuer) {
        return new ClientCredentials(issuer, LOADER_CLIENT, LOADER_SECRET);
    }

    @Override
    public synchronized String get() {
        if (token == null || Instant.now().isAfter(renewAt)) {
            fetch();
        }
        return token;
    }

    private void fetch() {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Token request for " + clientId + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            var body = PlatformApi.JSON.readTree(response.body());
            token = body.get("access_token").asString();
            long lifetime = body.path("expires_in").asLong(300);
            // Renewed a minute early (or halfway for short tokens) so that no request carries an expired one.
            renewAt = Instant.now().plusSeconds(Math.max(lifetime / 2, lifetime - 60));
        } catch (IOException e) {
            throw new UncheckedIOException("Token request to " + tokenEndpoint, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
