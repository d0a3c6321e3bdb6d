package qc.esac.testkit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service's OpenAPI document is the one committed beside its pom ({@code openapi.json}), from which infra/e2e
 * generates a client and which CI lints (infra/contracts-lint); and every operation is documented for clients.
 * When an API changes, refresh the file with {@code -Desac.openapi.update=true} on the service's test run and
 * commit it. A service's test extends it with {@code @SpringBootTest(webEnvironment = RANDOM_PORT)}.
 */
public abstract class ApiDocumentContract {

    /** The committed document, relative to the module's directory (where its tests run). */
    public static final Path SNAPSHOT = Path.of("openapi.json");

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @LocalServerPort
    protected int port;

    @Test
    void theCommittedDocumentIsTheServedOne() throws Exception {
        JsonNode served = normalized(served());
        if (Boolean.getBoolean("esac.openapi.update")) {
            Files.writeString(SNAPSHOT, json.writeValueAsString(served) + "\n", StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(SNAPSHOT)).as(SNAPSHOT.toAbsolutePath() + " (refresh: -Desac.openapi.update=true)")
                .isTrue();
        assertThat(json.readTree(Files.readString(SNAPSHOT)).equals(served))
                .as(SNAPSHOT.toAbsolutePath() + " differs from /v3/api-docs (refresh: -Desac.openapi.update=true)")
                .isTrue();
    }

    @Test
    void everyOperationIsDocumentedForClients() throws Exception {
        List<String> gaps = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : served().path("paths").properties()) {
            for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
                String name = entry.getKey().toUpperCase() + " " + path.getKey();
                JsonNode operation = entry.getValue();
                if (operation.path("summary").asString("").isBlank()
                        || operation.path("description").asString("").isBlank()) {
                    gaps.add(name + ": summary or description");
                }
                operation.path("parameters").forEach(parameter -> {
                    if ("user".equals(parameter.path("name").asString())) {
                        gaps.add(name + ": the signed-in caller as a parameter");
                    }
                });
                boolean open = operation.path("security").isArray() && operation.path("security").isEmpty();
                for (String status : open ? List.of("429") : List.of("401", "403", "429")) {
                    if (!operation.path("responses").has(status)) {
                        gaps.add(name + ": no " + status);
                    }
                }
                operation.path("responses").properties().forEach(response -> {
                    if (!response.getKey().startsWith("2") && !response.getValue()
                            .at("/content/application~1problem+json/schema/$ref").asString("").endsWith("/Problem")) {
                        gaps.add(name + ": " + response.getKey() + " is not a Problem");
                    }
                });
            }
        }
        assertThat(gaps).isEmpty();
    }

    private JsonNode served() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/v3/api-docs")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    /** Without the instance's own address (the gateway names itself as server), tags in name order. */
    private static JsonNode normalized(JsonNode document) {
        ObjectNode copy = (ObjectNode) document.deepCopy();
        copy.remove("servers");
        if (copy.get("tags") instanceof ArrayNode tags) {
            List<JsonNode> sorted = new ArrayList<>();
            tags.forEach(sorted::add);
            sorted.sort(Comparator.comparing(tag -> tag.path("name").asString()));
            tags.removeAll().addAll(sorted);
        }
        return copy;
    }
}
