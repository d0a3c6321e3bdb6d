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

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI tokenEndpoint;
    private final String clientId;
    private final String secret;
    private String token;
    private Instant renewAt = Instant.MIN;

    public ClientCredentials(URI issuer, String clientId, String secret) {
        this.tokenEndpoint = issuer.resolve("/oauth2/token");
        this.clientId = clientId;
        this.secret = secret;
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
