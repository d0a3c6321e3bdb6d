package qc.esac.testkit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every service must show once started on a broker and a store: live, ready (readiness includes
 * Kafka and MongoDB), metrics including the outbox backlog, its OpenAPI document (every POST operation
 * offering the optional Idempotency-Key header), and a French problem for an unknown route. A service's
 * test extends it with {@code @SpringBootTest(webEnvironment = RANDOM_PORT)}.
 */
public abstract class ServiceStartupContract {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    protected int port;

    @Test
    void isLiveAndReadyWithItsBrokerAndStore() throws Exception {
        HttpResponse<String> readiness = get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"status\":\"UP\"");
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    }

    @Test
    void exposesPrometheusMetricsIncludingTheOutboxBacklog() throws Exception {
        HttpResponse<String> metrics = get("/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("esac_outbox_backlog").contains("esac_outbox_oldest_age_seconds");
    }

    @Test
    void publishesItsOpenApiDocument() throws Exception {
        HttpResponse<String> docs = get("/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("\"openapi\"");
    }

    @Test
    void offersAnIdempotencyKeyOnEveryPostOperation() throws Exception {
        JsonNode paths = JsonMapper.builder().build().readTree(get("/v3/api-docs").body()).path("paths");
        List<String> withoutKey = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            JsonNode post = path.getValue().get("post");
            if (post != null && post.path("parameters").valueStream().noneMatch(parameter ->
                    "Idempotency-Key".equals(parameter.path("name").asString())
                            && "header".equals(parameter.path("in").asString()))) {
                withoutKey.add("POST " + path.getKey());
            }
        }
        assertThat(withoutKey).as("POST operations without the Idempotency-Key header (service kit)").isEmpty();
    }

    @Test
    void answersAnUnknownRouteWithAFrenchProblem() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/route-qui-n-existe-pas"))
                .header("Authorization", "Bearer " + qc.esac.testkit.jwt.TestTokens.staff()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"title\":\"Route inconnue\"");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
