package qc.esac.fault;

import qc.esac.kit.time.QuebecTime;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What the registration, enrolment and partner kinds share about sending a step and reading a page: a step that
 * waits for another service to learn a fact from events (sent again under a new key while the answer says "not
 * known yet"), a step whose retry was refused as already done (a key that did not replay its first answer), and
 * every item of a paged list.
 */
final class KindSteps {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** How long a client waits for a service to learn, from events, what another service accepted. */
    static final long AWAIT_MILLIS = 240_000;

    private KindSteps() {
    }

    /**
     * Sends a step, and sends it again under a new key (after a second) while its final answer says the service
     * has not learnt yet, from another service's events, what the step needs ({@code notYet}): such an answer
     * wrote nothing, but the key recorded it, so only a new key asks again, for up to {@link #AWAIT_MILLIS} after
     * the first such answer. Each key is retried as {@link Driver#send} retries. The last answer, or null when none came ({@code run.refused} says why).
     */
    static Api.Answer awaiting(Driver driver, Driver.Flow flow, Driver.Run run, String step,
                               Predicate<Api.Answer> notYet, Function<String, Api.Answer> request) {
        return awaiting(driver, flow, run, step, notYet, request, AWAIT_MILLIS);
    }

    static Api.Answer awaiting(Driver driver, Driver.Flow flow, Driver.Run run, String step,
                               Predicate<Api.Answer> notYet, Function<String, Api.Answer> request, long awaitMillis) {
        long deadline = Long.MAX_VALUE;
        String refusedBefore = run.refused;
        for (int attempt = 0; ; attempt++) {
            String key = run.key(attempt == 0 ? step : step + "#" + attempt);
            Api.Answer answer = driver.send(flow, run, "POST " + step, () -> request.apply(key));
            if (answer == null || !notYet.test(answer) || System.currentTimeMillis() > deadline) {
                return answer;
            }
            // The wait counts from the first "not yet": time spent retrying an unavailable service is not the
            // events' delay.
            deadline = Math.min(deadline, System.currentTimeMillis() + awaitMillis);
            run.refused = refusedBefore;
            run.facts.merge("waits", "1", (a, b) -> Integer.toString(Integer.parseInt(a) + 1));
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return answer;
            }
        }
    }

    /** Whether an answer is a problem with this code ({@code type} ends with it). */
    static boolean problem(Api.Answer answer, int status, String code) {
        return answer != null && answer.status() == status && answer.body() != null && answer.body().contains(code);
    }

    /**
     * A step sent again after a lost answer and refused as already done ({@code code}): its first attempt was
     * applied and the key did not replay that answer. Counted as a replay miss; the client goes on.
     */
    static boolean replayMissed(Driver.Flow flow, int retriesBefore, Driver.Run run, Api.Answer answer, int status,
                                String code) {
        if (flow.retries > retriesBefore && problem(answer, status, code)) {
            run.replayMissed = true;
            run.refused = null;
            return true;
        }
        return false;
    }

    /**
     * Adds an employee to the organization's roster in membership ({@code POST .../employees}, its own key), full
     * time, hired a year ago (past any waiting period); the work email (in {@code run.facts}) finds it again.
     * The answer's employee, or null when it was refused or never answered.
     */
    static JsonNode addEmployee(Driver driver, Driver.Flow flow, Driver.Run run, String jobTitle) {
        String email = run.kind + "." + flow.neq + "@faute.exemple.org";
        run.facts.put("workEmail", email);
        String employee = """
                {"firstName": "Personne", "lastName": "Faute %d", "workEmail": "%s", "jobTitle": "%s",
                 "employmentStatus": "FULL_TIME", "weeklyHours": 35, "hireDate": "%s"}"""
                .formatted(flow.n, email, jobTitle, java.time.LocalDate.now(QuebecTime.ZONE).minusYears(1));
        Api.Answer answer = driver.send(flow, run, "POST employee", () -> driver.api().post(
                driver.gateway("/api/membership/organizations/" + flow.id + "/employees"), employee,
                java.util.Map.of("Idempotency-Key", run.key("employee"))));
        if (answer == null || answer.status() / 100 != 2) {
            return null;
        }
        JsonNode added = JSON.readTree(answer.body());
        run.facts.put("employeeId", added.path("id").asString());
        return added;
    }

    /** How many entries of the organization's roster in membership (former ones included) bear this work email. */
    static int rosterCopies(Api api, FaultStack stack, String organizationId, String workEmail) {
        int copies = 0;
        for (JsonNode entry : items(api, page -> stack.uri("membership-service", "/api/membership/organizations/"
                + organizationId + "/employees?includeFormer=true&size=200&page=" + page), "membership's roster")) {
            if (workEmail.equalsIgnoreCase(entry.path("workEmail").asString())) {
                copies++;
            }
        }
        return copies;
    }

    /** The roster's outcome for an employee added once: present once (former or not), absent, or twice. */
    static CommandKind.Outcome rosterVerdict(int copies) {
        return copies == 1 ? CommandKind.Outcome.FOUND : copies == 0 ? CommandKind.Outcome.LOST
                : CommandKind.Outcome.DUPLICATED;
    }

    /** The entity tag of a resource's {@code version}, for {@code If-Match}. */
    static String etag(JsonNode resource) {
        return "\"" + resource.path("version").asLong() + "\"";
    }

    /** Every item of a paged list ({@code items}, {@code totalPages}); {@code page} gives the page's address. */
    static List<JsonNode> items(Api api, Function<Integer, URI> page, String what) {
        List<JsonNode> items = new ArrayList<>();
        int pages = 1;
        for (int n = 0; n < pages; n++) {
            Api.Answer answer = api.get(page.apply(n));
            if (answer.status() != 200) {
                throw new IllegalStateException(what + " answered " + answer.status());
            }
            JsonNode body = JSON.readTree(answer.body());
            body.path("items").forEach(items::add);
            pages = Math.max(1, body.path("totalPages").asInt(1));
        }
        return items;
    }
}
