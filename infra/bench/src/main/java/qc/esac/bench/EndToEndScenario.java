package qc.esac.bench;

import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * {@code end-to-end}: registrations at a fixed rate (open model), each measured from its intended start until
 * training has applied its event to its organizations read model (what {@code GET /api/training/organizations/{id}}
 * then answers).
 *
 * <p>The signal is training's consumer group committing an offset past the registration's record on the
 * membership topic ({@link AppliedSignal}), read from {@code __consumer_offsets} as it is written: no polling
 * of the service, whose extra load would slow what is measured. A sample of the organizations is then asked
 * for through training's API once, to check that the signal means what it says.
 */
final class EndToEndScenario implements Scenario {

    private static final int CHECKED = 20;
    /** Registrations also followed by asking training every 50 ms, to compare with the signal. */
    private static final int POLLED = 3;

    @Override
    public String name() {
        return "end-to-end";
    }

    @Override
    public Map<String, Object> run(Run run, Report report) {
        Plan plan = run.plan;
        EventTail events = run.events();
        AppliedSignal applied = run.trainingApplied();
        Table table = new Table("end-to-end: open-model registrations on membership-service -> organization in "
                + "training's read model (" + plan.endToEndLength().toSeconds() + " s per rate; latency from "
                + "the intended start)", "rate/s", "achieved/s", "errors", "HTTP", "-> on topic",
                "-> in training", "topic -> training", "missing", "checked by GET", "signal - GET poll (ms)", "caught up first (s)");
        List<Object> rates = new ArrayList<>();
        // Every process on the path warmed first (membership's write, the relay, each consumer of its events), at the
        // lowest rate measured: run first or alone, this scenario used to measure the stack's first minute (C1
        // compiling, pools growing) as its 50/s figure.
        OpenLoad.run(plan.endToEndRates().get(0), plan.warmUp(), Api.TIMEOUT, (i, at) ->
                run.api.register(run.membership()).thenApply(Api.Registered::status));
        for (double rate : plan.endToEndRates()) {
            // Training first finishes what earlier scenarios gave it, so that this rate is measured alone.
            Duration caughtUp = run.awaitCaughtUp(Run.TRAINING_GROUP, Topics.MEMBERSHIP, plan.drainPatience());
            Quiet.await(run.stack, plan); // and the other consumers theirs
            warmReadPath(run);
            Map<String, CompletableFuture<Long>> polled = new ConcurrentHashMap<>();
            ExecutorService pollers = Executors.newFixedThreadPool(POLLED);
            Histogram toTopic = Latency.histogram();
            Histogram toReadModel = Latency.histogram();
            // Training's own part: from the record's arrival on the topic (as this program read it) to the commit.
            Histogram topicToReadModel = Latency.histogram();
            Map<String, CompletableFuture<Long>> done = new ConcurrentHashMap<>();
            Load.Result load = OpenLoad.run(rate, plan.endToEndLength(), Api.TIMEOUT, (i, at) ->
                    run.api.register(run.membership()).thenApply(registered -> {
                        registered.id().filter(id -> i < POLLED).ifPresent(id ->
                                polled.put(id, CompletableFuture.supplyAsync(() -> pollUntilKnown(run, id,
                                        plan.drainPatience()), pollers)));
                        registered.id().ifPresent(id -> done.put(id, appliedAt(events, applied, id)
                                .whenComplete((nanos, error) -> {
                                    if (nanos != null) {
                                        Latency.record(toReadModel, nanos - at);
                                        Latency.record(toTopic, events.arrival(id).nanos() - at);
                                        Latency.record(topicToReadModel, nanos - events.arrival(id).nanos());
                                    }
                                })));
                        return registered.status();
                    }));
            long missing = awaitAll(done, plan.drainPatience());
            String checked = check(run, done);
            String versusPoll = compare(done, polled);
            pollers.shutdownNow();
            Latency topic = Latency.of(toTopic);
            Latency readModel = Latency.of(toReadModel);
            Latency consumer = Latency.of(topicToReadModel);
            table.row(Format.rate(rate), Format.rate(load.achievedRate()), load.errors(), load.latency().brief(),
                    topic.brief(), readModel.brief(), consumer.brief(), missing, checked, versusPoll,
                    caughtUp == null ? "no" : Format.rate(caughtUp.toMillis() / 1000.0));
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("rate", rate);
            json.put("http", load.json());
            json.put("intendedStartToTopic", topic.json());
            json.put("intendedStartToTrainingReadModel", readModel.json());
            json.put("topicToTrainingReadModel", consumer.json());
            json.put("missing", missing);
            json.put("checkedByGet", checked);
            json.put("signalMinusGetPollMs", versusPoll);
            json.put("trainingCaughtUpBeforeSeconds", caughtUp == null ? null : caughtUp.toMillis() / 1000.0);
            rates.add(json);
        }
        report.table(table);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("signal", "training-service's offset commits on " + Topics.MEMBERSHIP + ", read from "
                + Topics.CONSUMER_OFFSETS + " (commit past the registration's record)");
        json.put("rates", rates);
        return json;
    }

    /** When training applied the organization's first event: once the event is on the topic, its commit. */
    private static CompletableFuture<Long> appliedAt(EventTail events, AppliedSignal applied, String id) {
        return events.arrivalOf(id).thenCompose(arrival -> applied.applied(arrival.partition(), arrival.offset()));
    }

    /**
     * Asks training for the organization every 50 ms until it knows it; returns when the first request that
     * answered 200 was sent (the organization was applied before that, and after the previous request was sent).
     */
    private static long pollUntilKnown(Run run, String id, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            long sent = System.nanoTime();
            if (run.api.get(run.training().resolve("/api/training/organizations/" + id), true).join() == 200) {
                return sent;
            }
            Pause.millis(50);
        }
        return -1;
    }

    /** Training's read path once through, so that the first polls do not pay for its warm-up. */
    private static void warmReadPath(Run run) {
        for (int i = 0; i < 5; i++) {
            run.api.get(run.training().resolve("/api/training/organizations/" + java.util.UUID.randomUUID()), true)
                    .join();
        }
    }

    /** For the polled registrations: how much later (or earlier) the signal said "applied" than the poll saw it. */
    private static String compare(Map<String, CompletableFuture<Long>> done, Map<String, CompletableFuture<Long>> polled) {
        List<String> differences = new ArrayList<>();
        polled.forEach((id, poll) -> {
            Long seen = poll.join();
            CompletableFuture<Long> signal = done.get(id);
            if (seen > 0 && signal != null && signal.isDone()) {
                differences.add(String.format(java.util.Locale.ROOT, "%+.0f", (signal.join() - seen) / 1e6));
            }
        });
        return differences.isEmpty() ? "-" : String.join(" ", differences);
    }

    private static long awaitAll(Map<String, CompletableFuture<Long>> done, Duration patience) {
        try {
            CompletableFuture.allOf(done.values().toArray(CompletableFuture[]::new))
                    .get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // counted below
        }
        return done.values().stream().filter(future -> !future.isDone()).count();
    }

    /** Training's API, asked once for a sample of the organizations the signal said were applied. */
    private static String check(Run run, Map<String, CompletableFuture<Long>> done) {
        List<String> sample = done.entrySet().stream().filter(e -> e.getValue().isDone()).map(Map.Entry::getKey)
                .limit(CHECKED).toList();
        long found = sample.stream().filter(id -> run.api.get(run.training()
                .resolve("/api/training/organizations/" + id), true).join() == 200).count();
        return found + "/" + sample.size();
    }
}
