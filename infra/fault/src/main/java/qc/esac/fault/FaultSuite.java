package qc.esac.fault;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code infra/fault/run.sh [--smoke|--short|--long]}: the platform's promises checked while things fail under load
 * (infra/fault/README.md). Starts the stack, drives commands, injects the faults one after the other while the
 * commands go on, then checks the effects through the APIs and writes the report. Exit status 1 when a promise
 * was broken, 2 on a bad option.
 */
public final class FaultSuite {

    private FaultSuite() {
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help")) {
            System.out.println(Mode.USAGE);
            return;
        }
        Mode.Options options;
        try {
            options = Mode.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(Mode.USAGE);
            System.exit(2);
            return;
        }
        Path root = Path.of(System.getenv().getOrDefault("ESAC_ROOT", ".")).toAbsolutePath().normalize();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("mode", options.mode().name());
        report.put("date", Instant.now().toString());
        report.put("command", "infra/fault/run.sh " + String.join(" ", args));
        List<String> broken;
        long started = System.nanoTime();
        System.out.println("Starting the stack (3 brokers in their own JVMs, store behind a stallable proxy)...");
        try (FaultStack stack = FaultStack.start(root,
                root.resolve("infra/fault/target/fault-0.1.0-SNAPSHOT-exec.jar"), options.portOffset(),
                Duration.ofMinutes(10))) {
            report.put("stackStartSeconds", secondsSince(started));
            System.out.println("Stack ready in " + report.get("stackStartSeconds") + " s; logs in " + stack.logs());
            broken = run(stack, options.mode(), report);
            report.put("logs", stack.logs().toString());
        }
        report.put("totalSeconds", secondsSince(started));
        report.put("brokenPromises", broken);
        // A smoke run proves the suite still runs and the promises hold; its figures are not the kept report.
        Path results = root.resolve(options.mode().smoke() ? "infra/fault/results/smoke" : "infra/fault/results");
        new Report().write(report, options.mode().smoke() ? results.resolve("REPORT.md")
                : root.resolve("infra/fault/REPORT.md"), results.resolve("latest.json"));
        System.out.println();
        System.out.print(Report.text(report));
        System.out.println(broken.isEmpty() ? "Every promise kept." : "BROKEN: " + broken);
        System.exit(broken.isEmpty() ? 0 : 1);
    }

    private static List<String> run(FaultStack stack, Mode mode, Map<String, Object> report) throws Exception {
        Api api = new Api(stack.token());
        Faults faults = new Faults(stack, api, mode);
        // One organization in five (smoke) or four also sends a membership, another a roster change.
        int every = mode.smoke() ? 5 : 4;
        List<CommandKind> kinds = List.of(new MembershipKind(every), new RosterKind(every));
        // Registrations, enrolments (of organizations made members just before) and project partners: one
        // organization in ten each (smoke) or in four.
        kinds = withCrossServiceKinds(kinds, mode.smoke() ? 10 : every, stack.uri("identity", "/"));
        Effects effects = new Effects(stack, api, kinds);
        Map<String, Object> phases = new LinkedHashMap<>();
        try (Driver driver = new Driver(api, stack.uri("gateway", "/"), kinds)) {
            driver.start(mode.rate());
            Thread.sleep(mode.warmupMillis());
            phase(phases, "1 brokers", faults::brokers);
            phase(phases, "2 service crashes", faults::services);
            phase(phases, "3 store pause", faults::storePause);
            phase(phases, "4 redelivery and reordering", faults::redelivery);
            phase(phases, "5 poison", () -> faults.poison(driver));
            String known = driver.flows().stream().filter(f -> f.id != null).map(f -> f.id).findFirst().orElse("x");
            phase(phases, "6 gateway under failure", () -> faults.gateway(known));
            Thread.sleep(5_000);
            driver.stop();
            System.out.println("Load stopped; waiting for the last answers and the read models...");
            driver.awaitAnswers(300_000);
            long settling = System.nanoTime();
            Effects.Tally tally = effects.awaitAll(driver.flows(), driver.namePrefix(), mode.settleMillis());
            Map<String, Double> outboxes = effects.awaitEmptyOutboxes(60_000);

            Map<String, Object> commands = new LinkedHashMap<>();
            commands.put("organizations started", driver.flows().size());
            commands.put("requests sent (retries included)", driver.requestsSent());
            Map<Integer, Long> statuses = new TreeMap<>();
            driver.statuses().forEach((status, count) -> statuses.put(status, count.get()));
            commands.put("answers by status (-1: none)", statuses);
            commands.put("accepted (2xx)", tally.accepted());
            commands.put("refused or given up", tally.refused());
            commands.put("renamed", driver.flows().stream().filter(f -> f.renamed).count());
            commands.put("retried at least once", driver.flows().stream().filter(f -> f.retries > 0).count());
            report.put("commands", commands);
            report.put("phases", phases);
            Map<String, Object> found = new LinkedHashMap<>();
            found.put("membership: accepted found", tally.foundInSource());
            found.put("membership: duplicated", tally.duplicatedInSource());
            found.put("read models: found", tally.found());
            found.put("read models: lost", tally.lost());
            found.put("read models: out of order (not the last rename)", tally.outOfOrder());
            found.put("idempotency replay misses", tally.replayMisses());
            found.put("created after the client gave up (no final answer in 240 s)", tally.givenUpCreated());
            tally.kinds().forEach((kind, k) -> {
                Map<String, Object> of = new LinkedHashMap<>();
                of.put("started", k.started());
                of.put("accepted (first step)", k.accepted());
                of.put("completed (every step)", k.completed());
                of.put("refused or given up", k.refused());
                of.put("idempotency replay misses", k.replayMisses());
                k.outcomes().forEach((model, byOutcome) -> {
                    Map<String, Integer> named = new LinkedHashMap<>();
                    byOutcome.forEach((outcome, n) -> named.put(outcome.name().toLowerCase().replace('_', ' '), n));
                    of.put(model, named);
                });
                found.put(kind, of);
            });
            found.put("settled within seconds", secondsSince(settling));
            found.put("examples", tally.examples());
            found.put("outbox backlog", outboxes);
            found.put("dead letters", faults.deadLetters());
            report.put("effects", found);
            return verdict(tally, outboxes, phases);
        }
    }

    /** The kinds after membership's and the roster's: enrolment right after membership (it needs the membership). */
    static List<CommandKind> withCrossServiceKinds(List<CommandKind> kinds, int every, java.net.URI issuer) {
        List<CommandKind> all = new ArrayList<>(kinds);
        CommandKind membership = kinds.stream().filter(k -> k.name().equals("membership")).findFirst().orElseThrow();
        all.add(all.indexOf(membership) + 1, new EnrolmentKind(every, membership));
        all.add(new RegistrationKind(every));
        all.add(new PartnerKind(every, issuer));
        return List.copyOf(all);
    }

    private interface Phase {
        Map<String, Object> run() throws Exception;
    }

    private static void phase(Map<String, Object> phases, String name, Phase phase) {
        System.out.println("Fault " + name + "...");
        long start = System.nanoTime();
        Map<String, Object> result = new LinkedHashMap<>();
        try {
            result.putAll(phase.run());
        } catch (Exception e) {
            result.put("error", e.toString());
        }
        result.put("phaseSeconds", secondsSince(start));
        phases.put(name, result);
        System.out.println("  " + result);
    }

    /** Each promise of issue 14 that this run saw broken. */
    static List<String> verdict(Effects.Tally tally, Map<String, Double> outboxes, Map<String, Object> phases) {
        List<String> broken = new ArrayList<>();
        if (tally.accepted() == 0) {
            broken.add("no command was accepted");
        }
        if (tally.foundInSource() != tally.accepted()) {
            broken.add("accepted commands missing in membership: " + (tally.accepted() - tally.foundInSource()));
        }
        if (tally.duplicatedInSource() > 0) {
            broken.add("duplicated in membership: " + tally.duplicatedInSource());
        }
        tally.lost().forEach((model, n) -> {
            if (n > 0) {
                broken.add("lost in " + model + ": " + n);
            }
        });
        tally.outOfOrder().forEach((model, n) -> {
            if (n > 0) {
                broken.add("out of order in " + model + ": " + n);
            }
        });
        if (tally.replayMisses() > 0) {
            broken.add("retried commands not answered with their first answer: " + tally.replayMisses());
        }
        tally.kinds().forEach((kind, k) -> {
            if (k.started() > 0 && k.accepted() == 0) {
                broken.add(kind + ": no command was accepted");
            }
            broken.addAll(k.broken(kind));
        });
        outboxes.forEach((service, backlog) -> {
            if (!(backlog == 0)) {
                broken.add("outbox of " + service + " not empty: " + backlog);
            }
        });
        phases.forEach((name, value) -> checkPhase(broken, name, (Map<?, ?>) value));
        return broken;
    }

    /** A phase's promises, and those of its parts (a nested map, such as the poison's {@code afterAFix}). */
    private static void checkPhase(List<String> broken, String name, Map<?, ?> result) {
        result.forEach((key, value) -> {
            if (value instanceof Map<?, ?> part) {
                checkPhase(broken, name + " " + key, part);
            }
        });
        if (result.containsKey("error")) {
            broken.add(name + ": " + result.get("error"));
        }
        for (String flag : new String[]{"french", "noLoop", "membership halted between write and publication",
                "ownDeadLettersOnly", "replayReachedOnlyThisService", "foreignTopicUnknown", "breakerOpened", "breakerClosedAgain",
                "fixedRecordDeadLettered", "absentBeforeReplay", "fixedRecordProcessedByReplay", "noLoopAfterFix"}) {
            if (Boolean.FALSE.equals(result.get(flag))) {
                broken.add(name + ": " + flag + " is false");
            }
        }
        for (String seconds : new String[]{"recoverySeconds", "routeRecoveredSeconds",
                "allInTheirDeadLetterTopicSeconds"}) {
            if (result.get(seconds) instanceof Number n && n.doubleValue() < 0) {
                broken.add(name + ": " + seconds + " never");
            }
        }
        if (result.get("slowestProbeMillis") instanceof Number n && n.longValue() > 8_000) {
            broken.add(name + ": a request waited " + n + " ms for the paused store (not fast)");
        }
    }

    private static double secondsSince(long startNanos) {
        return Math.round((System.nanoTime() - startNanos) / 1e8) / 10.0;
    }
}
