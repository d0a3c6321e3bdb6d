package qc.esac.e2e;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole stack through the gateway with real tokens from the real issuer: what a web or mobile client and a
 * partner see.
 */
class PlatformThroughGatewayIT {

    private final FullStack stack = FullStack.get();
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void staffRegistersAnOrganizationThatTrainingThenKnows() throws Exception {
        String staff = stack.staffToken();
        HttpResponse<String> created = registerOrganization(staff, "Cuisine collective des Trois-Rivières");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).as("links name the gateway, not the service")
                .hasValueSatisfying(location -> assertThat(location).startsWith(stack.gateway("/").toString()));
        String id = json.readTree(created.body()).get("id").asString();

        HttpResponse<String> read = get("/api/membership/organizations/" + id, staff);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(json.readTree(read.body()).get("legalName").asString())
                .isEqualTo("Cuisine collective des Trois-Rivières");

        JsonNode known = await("/api/training/organizations/" + id, staff, Duration.ofSeconds(60));
        assertThat(known.get("legalName").asString()).isEqualTo("Cuisine collective des Trois-Rivières");
    }

    @Test
    void withoutATokenTheGatewayAnswersAFrenchProblem() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                stack.gateway("/api/membership/organizations/any")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json.readTree(response.body()).get("title").asString()).isNotBlank()
                .isNotEqualToIgnoringCase("Unauthorized");
    }

    @Test
    void aPartnerCannotRegisterOrganizations() throws Exception {
        HttpResponse<String> response = registerOrganization(stack.partnerToken(), "Organisme d’un partenaire");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    private HttpResponse<String> registerOrganization(String token, String name) throws Exception {
        String neq = Long.toString(ThreadLocalRandom.current().nextLong(1_100_000_000L, 1_199_999_999L));
        return http.send(HttpRequest.newBuilder(stack.gateway("/api/membership/organizations"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"legalName": "%s", "neq": "%s", "legalForm": "OBNL", "regionCode": "04", "sectorCodes": []}
                        """.formatted(name, neq)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(stack.gateway(path)).header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode await(String path, String token, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpResponse<String> response = get(path, token);
        while (response.statusCode() == 404 && System.nanoTime() < deadline) {
            Thread.sleep(250);
            response = get(path, token);
        }
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }
}
