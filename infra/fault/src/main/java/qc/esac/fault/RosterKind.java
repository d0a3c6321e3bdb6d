package qc.esac.fault;

import qc.esac.kit.time.QuebecTime;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A roster change: an employee added to the organization's roster ({@code POST .../employees}) then leaving
 * ({@code POST .../employees/{id}/departure}, {@code If-Match}): two roster events (employee added, employee left)
 * that training and insurance consume. Checked in membership's roster (former employees included): the entry
 * present once, ended if its departure was accepted; and the same in training's and insurance's rosters (their
 * organization read, {@link Effects#readModel}: entries by id with their end date, no names).
 */
final class RosterKind implements CommandKind {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The services that consume the roster events and show them in their organization read. */
    private static final List<String> CONSUMERS = List.of("training-service", "insurance-service");

    private final int every;

    /** Sent by one organization in {@code every} (offset from the memberships, not the same organizations). */
    RosterKind(int every) {
        this.every = every;
    }

    @Override
    public String name() {
        return "roster";
    }

    @Override
    public boolean appliesTo(int n) {
        return n % every == 2 % every;
    }

    @Override
    public int steps() {
        return 2;
    }

    @Override
    public List<String> readModels() {
        return List.of("membership-service", "training-service", "insurance-service");
    }

    @Override
    public void drive(Driver driver, Driver.Flow flow, Driver.Run run) {
        Api api = driver.api();
        String email = "employe." + flow.neq + "@faute.exemple.org";
        run.facts.put("workEmail", email);
        String path = "/api/membership/organizations/" + flow.id + "/employees";
        String employee = """
                {"firstName": "Employé", "lastName": "Faute %d", "workEmail": "%s", "jobTitle": "Animateur",
                 "employmentStatus": "FULL_TIME", "weeklyHours": 35, "hireDate": "%s"}"""
                .formatted(flow.n, email, LocalDate.now(QuebecTime.ZONE).minusYears(1));
        Api.Answer answer = driver.send(flow, run, "POST employee", () -> api.post(driver.gateway(path), employee,
                Map.of("Idempotency-Key", run.key("add"))));
        if (answer == null || answer.status() / 100 != 2) {
            return;
        }
        JsonNode added = JSON.readTree(answer.body());
        run.id = added.path("id").asString();
        run.reached = 1;
        String version = "\"" + added.path("version").asLong() + "\"";
        String departure = """
                {"endDate": "%s", "reason": "Départ (suite de fautes)"}""".formatted(LocalDate.now(QuebecTime.ZONE));
        answer = driver.send(flow, run, "POST departure", () -> api.post(
                driver.gateway(path + "/" + run.id + "/departure"), departure,
                Map.of("Idempotency-Key", run.key("departure"), "If-Match", version)));
        if (answer != null && (answer.status() == 200 || answer.status() == 412 && run.replayMissed)) {
            run.refused = null;
            run.reached = 2;
        }
    }

    @Override
    public Map<String, Outcome> check(Api api, FaultStack stack, Driver.Flow flow, Driver.Run run) {
        Map<String, Outcome> outcomes = new HashMap<>();
        outcomes.put("membership-service", verdict(roster(api, stack, flow), run.facts.get("workEmail"), run.reached));
        for (String consumer : CONSUMERS) {
            outcomes.put(consumer, consumerVerdict(Effects.readModel(api, stack, consumer, flow.id), run.id,
                    run.reached));
        }
        return outcomes;
    }

    /**
     * The outcome in a consumer's organization read ({@code null}: organization unknown there yet) for the roster
     * entry {@code employeeId} after {@code reached} steps (1 added, 2 left): present once, ended exactly when the
     * departure was accepted.
     */
    static Outcome consumerVerdict(JsonNode organization, String employeeId, int reached) {
        return entryVerdict(organization == null ? JSON.createArrayNode() : organization.path("roster"),
                entry -> employeeId.equals(entry.path("id").asString()), reached);
    }

    /** Present once among {@code entries}, ended exactly when the departure was accepted ({@code reached} 2). */
    private static Outcome entryVerdict(JsonNode entries, java.util.function.Predicate<JsonNode> ours, int reached) {
        JsonNode found = null;
        int copies = 0;
        for (JsonNode entry : entries) {
            if (ours.test(entry)) {
                found = entry;
                copies++;
            }
        }
        if (copies == 0) {
            return Outcome.LOST;
        }
        if (copies > 1) {
            return Outcome.DUPLICATED;
        }
        return ended(found) == (reached >= 2) ? Outcome.FOUND : Outcome.OUT_OF_ORDER;
    }

    private static boolean ended(JsonNode entry) {
        return !entry.path("endDate").isMissingNode() && !entry.path("endDate").isNull();
    }

    @Override
    public boolean createdAnyway(Api api, FaultStack stack, Driver.Flow flow, Driver.Run run) {
        return verdict(roster(api, stack, flow), run.facts.get("workEmail"), 1) != Outcome.LOST;
    }

    private static JsonNode roster(Api api, FaultStack stack, Driver.Flow flow) {
        Api.Answer answer = api.get(stack.uri("membership-service", "/api/membership/organizations/" + flow.id
                + "/employees?includeFormer=true&size=200"));
        if (answer.status() != 200) {
            throw new IllegalStateException("membership's roster answered " + answer.status());
        }
        return JSON.readTree(answer.body());
    }

    /**
     * The outcome for one employee (by work email) given the roster page and how many steps the client got accepted
     * (1 added, 2 left): present once, ended exactly when the departure was accepted.
     */
    static Outcome verdict(JsonNode page, String workEmail, int reached) {
        return entryVerdict(page.path("items"), item -> workEmail.equalsIgnoreCase(item.path("workEmail").asString()),
                reached);
    }
}
