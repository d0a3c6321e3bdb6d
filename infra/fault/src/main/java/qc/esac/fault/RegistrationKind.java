package qc.esac.fault;

import qc.esac.kit.time.QuebecTime;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A training registration: an employee added to the organization's roster in membership ({@code POST
 * .../employees}), registered by staff to one of the suite's open training sessions once training has learnt of
 * the employee from membership's roster events ({@code POST /api/training/sessions/{id}/registrations} with the
 * {@code employeeId}; "employee unknown" answers are asked again under a new key), and, for one in two, cancelled
 * ({@code POST .../registrations/{rid}/cancel}; the API takes no {@code If-Match}). Checked in training (the
 * session's registrations: the employee's registration present once, cancelled exactly when its cancellation was
 * accepted; read from the person's registrations) and in membership (the employee present once). Registration events have no consumer that keeps them
 * (projects reads only attestations from training's topic).
 */
final class RegistrationKind implements CommandKind {

    /** The suite's sessions, open for registrations (several: one session is one document, written by each). */
    static final int SESSIONS = 8;
    /** Steps: 1 employee added, 2 registered, 3 every planned step done (the cancellation, for those that cancel). */
    private static final int REGISTERED = 2;

    private final int every;
    private final List<String> sessions = new ArrayList<>();

    /** Sent by one organization in {@code every} (offset from the other kinds). */
    RegistrationKind(int every) {
        this.every = every;
    }

    @Override
    public String name() {
        return "registration";
    }

    @Override
    public boolean appliesTo(int n) {
        return n % every == 3 % every;
    }

    @Override
    public int steps() {
        return 3;
    }

    @Override
    public List<String> readModels() {
        return List.of("training-service", "membership-service");
    }

    /** Whether the {@code n}th organization's registration is cancelled once made (one in two). */
    static boolean cancels(int n, int every) {
        return (n / every) % 2 == 1;
    }

    /** A course of the demo catalogue, and {@link #SESSIONS} sessions of it a month away, opened. */
    @Override
    public void prepare(Driver driver) {
        JsonNode course = qc.esac.demo.DemoContent.load().training().get("courses").get(0).deepCopy();
        ((tools.jackson.databind.node.ObjectNode) course).remove("key");
        Driver.Flow flow = new Driver.Flow(0, "training", "0");
        Driver.Run run = new Driver.Run("sessions");
        Api.Answer created = driver.send(flow, run, "POST course", () -> driver.api().post(
                driver.gateway("/api/training/courses"), course.toString(), Map.of("Idempotency-Key", run.key("course"))));
        require(created, "course", run);
        String courseId = KindSteps.JSON.readTree(created.body()).path("id").asString();
        LocalDate start = LocalDate.now(QuebecTime.ZONE).plusDays(40);
        for (int i = 0; i < SESSIONS; i++) {
            String session = """
                    {"courseId": "%s", "startDate": "%s", "endDate": "%s", "hours": 6, "mode": "ONLINE_SYNCHRONOUS",
                     "location": "Séance de la suite de fautes %d", "seats": 1000, "memberPrice": 95,
                     "nonMemberPrice": 165, "registrationDeadline": "%s"}"""
                    .formatted(courseId, start, start, i + 1, start.minusDays(7));
            int index = i;
            Api.Answer scheduled = driver.send(flow, run, "POST session", () -> driver.api().post(
                    driver.gateway("/api/training/sessions"), session,
                    Map.of("Idempotency-Key", run.key("session" + index))));
            require(scheduled, "session", run);
            String id = KindSteps.JSON.readTree(scheduled.body()).path("id").asString();
            Api.Answer opened = driver.send(flow, run, "POST open", () -> driver.api().post(
                    driver.gateway("/api/training/sessions/" + id + "/open"), null,
                    Map.of("Idempotency-Key", run.key("open" + index))));
            require(opened, "opened session", run);
            sessions.add(id);
        }
    }

    private static void require(Api.Answer answer, String what, Driver.Run run) {
        if (answer == null || answer.status() / 100 != 2) {
            throw new IllegalStateException("Could not create the suite's training " + what + ": " + run.refused);
        }
    }

    @Override
    public void drive(Driver driver, Driver.Flow flow, Driver.Run run) {
        String session = sessions.get((flow.n / every) % sessions.size());
        run.facts.put("sessionId", session);
        if (KindSteps.addEmployee(driver, flow, run, "Participante") == null) {
            return;
        }
        run.reached = 1;
        String employeeId = run.facts.get("employeeId");
        String path = "/api/training/sessions/" + session + "/registrations";
        String registration = """
                {"organizationId": "%s", "employeeId": "%s"}""".formatted(flow.id, employeeId);
        // Training learns of the employee from membership's roster events: until then, 422 employe-inconnu.
        Api.Answer answer = KindSteps.awaiting(driver, flow, run, "registration",
                a -> KindSteps.problem(a, 422, "inscription.employe-inconnu"),
                key -> driver.api().post(driver.gateway(path), registration, Map.of("Idempotency-Key", key)));
        if (answer == null || answer.status() != 201) {
            return;
        }
        run.id = KindSteps.JSON.readTree(answer.body()).path("id").asString();
        run.reached = REGISTERED;
        if (!cancels(flow.n, every)) {
            run.reached = 3;
            return;
        }
        int retriesBefore = flow.retries;
        answer = driver.send(flow, run, "POST cancel", () -> driver.api().post(
                driver.gateway(path + "/" + run.id + "/cancel"), null, Map.of("Idempotency-Key", run.key("cancel"))));
        if (answer != null && (answer.status() == 200
                || KindSteps.replayMissed(flow, retriesBefore, run, answer, 422, "inscription.deja-annulee"))) {
            run.facts.put("cancelled", "true");
            run.reached = 3;
        }
    }

    @Override
    public Map<String, Outcome> check(Api api, FaultStack stack, Driver.Flow flow, Driver.Run run) {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        String session = run.facts.get("sessionId");
        // The person's registrations (a session's whole list would log a read of every participant each time); a
        // person with none is refused (403 acces.personne-refusee) even to staff, who see every registration.
        URI person = stack.uri("training-service", "/api/training/people/" + run.facts.get("employeeId")
                + "/registrations?size=500");
        List<JsonNode> registrations = KindSteps.problem(api.get(person), 403, "acces.personne-refusee") ? List.of()
                : KindSteps.items(api, page -> URI.create(person + "&page=" + page), "training's registrations")
                .stream().filter(r -> session.equals(r.path("sessionId").asString())).toList();
        // A registration the client gave up on (no final answer) may or may not exist: only duplicates count then.
        Boolean registered = run.reached >= REGISTERED ? Boolean.TRUE : run.gaveUp() ? null : Boolean.FALSE;
        Boolean cancelled = "true".equals(run.facts.get("cancelled")) ? Boolean.TRUE
                : run.reached == REGISTERED && run.gaveUp() ? null : Boolean.FALSE;
        outcomes.put("training-service", verdict(registrations, run.facts.get("employeeId"), registered, cancelled));
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
     * The outcome for one employee's registration given the session's registrations, whether the client got it
     * registered ({@code registered}) and its cancellation accepted ({@code cancelled}; either null: the client gave
     * up on that step without a final answer, so it may or may not have been applied): one
     * registration of this person, active (confirmed or waiting) or cancelled as the client last learnt. A
     * registration present although the client was refused one is out of order (a step applied that the client was
     * told was not).
     */
    static Outcome verdict(List<JsonNode> registrations, String employeeId, Boolean registered, Boolean cancelled) {
        JsonNode found = null;
        int copies = 0;
        for (JsonNode registration : registrations) {
            if (employeeId != null && employeeId.equals(registration.path("personId").asString())) {
                found = registration;
                copies++;
            }
        }
        if (copies > 1) {
            return Outcome.DUPLICATED;
        }
        if (registered == null) {
            return Outcome.FOUND;
        }
        if (!registered) {
            return copies == 0 ? Outcome.FOUND : Outcome.OUT_OF_ORDER;
        }
        if (copies == 0) {
            return Outcome.LOST;
        }
        boolean isCancelled = "CANCELLED".equals(found.path("status").asString());
        return cancelled == null || isCancelled == cancelled ? Outcome.FOUND : Outcome.OUT_OF_ORDER;
    }
}
