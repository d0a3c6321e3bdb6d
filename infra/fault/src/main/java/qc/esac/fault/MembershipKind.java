package qc.esac.fault;

import qc.esac.kit.time.QuebecTime;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A membership: the organization applies to the insurance association's network ({@code POST /memberships}), staff
 * approve it ({@code .../approval}, {@code If-Match}), and its fee is recorded ({@code .../fees}, {@code If-Match}),
 * which makes it active: standing events (applied, approved, fee recorded, activated) that training and insurance
 * consume. Checked in membership: one membership for the organization, its fee recorded once, each status reached
 * once, and the status of the last accepted step; and in training's and insurance's standings (their organization
 * read, {@link Effects#readModel}): the organization's one standing in the network, set by this membership, in that
 * status.
 */
final class MembershipKind implements CommandKind {

    /** insurance-service's network ({@code INSURANCE_NETWORK_ID}); the demo client is staff of it. */
    static final String NETWORK = "aacocq";
    static final String CATEGORY = "REGULAR";
    static final int FEE = 100;
    private static final String[] STATUS_AFTER = {"", "APPLIED", "APPROVED", "ACTIVE"};
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The services that consume the standing events and show them in their organization read. */
    private static final List<String> CONSUMERS = List.of("training-service", "insurance-service");

    private final int every;

    /** Sent by one organization in {@code every}. */
    MembershipKind(int every) {
        this.every = every;
    }

    @Override
    public String name() {
        return "membership";
    }

    @Override
    public boolean appliesTo(int n) {
        return n % every == 1 % every;
    }

    @Override
    public int steps() {
        return 3;
    }

    @Override
    public List<String> readModels() {
        return List.of("membership-service", "training-service", "insurance-service");
    }

    @Override
    public void prepare(Driver driver) {
        String network = """
                {"id": "%s", "name": "Réseau de la suite de fautes", "fiscalYearEnd": "12-31", "renewalWindowDays": 45,
                 "graceDays": 60, "categories": [{"code": "%s", "nameFr": "Membre régulier", "nameEn": "Regular member",
                 "votingRights": true, "annualFee": %d}]}""".formatted(NETWORK, CATEGORY, FEE);
        Driver.Flow flow = new Driver.Flow(0, "network", "0");
        Driver.Run run = new Driver.Run("network");
        if (driver.api().get(driver.gateway("/api/membership/networks/" + NETWORK)).status() == 200) {
            return;
        }
        Api.Answer answer = driver.send(flow, run, "POST network", () -> driver.api().post(
                driver.gateway("/api/membership/networks"), network, Map.of("Idempotency-Key", run.key("network"))));
        if (answer == null || answer.status() != 201 && answer.status() != 200 && answer.status() != 409) {
            throw new IllegalStateException("Could not create network " + NETWORK + ": " + run.refused);
        }
    }

    @Override
    public void drive(Driver driver, Driver.Flow flow, Driver.Run run) {
        Api api = driver.api();
        String application = """
                {"organizationId": "%s", "networkId": "%s", "category": "%s"}""".formatted(flow.id, NETWORK, CATEGORY);
        Api.Answer answer = driver.send(flow, run, "POST membership", () -> api.post(
                driver.gateway("/api/membership/memberships"), application, Map.of("Idempotency-Key", run.key("apply"))));
        if (answer == null || answer.status() / 100 != 2) {
            return;
        }
        JsonNode membership = JSON.readTree(answer.body());
        run.id = membership.path("id").asString();
        run.reached = 1;
        String path = "/api/membership/memberships/" + run.id;
        membership = step(driver, flow, run, path, "approval", """
                {"reason": "Approuvée par la suite de fautes"}""", membership);
        if (membership == null) {
            return;
        }
        run.reached = 2;
        membership = step(driver, flow, run, path, "fees", """
                {"amount": %d, "paidOn": "%s", "method": "TRANSFER", "reference": "FAUTE-%d"}"""
                .formatted(FEE, LocalDate.now(QuebecTime.ZONE), flow.n), membership);
        if (membership != null) {
            run.reached = 3;
        }
    }

    /** One {@code If-Match} step on the membership; its new state, or null when it was refused or never answered. */
    private static JsonNode step(Driver driver, Driver.Flow flow, Driver.Run run, String path, String step, String body,
                                 JsonNode before) {
        String version = "\"" + before.path("version").asLong() + "\"";
        Api.Answer answer = driver.send(flow, run, "POST " + step, () -> driver.api().post(
                driver.gateway(path + "/" + step), body, Map.of("Idempotency-Key", run.key(step), "If-Match", version)));
        if (answer == null) {
            return null;
        }
        if (answer.status() == 412 && run.replayMissed) {
            // Applied by an attempt whose answer was lost (counted as a replay miss): go on from what it wrote.
            Api.Answer now = driver.api().get(driver.gateway(path));
            run.refused = null;
            return now.status() == 200 ? JSON.readTree(now.body()) : null;
        }
        return answer.status() == 200 ? JSON.readTree(answer.body()) : null;
    }

    @Override
    public Map<String, Outcome> check(Api api, FaultStack stack, Driver.Flow flow, Driver.Run run) {
        Map<String, Outcome> outcomes = new HashMap<>();
        outcomes.put("membership-service", verdict(memberships(api, stack, flow), flow.id, run.reached));
        for (String consumer : CONSUMERS) {
            outcomes.put(consumer, standingVerdict(Effects.readModel(api, stack, consumer, flow.id), run.id,
                    run.reached));
        }
        return outcomes;
    }

    /**
     * The outcome in a consumer's organization read ({@code null}: organization unknown there yet) for the membership
     * {@code membershipId} after {@code reached} steps: one standing in the network, this membership's, in the status
     * (and good standing) of the last step. Another membership's standing there means a second one was created.
     */
    static Outcome standingVerdict(JsonNode organization, String membershipId, int reached) {
        JsonNode found = null;
        int copies = 0;
        for (JsonNode standing : organization == null ? JSON.createArrayNode() : organization.path("standings")) {
            if (NETWORK.equals(standing.path("networkId").asString())) {
                found = standing;
                copies++;
            }
        }
        if (copies == 0) {
            return Outcome.LOST;
        }
        if (copies > 1 || !membershipId.equals(found.path("membershipId").asString())) {
            return Outcome.DUPLICATED;
        }
        boolean active = reached >= 3;
        return STATUS_AFTER[Math.min(reached, 3)].equals(found.path("status").asString())
                && found.path("goodStanding").asBoolean() == active ? Outcome.FOUND : Outcome.OUT_OF_ORDER;
    }

    @Override
    public boolean createdAnyway(Api api, FaultStack stack, Driver.Flow flow, Driver.Run run) {
        return count(memberships(api, stack, flow), flow.id) > 0;
    }

    private static JsonNode memberships(Api api, FaultStack stack, Driver.Flow flow) {
        Api.Answer answer = api.get(stack.uri("membership-service", "/api/membership/memberships?size=50&networkId="
                + NETWORK + "&organizationId=" + URLEncoder.encode(flow.id, StandardCharsets.UTF_8)));
        if (answer.status() != 200) {
            throw new IllegalStateException("membership's memberships answered " + answer.status());
        }
        return JSON.readTree(answer.body());
    }

    private static int count(JsonNode page, String organizationId) {
        int n = 0;
        for (JsonNode item : page.path("items")) {
            if (organizationId.equals(item.path("organizationId").asString())) {
                n++;
            }
        }
        return n;
    }

    /**
     * The outcome for an organization's membership given the memberships page and how many steps the client got
     * accepted (1 applied, 2 approved, 3 fee recorded): one membership, no status reached twice, as many fees as
     * were recorded, in the status of the last step.
     */
    static Outcome verdict(JsonNode page, String organizationId, int reached) {
        JsonNode found = null;
        int copies = 0;
        for (JsonNode item : page.path("items")) {
            if (organizationId.equals(item.path("organizationId").asString())) {
                found = item;
                copies++;
            }
        }
        if (copies == 0) {
            return Outcome.LOST;
        }
        if (copies > 1) {
            return Outcome.DUPLICATED;
        }
        Map<String, Integer> reachedTimes = new HashMap<>();
        for (JsonNode step : found.path("history")) {
            if (reachedTimes.merge(step.path("to").asString(), 1, Integer::sum) > 1) {
                return Outcome.DUPLICATED;
            }
        }
        int fees = found.path("fees").size();
        int expectedFees = reached >= 3 ? 1 : 0;
        if (fees > expectedFees) {
            return Outcome.DUPLICATED;
        }
        if (fees < expectedFees || !STATUS_AFTER[Math.min(reached, 3)].equals(found.path("status").asString())) {
            return Outcome.OUT_OF_ORDER;
        }
        return Outcome.FOUND;
    }
}
