package qc.esac.fault;

import qc.esac.local.Prometheus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the commands left behind, read through the APIs: membership (the source; one organization per command,
 * never two), and the organization read models of training, insurance and projects (each accepted command's final
 * state, present once, its events applied in order: the rename after the registration), and every outbox empty.
 */
final class Effects {

    /** The read models fed by membership's organization events: service and path of one organization. */
    static final Map<String, String> READ_MODELS = Map.of(
            "training-service", "/api/training/organizations/",
            "insurance-service", "/api/insurance/organizations/",
            "projects-service", "/api/projects/organizations/");
    private static final Pattern LEGAL_NAME = Pattern.compile("\"legalName\"\\s*:\\s*\"([^\"]*)\"");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern TOTAL_PAGES = Pattern.compile("\"totalPages\"\\s*:\\s*(\\d+)");

    private final FaultStack stack;
    private final Api api;
    private final List<CommandKind> kinds;

    Effects(FaultStack stack, Api api) {
        this(stack, api, List.of());
    }

    Effects(FaultStack stack, Api api, List<CommandKind> kinds) {
        this.stack = stack;
        this.api = api;
        this.kinds = List.copyOf(kinds);
    }

    /** The tally of one check. */
    record Tally(int accepted, int refused, int foundInSource, int duplicatedInSource,
                 Map<String, Integer> found, Map<String, Integer> lost, Map<String, Integer> outOfOrder,
                 int replayMisses, int givenUpCreated, List<String> examples, Map<String, KindTally> kinds) {

        /** Nothing left to wait for (replay misses are final: the client has its answer; waiting changes none). */
        boolean clean() {
            return duplicatedInSource == 0 && foundInSource == accepted
                    && lost.values().stream().allMatch(n -> n == 0)
                    && outOfOrder.values().stream().allMatch(n -> n == 0)
                    && kinds.values().stream().allMatch(KindTally::clean);
        }
    }

    /**
     * The tally of one {@link CommandKind}: commands started, accepted (first step), completed (every step), refused
     * or given up, the
     * steps' replay misses (a key that did not replay a first answer, or a refused first step whose effect exists
     * anyway), and each read model's outcomes for the accepted ones.
     */
    record KindTally(int started, int accepted, int completed, int refused, int replayMisses,
                     Map<String, Map<CommandKind.Outcome, Integer>> outcomes) {

        boolean clean() {
            return outcomes.values().stream().allMatch(byOutcome -> byOutcome.entrySet().stream()
                    .allMatch(e -> e.getKey() == CommandKind.Outcome.FOUND || e.getValue() == 0));
        }

        /** The broken promises in it: lost, duplicated or out of order, by read model. */
        List<String> broken(String kind) {
            List<String> broken = new ArrayList<>();
            outcomes.forEach((model, byOutcome) -> byOutcome.forEach((outcome, n) -> {
                if (outcome != CommandKind.Outcome.FOUND && n > 0) {
                    broken.add(kind + ": " + outcome.name().toLowerCase().replace('_', ' ') + " in " + model + ": " + n);
                }
            }));
            if (accepted > 0 && completed == 0) {
                broken.add(kind + ": no command completed every step");
            }
            if (replayMisses > 0) {
                broken.add(kind + ": retried steps not answered with their first answer: " + replayMisses);
            }
            return broken;
        }
    }

    /** Checks until everything is there or {@code timeoutMillis} passed; the last tally either way. */
    Tally awaitAll(List<Driver.Flow> flows, String namePrefix, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        java.util.Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        Tally tally;
        do {
            tally = check(flows, namePrefix, seen);
            if (tally.clean()) {
                return tally;
            }
            Thread.sleep(2_000);
        } while (System.currentTimeMillis() < deadline);
        return tally;
    }

    /**
     * One pass. {@code seen} holds the (read model, organization) pairs already found with their last state:
     * not asked again (a read model does not go back once right, and the passes stay short).
     */
    Tally check(List<Driver.Flow> flows, String namePrefix, java.util.Set<String> seen) {
        int accepted = 0;
        int refused = 0;
        int inSource = 0;
        int duplicated = 0;
        int replayMisses = 0;
        int givenUpCreated = 0;
        Map<String, Integer> found = new LinkedHashMap<>();
        Map<String, Integer> lost = new LinkedHashMap<>();
        Map<String, Integer> outOfOrder = new LinkedHashMap<>();
        List<String> examples = new ArrayList<>();
        READ_MODELS.keySet().stream().sorted().forEach(service -> {
            found.put(service, 0);
            lost.put(service, 0);
            outOfOrder.put(service, 0);
        });
        Map<String, Integer> copiesByName = membershipCopies(namePrefix);
        for (Driver.Flow flow : flows) {
            if (flow.replayMissed) {
                replayMisses++;
            }
            // Every registration is counted in the source, accepted or not: a refused or unanswered one must not
            // have created anything twice.
            int copies = copiesByName.getOrDefault(flow.name, 0);
            if (copies > 1) {
                duplicated++;
                example(examples, "duplicated in membership: " + flow.name + " (" + copies + ")");
            }
            if (flow.id == null) {
                refused++;
                if (replayMissed(flow, copies)) {
                    // Created, yet the client's retries with the same key never got that first answer.
                    replayMisses++;
                    example(examples, "created but refused to the client: " + flow.name + " (" + flow.refused + ")");
                } else if (copies >= 1) {
                    givenUpCreated++;
                    example(examples, "created after the client gave up: " + flow.name);
                }
                if (flow.refused != null) {
                    example(examples, "refused: " + flow.refused);
                }
                continue;
            }
            accepted++;
            if (copies >= 1) {
                inSource++;
            }
            for (Map.Entry<String, String> model : READ_MODELS.entrySet()) {
                String key = model.getKey() + "/" + flow.id;
                if (seen.contains(key)) {
                    found.merge(model.getKey(), 1, Integer::sum);
                    continue;
                }
                Api.Answer answer = api.get(stack.uri(model.getKey(), model.getValue() + flow.id));
                if (answer.status() != 200) {
                    lost.merge(model.getKey(), 1, Integer::sum);
                    example(examples, model.getKey() + " lacks " + flow.id + " (" + answer.status() + ")");
                    continue;
                }
                found.merge(model.getKey(), 1, Integer::sum);
                Matcher name = LEGAL_NAME.matcher(answer.body());
                String has = name.find() ? name.group(1) : "?";
                if (has.equals(flow.finalName())) {
                    seen.add(key);
                } else {
                    outOfOrder.merge(model.getKey(), 1, Integer::sum);
                    example(examples, model.getKey() + " has " + has + " for " + flow.id + ", expected "
                            + flow.finalName());
                }
            }
        }
        Map<String, KindTally> kinds = new LinkedHashMap<>();
        for (CommandKind kind : this.kinds) {
            kinds.put(kind.name(), check(kind, flows, seen, examples));
        }
        return new Tally(accepted, refused, inSource, duplicated, found, lost, outOfOrder, replayMisses,
                givenUpCreated, examples, kinds);
    }

    /** One kind's pass over the runs of every flow ({@code seen}: runs already found in their last state). */
    private KindTally check(CommandKind kind, List<Driver.Flow> flows, java.util.Set<String> seen,
                            List<String> examples) {
        int started = 0;
        int accepted = 0;
        int refused = 0;
        int completed = 0;
        int replayMisses = 0;
        Map<String, Map<CommandKind.Outcome, Integer>> outcomes = new LinkedHashMap<>();
        for (String model : kind.readModels()) {
            Map<CommandKind.Outcome, Integer> byOutcome = new java.util.EnumMap<>(CommandKind.Outcome.class);
            for (CommandKind.Outcome outcome : CommandKind.Outcome.values()) {
                byOutcome.put(outcome, 0);
            }
            outcomes.put(model, byOutcome);
        }
        for (Driver.Flow flow : flows) {
            Driver.Run run = flow.runs.get(kind.name());
            if (run == null) {
                continue;
            }
            started++;
            if (run.replayMissed) {
                replayMisses++;
                example(examples, kind.name() + " " + flow.n + ": a retried step was answered 412 (applied before)");
            }
            if (run.reached == 0) {
                refused++;
                if (!run.gaveUp() && kind.createdAnyway(api, stack, flow, run)) {
                    replayMisses++;
                    example(examples, kind.name() + " " + flow.n + ": created but refused to the client ("
                            + run.refused + ")");
                } else if (run.refused != null) {
                    example(examples, kind.name() + " refused: " + run.refused);
                }
                continue;
            }
            accepted++;
            if (run.reached == kind.steps()) {
                completed++;
            }
            if (run.refused != null) {
                example(examples, kind.name() + " " + flow.n + " stopped at step " + (run.reached + 1) + ": "
                        + run.refused);
            }
            String key = kind.name() + "/" + flow.n;
            Map<String, CommandKind.Outcome> found;
            try {
                found = seen.contains(key) ? null : kind.check(api, stack, flow, run);
            } catch (RuntimeException e) {
                // The source not answering yet is not a verdict: counted lost for this pass, asked again next.
                found = new LinkedHashMap<>();
                for (String model : kind.readModels()) {
                    found.put(model, CommandKind.Outcome.LOST);
                }
                example(examples, kind.name() + " " + flow.n + ": check failed: " + e.getMessage());
            }
            boolean all = true;
            for (String model : kind.readModels()) {
                CommandKind.Outcome outcome = found == null ? CommandKind.Outcome.FOUND : found.get(model);
                outcomes.get(model).merge(outcome, 1, Integer::sum);
                if (outcome != CommandKind.Outcome.FOUND) {
                    all = false;
                    example(examples, kind.name() + " " + flow.n + " (" + run.id + ") " + outcome + " in " + model
                            + " after " + run.reached + " step(s)");
                }
            }
            if (all) {
                seen.add(key);
            }
        }
        return new KindTally(started, accepted, completed, refused, replayMisses, outcomes);
    }

    /**
     * Whether a registration that exists ({@code copies}) was refused to its client by a final answer: its key did
     * not replay the first answer. A client that gave up (no final answer within its patience, the platform being
     * unavailable that long) got no answer at all: not a replay miss, counted apart.
     */
    static boolean replayMissed(Driver.Flow flow, int copies) {
        return flow.id == null && copies >= 1 && !flow.gaveUp();
    }

    /** How many organizations of membership bear each registered name (a rename adds " v2"), by pages of 200. */
    private Map<String, Integer> membershipCopies(String namePrefix) {
        Map<String, Integer> copies = new java.util.HashMap<>();
        int totalPages = 1;
        for (int page = 0; page < totalPages; page++) {
            URI search = stack.uri("membership-service", "/api/membership/organizations?size=200&page=" + page
                    + "&name=" + URLEncoder.encode(namePrefix, StandardCharsets.UTF_8));
            Api.Answer answer = api.get(search);
            if (answer.status() != 200) {
                throw new IllegalStateException("membership search answered " + answer.status());
            }
            Matcher pages = TOTAL_PAGES.matcher(answer.body());
            totalPages = pages.find() ? Integer.parseInt(pages.group(1)) : 1;
            Matcher name = LEGAL_NAME.matcher(answer.body());
            while (name.find()) {
                copies.merge(name.group(1).replaceFirst(" v2$", ""), 1, Integer::sum);
            }
        }
        return copies;
    }

    /**
     * One organization as a consumer's read model holds it ({@link #READ_MODELS}; training's and insurance's also
     * show the standings and roster entries they consumed), or null when the consumer does not know it yet (404).
     */
    static JsonNode readModel(Api api, FaultStack stack, String service, String organizationId) {
        Api.Answer answer = api.get(stack.uri(service, READ_MODELS.get(service) + organizationId));
        if (answer.status() == 404) {
            return null;
        }
        if (answer.status() != 200) {
            throw new IllegalStateException(service + "'s organization read model answered " + answer.status());
        }
        return JSON.readTree(answer.body());
    }

    private static void example(List<String> examples, String example) {
        if (examples.size() < 10) {
            examples.add(example);
        }
    }

    /** Each service's outbox backlog (events written, not yet acknowledged by the broker): all 0 in the end. */
    Map<String, Double> outboxes() {
        Map<String, Double> backlog = new LinkedHashMap<>();
        for (String service : FaultStack.SERVICES) {
            Api.Answer answer = api.get(stack.uri(service, "/actuator/prometheus"));
            backlog.put(service, answer.status() == 200 ? Prometheus.sum(answer.body(), "esac_outbox_backlog")
                    : Double.NaN);
        }
        return backlog;
    }

    Map<String, Double> awaitEmptyOutboxes(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        Map<String, Double> backlog;
        do {
            backlog = outboxes();
            if (backlog.values().stream().allMatch(v -> v == 0)) {
                return backlog;
            }
            Thread.sleep(1_000);
        } while (System.currentTimeMillis() < deadline);
        return backlog;
    }
}
