package qc.esac.e2e;

import org.junit.jupiter.api.Test;
import qc.esac.local.ManagedProcess;
import qc.esac.testkit.TestInfrastructure;
import qc.esac.testkit.jwt.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The walking skeleton across two real services, each in its own JVM: an organization registered over
 * HTTP in membership reaches training's read model through Kafka, also when the broker is down at the time
 * of registration.
 */
class OrganizationJourneyIT {

    private static final String STAFF = TestTokens.staff("csmo-esac");
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Platform platform = Platform.get();

    @Test
    void anOrganizationRegisteredInMembershipIsKnownToTraining() throws Exception {
        String id = register("Regroupement des cuisines collectives de la Mauricie", "04");

        JsonNode known = awaitKnownToTraining(id, Duration.ofSeconds(30));
        assertThat(known.get("legalName").asString()).isEqualTo("Regroupement des cuisines collectives de la Mauricie");
        assertThat(known.get("regionCode").asString()).isEqualTo("04");
    }

    @Test
    void withTheBrokerDownAtRegistrationTrainingLearnsOfItOnceTheBrokerIsBack() throws Exception {
        String id;
        try (TestInfrastructure.BrokerOutage ignored = TestInfrastructure.get().brokerOutage()) {
            id = register("Coopérative de travail en entretien ménager", "12");
            assertThat(getFromTraining(id).statusCode()).as("not published while the broker is away").isEqualTo(404);
        }
        JsonNode known = awaitKnownToTraining(id, Duration.ofSeconds(60));
        assertThat(known.get("legalName").asString()).isEqualTo("Coopérative de travail en entretien ménager");
    }

    private String register(String name, String region) throws Exception {
        String neq = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        platform.membership.uri("/api/membership/organizations"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + STAFF)
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"legalName": "%s", "neq": "%s", "legalForm": "COOP_TRAVAIL", "regionCode": "%s",
                         "sectorCodes": []}
                        """.formatted(name, neq, region)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("id").asString();
    }

    private JsonNode awaitKnownToTraining(String id, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpResponse<String> response = getFromTraining(id);
        while (response.statusCode() == 404 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            response = getFromTraining(id);
        }
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> getFromTraining(String id) throws Exception {
        ManagedProcess training = platform.training;
        return http.send(HttpRequest.newBuilder(training.uri("/api/training/organizations/" + id))
                .header("Authorization", "Bearer " + STAFF).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
