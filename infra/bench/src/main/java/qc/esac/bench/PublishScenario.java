package qc.esac.bench;

import org.HdrHistogram.Histogram;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code publish}: the highest write rate membership sustains (closed model: {@code clients} callers registering
 * organizations directly on the service), how long each registration takes to reach the topic, and how long
 * the outbox takes to empty once the load stops.
 */
final class PublishScenario implements Scenario {

    @Override
    public String name() {
        return "publish";
    }

    @Override
    public Map<String, Object> run(Run run, Report report) {
        Plan plan = run.plan;
        EventTail events = run.events();
        ClosedLoad.run(plan.clients(), plan.warmUp(), (i, at) -> run.api.register(run.membership())
                .thenApply(Api.Registered::status));

        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        // When the 201 came back: the write was committed by then, so answer -> topic is what publishing adds.
        Map<String, Long> answeredAt = new ConcurrentHashMap<>();
        BacklogSampler sampler = BacklogSampler.start(run);
        Load.Result load = ClosedLoad.run(plan.clients(), plan.publishLength(), (i, at) ->
                run.api.register(run.membership()).thenApply(registered -> {
                    long answered = System.nanoTime();
                    registered.id().ifPresent(id -> {
                        sentAt.put(id, at);
                        answeredAt.put(id, answered);
                    });
                    return registered.status();
                }));
        long stopped = System.nanoTime();
        sampler.stop();

        // After the load: the last event on the topic, and the outbox gauge back at zero.
        AtomicReference<Double> backlogZeroSeconds = new AtomicReference<>(Double.NaN);
        Thread backlogWatch = new Thread(() -> {
            long deadline = stopped + plan.drainPatience().toNanos();
            while (System.nanoTime() < deadline) {
                double backlog = run.outboxBacklog();
                if (Double.isNaN(backlog)) {
                    return;
                }
                if (backlog == 0) {
                    backlogZeroSeconds.set((System.nanoTime() - stopped) / 1e9);
                    return;
                }
                Pause.millis(100);
            }
        });
        backlogWatch.start();
        long missing = events.await(sentAt.keySet(), plan.drainPatience());
        double lastEventSeconds = Double.NaN;
        Histogram published = Latency.histogram();
        Histogram afterAnswer = Latency.histogram();
        long lastArrival = 0;
        for (Map.Entry<String, Long> sent : sentAt.entrySet()) {
            EventTail.Arrival arrival = events.arrival(sent.getKey());
            if (arrival != null) {
                Latency.record(published, arrival.nanos() - sent.getValue());
                // Negative when the record was on the topic before the answer reached the client: counted as 0.
                Latency.record(afterAnswer, Math.max(0, arrival.nanos() - answeredAt.get(sent.getKey())));
                lastArrival = Math.max(lastArrival, arrival.nanos());
            }
        }
        if (missing == 0 && lastArrival > 0) {
            lastEventSeconds = Math.max(0, (lastArrival - stopped) / 1e9);
        }
        try {
            backlogWatch.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Latency toTopic = Latency.of(published);
        Latency answerToTopic = Latency.of(afterAnswer);

        report.table(new Table("publish: " + plan.clients() + " closed-model clients registering on membership-service for "
                + plan.publishLength().toSeconds() + " s", "measure", "value")
                .row("throughput (201/s)", Format.rate(load.achievedRate()))
                .row("registrations (201)", load.ok())
                .row("errors", load.statuses().isEmpty() ? "0" : load.statuses().toString())
                .row("HTTP latency", load.latency().brief())
                .row("request -> record on topic", toTopic.brief())
                .row("HTTP answer -> record on topic", answerToTopic.brief())
                .row("events missing on the topic", missing)
                .row("outbox backlog during load, max", Format.rate(sampler.max())
                        + (sampler.max() == 0 && lastEventSeconds > 1 ? " (the gauge did not see the lag)" : ""))
                .row("last event on topic after load stop (s)", Format.rate(lastEventSeconds))
                .row("esac_outbox_backlog back to 0 after (s)", Format.rate(backlogZeroSeconds.get())));

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("clients", plan.clients());
        json.put("http", load.json());
        json.put("requestToTopic", toTopic.json());
        json.put("answerToTopic", answerToTopic.json());
        json.put("eventsMissing", missing);
        json.put("outboxBacklogMaxDuringLoad", Format.round(sampler.max()));
        json.put("lastEventAfterStopSeconds", Format.round(lastEventSeconds));
        json.put("outboxBacklogZeroAfterStopSeconds", Format.round(backlogZeroSeconds.get()));
        return json;
    }

    /** Reads membership's outbox gauge every 250 ms while the load runs. */
    private static final class BacklogSampler {
        private final Thread thread;
        private volatile boolean running = true;
        private volatile double max = Double.NaN;

        private BacklogSampler(Run run) {
            thread = new Thread(() -> {
                while (running) {
                    double backlog = run.outboxBacklog();
                    if (!Double.isNaN(backlog)) {
                        max = Double.isNaN(max) ? backlog : Math.max(max, backlog);
                    }
                    Pause.millis(250);
                }
            }, "backlog-sampler");
            thread.setDaemon(true);
        }

        static BacklogSampler start(Run run) {
            BacklogSampler sampler = new BacklogSampler(run);
            sampler.thread.start();
            return sampler;
        }

        void stop() {
            running = false;
        }

        double max() {
            return max;
        }
    }
}
