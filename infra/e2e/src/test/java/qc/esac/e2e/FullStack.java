package qc.esac.e2e;

import qc.esac.local.LocalOptions;
import qc.esac.local.LocalStack;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

/**
 * The whole platform as a newcomer starts it (infra/local's stack: broker and store, identity provider, the
 * four services and the gateway, each component in its own JVM), started once per test JVM on ports that do
 * not collide with a developer's running stack. Tests talk to the gateway only, with tokens from the issuer.
 */
final class FullStack {

    private static final Path ROOT = Path.of(System.getProperty("esac.root", "../.."));
    private static final int PORT_OFFSET = 10_000;
    private static volatile FullStack instance;

    private final LocalStack stack;
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    private FullStack(LocalStack stack) {
        this.stack = stack;
    }

    static synchronized FullStack get() {
        if (instance == null) {
            try {
                Path data = Files.createTempDirectory("esac-e2e-stack");
                LocalStack stack = new LocalStack(LocalOptions.defaults().withDataDirectory(data).withPorts(0, 0),
                        ROOT, PORT_OFFSET);
                Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
                stack.start(Duration.ofMinutes(4));
                instance = new FullStack(stack);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    /** An address at the gateway, e.g. {@code gateway("/api/membership/organizations")}. */
    URI gateway(String path) {
        return stack.process("gateway").uri(path);
    }

    /** An access token from the identity provider for a confidential client (client-credentials grant). */
    String clientToken(String clientId, String secret) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(stack.process("identity").uri("/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Token request for " + clientId + " failed: " + response.body());
            }
            return json.readTree(response.body()).get("access_token").asString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The demo loader: staff of every network (infra/identity's DemoDirectory). */
    String staffToken() {
        return clientToken("esac-chargement-demo", "chargement-demo-secret");
    }

    /** The demo partner: read scopes only. */
    String partnerToken() {
        return clientToken("partenaire-demo", "partenaire-demo-secret");
    }
}
