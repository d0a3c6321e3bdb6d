package qc.esac.fault;

import qc.esac.kit.time.QuebecTime;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A group-insurance enrolment, for an organization whose membership of the insurance association's network
 * ({@link MembershipKind}, sent just before by the same organization) became active: an employee added to its
 * roster in membership, the employer's participation applied for in insurance once insurance has learnt of the
 * good standing from membership's events ({@code POST /api/insurance/participations/{org}}; "not in good standing"
 * answers are asked again under a new key), put in force by staff ({@code .../activation}, {@code If-Match}), and
 * the employee enrolled once insurance has learnt of the employee from the roster events ({@code POST
 * /api/insurance/organizations/{org}/enrolments}; "employee unknown" answers asked again under a new key). Checked
 * in insurance (the participation in the status of its last accepted step; the employee's enrolment present once
 * and active) and in membership (the employee present once). Of insurance's events, projects keeps only the
 * participation's activation, as a platform fact that no API shows by itself (only a project's indicator fed by
 * it): not checked there.
 */
final class EnrolmentKind implements CommandKind {

    static final String CLASS = "FULL_TIME";
    /** Steps: 1 employee added, 2 participation applied, 3 in force, 4 employee enrolled. */
    private static final String[] PARTICIPATION_AFTER = {"", "", "APPLIED", "ACTIVE", "ACTIVE"};

    private final int every;
    private final CommandKind membership;

    /**
     * Sent by one organization in {@code every} that also sends {@code membership} (same offset as membership's:
     * every one of them when both have the same {@code every}); the kinds' list must have membership first: it
     * makes active the membership that the participation needs.
     */
    EnrolmentKind(int every, CommandKind membership) {
        this.every = every;
        this.membership = membership;
    }

    @Override
    public String name() {
        return "enrolment";
    }

    @Override
    public boolean appliesTo(int n) {
        return membership.appliesTo(n) && n % every == 1 % every;
    }

    @Override
    public int steps() {
        return 4;
    }

    @Override
    public List<String> readModels() {
        return List.of("insurance-service", "membership-service");
    }

    /** The plan year of the current year, in force since January 1st (the demo's plan), unless it exists. */
    @Override
    public void prepare(Driver driver) {
        int year = LocalDate.now(QuebecTime.ZONE).getYear();
        if (driver.api().get(driver.gateway("/api/insurance/plan-years/" + year)).status() == 200) {
            return;
        }
        ObjectNode plan = (ObjectNode) qc.esac.demo.DemoContent.load().insurancePlan().deepCopy();
        plan.put("year", year);
        plan.put("effectiveDate", LocalDate.of(year, 1, 1).toString());
        Driver.Flow flow = new Driver.Flow(0, "plan", "0");
        Driver.Run run = new Driver.Run("plan");
        Api.Answer answer = driver.send(flow, run, "PUT plan year", () -> driver.api().put(
                driver.gateway("/api/insurance/plan-years/" + year), plan.toString(), Map.of()));
        if (answer == null || answer.status() / 100 != 2) {
            throw new IllegalStateException("Could not define the plan year " + year + ": " + run.refused);
        }
    }

    @Override
    public void drive(Driver driver, Driver.Flow flow, Driver.Run run) {
        Driver.Run member = flow.runs.get(membership.name());
        if (member == null || member.reached < membership.steps()) {
            // Only a member in good standing may join the plan: nothing sent, counted as refused.
            run.refused = "skipped: the membership did not become active";
            return;
        }
        if (KindSteps.addEmployee(driver, flow, run, "Assurée") == null) {
            return;
        }
        run.reached = 1;
        String participation = "/api/insurance/participations/" + flow.id;
        String application = """
                {"coverages": ["LIFE_ADD", "DRUGS", "PSYCHOSOCIAL"], "classCodes": ["%s"], "employerSharePercent": 50}"""
                .formatted(CLASS);
        // Insurance learns of the good standing from membership's events: until then, 422 membre-sans-bon-standing.
        Api.Answer answer = KindSteps.awaiting(driver, flow, run, "participation",
                a -> KindSteps.problem(a, 422, "participation.membre-sans-bon-standing"),
                key -> driver.api().post(driver.gateway(participation), application, Map.of("Idempotency-Key", key)));
        if (answer == null || answer.status() != 200) {
            return;
        }
        run.reached = 2;
        String version = KindSteps.etag(KindSteps.JSON.readTree(answer.body()));
        String activation = """
                {"effectiveDate": "%s"}""".formatted(LocalDate.now(QuebecTime.ZONE));
        answer = driver.send(flow, run, "POST activation", () -> driver.api().post(
                driver.gateway(participation + "/activation"), activation,
                Map.of("Idempotency-Key", run.key("activation"), "If-Match", version)));
        if (answer == null || !(answer.status() == 200 || answer.status() == 412 && run.replayMissed)) {
            return;
        }
        run.refused = null;
        run.reached = 3;
        String employeeId = run.facts.get("employeeId");
        String enrolment = """
                {"employeeId": "%s", "classCode": "%s", "birthDate": "1990-05-17", "annualSalary": 42000}"""
                .formatted(employeeId, CLASS);
        // Insurance learns of the employee from membership's roster events: until then, 404 employe-inconnu.
        answer = KindSteps.awaiting(driver, flow, run, "enrolment",
                a -> KindSteps.problem(a, 404, "adhesion.employe-inconnu"),
                key -> driver.api().post(driver.gateway("/api/insurance/organizations/" + flow.id + "/enrolments"),
                        enrolment, Map.of("Idempotency-Key", key)));
        if (answer != null && answer.status() == 201) {
            run.id = employeeId;
            run.reached = 4;
        }
    }

    @Override
    public Map<String, Outcome> check(Api api, FaultStack stack, Driver.Flow flow, Driver.Run run) {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        Api.Answer participation = api.get(stack.uri("insurance-service", "/api/insurance/participations/" + flow.id));
        if (participation.status() != 200 && participation.status() != 404) {
            throw new IllegalStateException("insurance's participation answered " + participation.status());
        }
        List<JsonNode> enrolments = KindSteps.items(api, page -> stack.uri("insurance-service",
                "/api/insurance/organizations/" + flow.id + "/enrolments?size=100&page=" + page), "insurance's enrolments");
        outcomes.put("insurance-service", verdict(participation.status() == 200
                ? KindSteps.JSON.readTree(participation.body()) : null, enrolments, run.facts.get("employeeId"),
                run.reached, run.gaveUp()));
        outcomes.put("membership-service", KindSteps.rosterVerdict(
                KindSteps.rosterCopies(api, stack, flow.id, run.facts.get("workEmail"))));
        return outcomes;
    }

    @Override
    public boolean createdAnyway(Api api, FaultStack stack, Driver.Flow flow, Driver.Run run) {
        return run.facts.containsKey("workEmail")
                && KindSteps.rosterCopies(api, stack, flow.id, run.facts.get("workEmail")) > 0;
    }

    /**
     * Insurance's outcome given the organization's participation (null: none), its enrolments and how many steps
     * the client got accepted: the participation in the status of the last accepted step (none before the
     * application), and the employee enrolled once, active, exactly when the enrolment was accepted. A step the
     * client gave up on without a final answer ({@code gaveUp}) may or may not have been applied: either state
     * is right then.
     */
    static Outcome verdict(JsonNode participation, List<JsonNode> enrolments, String employeeId, int reached,
                           boolean gaveUp) {
        int copies = 0;
        JsonNode enrolment = null;
        for (JsonNode item : enrolments) {
            if (employeeId != null && employeeId.equals(item.path("employeeId").asString())) {
                enrolment = item;
                copies++;
            }
        }
        if (copies > 1) {
            return Outcome.DUPLICATED;
        }
        String expected = PARTICIPATION_AFTER[Math.min(reached, 4)];
        String status = participation == null ? "" : participation.path("status").asString();
        boolean participationRight = status.equals(expected)
                || gaveUp && status.equals(PARTICIPATION_AFTER[Math.min(reached + 1, 4)]);
        boolean enrolled = copies == 1 && "ACTIVE".equals(enrolment.path("status").asString());
        boolean enrolmentRight = reached >= 4 ? enrolled : copies == 0 || gaveUp && reached == 3 && enrolled;
        if (participationRight && enrolmentRight) {
            return Outcome.FOUND;
        }
        return reached >= 2 && participation == null || reached >= 4 && copies == 0 ? Outcome.LOST
                : Outcome.OUT_OF_ORDER;
    }
}
