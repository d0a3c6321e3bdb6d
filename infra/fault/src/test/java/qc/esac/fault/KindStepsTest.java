package qc.esac.fault;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A step that waits for another service to learn a fact from events: asked again under a new key until known. */
class KindStepsTest {

    private static Api.Answer answer(int status, String body) {
        return new Api.Answer(status, null, body, 1);
    }

    private static final String NOT_YET = "{\"code\": \"inscription.employe-inconnu\"}";

    @Test
    void aStepNotYetPossibleIsAskedAgainUnderANewKeyUntilItIsAndRetriesKeepTheirKey() {
        List<String> keys = new ArrayList<>();
        List<Api.Answer> answers = new ArrayList<>(List.of(answer(422, NOT_YET), answer(503, "{}"),
                answer(201, "{\"id\": \"r1\"}")));
        Driver.Flow flow = new Driver.Flow(1, "Faute", "1000000001");
        Driver.Run run = new Driver.Run("registration");
        try (Driver driver = new Driver(null, URI.create("http://127.0.0.1:1/"))) {
            Api.Answer last = KindSteps.awaiting(driver, flow, run, "registration",
                    a -> KindSteps.problem(a, 422, "inscription.employe-inconnu"), key -> {
                        keys.add(key);
                        return answers.remove(0);
                    }, 10_000);

            assertThat(last.status()).isEqualTo(201);
        }
        assertThat(keys).hasSize(3);
        assertThat(keys.get(1)).as("a new key after the recorded 'not yet'").isNotEqualTo(keys.get(0));
        assertThat(keys.get(2)).as("the same key when retrying a 503").isEqualTo(keys.get(1));
        assertThat(run.refused).as("the 'not yet' was no refusal").isNull();
    }

    @Test
    void theWaitCountsFromTheFirstNotYetNotFromTimeSpentRetryingAnUnavailableService() {
        List<Api.Answer> answers = new ArrayList<>(List.of(answer(503, "{}"), answer(503, "{}"), answer(503, "{}"),
                answer(503, "{}"), answer(422, NOT_YET), answer(201, "{\"id\": \"r1\"}")));
        Driver.Flow flow = new Driver.Flow(1, "Faute", "1000000001");
        Driver.Run run = new Driver.Run("registration");
        try (Driver driver = new Driver(null, URI.create("http://127.0.0.1:1/"))) {
            // Four 503s retried half a second apart: 2 s unavailable, longer than the wait allowed for events.
            Api.Answer last = KindSteps.awaiting(driver, flow, run, "registration",
                    a -> KindSteps.problem(a, 422, "inscription.employe-inconnu"), key -> answers.remove(0), 1_500);

            assertThat(last.status()).isEqualTo(201);
        }
    }

    @Test
    void aStepStillNotPossibleAfterTheWaitIsRefusedWithItsLastAnswer() {
        Driver.Flow flow = new Driver.Flow(1, "Faute", "1000000001");
        Driver.Run run = new Driver.Run("registration");
        try (Driver driver = new Driver(null, URI.create("http://127.0.0.1:1/"))) {
            Api.Answer last = KindSteps.awaiting(driver, flow, run, "registration",
                    a -> KindSteps.problem(a, 422, "inscription.employe-inconnu"), key -> answer(422, NOT_YET), 1_500);

            assertThat(last.status()).isEqualTo(422);
        }
        assertThat(run.refused).contains("registration 422");
        assertThat(run.facts.get("waits")).isNotNull();
    }
}
