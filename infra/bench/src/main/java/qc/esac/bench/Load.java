package qc.esac.bench;

import org.HdrHistogram.Histogram;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** What a load generator sends, and what it counts. */
public final class Load {

    private Load() {
    }

    /**
     * One request: sends it and completes with the HTTP status (or any code, 2xx meaning success).
     *
     * @param index         the request's number in this run (0, 1, 2...)
     * @param intendedNanos when it was meant to start ({@link System#nanoTime()}): an open model's schedule, or
     *                      the actual start in a closed model
     */
    @FunctionalInterface
    public interface Request {
        CompletableFuture<Integer> send(long index, long intendedNanos);
    }

    /**
     * The outcome of a run.
     *
     * @param offeredRate  requests per second the schedule asked for (NaN for a closed model)
     * @param sent         requests started
     * @param ok           answers with a 2xx status
     * @param statuses     every other answer, by status (-1: no answer: connection error, timeout)
     * @param seconds      the measuring window: from the first request to the last answer, or the schedule's
     *                     length if longer
     * @param latency      open model: from each request's intended start (coordinated omission corrected);
     *                     closed model: from its actual start
     * @param maxLagMs     how late the generator started a request, at worst (open model)
     */
    public record Result(double offeredRate, long sent, long ok, Map<Integer, Long> statuses, double seconds,
                         Latency latency, double maxLagMs) {

        public double achievedRate() {
            return seconds <= 0 ? 0 : ok / seconds;
        }

        public long errors() {
            return statuses.values().stream().mapToLong(Long::longValue).sum();
        }

        public Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            if (!Double.isNaN(offeredRate)) {
                json.put("offeredRate", Format.round(offeredRate));
            }
            json.put("achievedRate", Format.round(achievedRate()));
            json.put("sent", sent);
            json.put("ok", ok);
            Map<String, Long> errors = new TreeMap<>();
            statuses.forEach((status, count) -> errors.put(status < 0 ? "no-answer" : status.toString(), count));
            json.put("errors", errors);
            json.put("seconds", Format.round(seconds));
            json.put("latency", latency.json());
            if (!Double.isNaN(maxLagMs)) {
                json.put("generatorMaxLagMs", Format.round(maxLagMs));
            }
            return json;
        }
    }

    /**
     * Several runs of the same target as one (runs interleaved with another target's, so that both meet the same
     * machine): their answers and durations added up, latencies from {@code latencies}, which recorded all of them.
     */
    static Result combined(List<Result> runs, Histogram latencies) {
        long sent = 0;
        long ok = 0;
        double seconds = 0;
        double lag = Double.NaN;
        Map<Integer, Long> statuses = new TreeMap<>();
        for (Result run : runs) {
            sent += run.sent();
            ok += run.ok();
            seconds += run.seconds();
            run.statuses().forEach((status, count) -> statuses.merge(status, count, Long::sum));
            if (!Double.isNaN(run.maxLagMs())) {
                lag = Double.isNaN(lag) ? run.maxLagMs() : Math.max(lag, run.maxLagMs());
            }
        }
        double offered = runs.isEmpty() ? Double.NaN : runs.get(0).offeredRate();
        return new Result(offered, sent, ok, statuses, seconds, Latency.of(latencies), lag);
    }

    /** Counts answers while a run goes on. */
    static final class Tally {
        final Histogram histogram = Latency.histogram();
        /** Also records every latency there (a figure over several runs, see {@link #combined}); null for none. */
        final Histogram also;
        final LongAdder ok = new LongAdder();
        final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        final AtomicLong lastAnswer = new AtomicLong();

        Tally() {
            this(null);
        }

        Tally(Histogram also) {
            this.also = also;
        }

        void answer(long startNanos, Integer status, Throwable error) {
            long now = System.nanoTime();
            Latency.record(histogram, now - startNanos);
            if (also != null) {
                Latency.record(also, now - startNanos);
            }
            lastAnswer.accumulateAndGet(now, Math::max);
            int code = error != null || status == null ? -1 : status;
            if (code >= 200 && code < 300) {
                ok.increment();
            } else {
                statuses.computeIfAbsent(code, c -> new LongAdder()).increment();
            }
        }

        /** A request given up on at {@code now}: counted as no answer, its latency so far recorded. */
        void abandoned(long startNanos, long now) {
            Latency.record(histogram, now - startNanos);
            if (also != null) {
                Latency.record(also, now - startNanos);
            }
            statuses.computeIfAbsent(-1, c -> new LongAdder()).increment();
        }

        Result result(double offeredRate, long sent, long firstNanos, long scheduleEndNanos, double maxLagMs) {
            Map<Integer, Long> counts = new TreeMap<>();
            statuses.forEach((status, count) -> counts.put(status, count.sum()));
            long end = Math.max(scheduleEndNanos, lastAnswer.get());
            return new Result(offeredRate, sent, ok.sum(), counts, (end - firstNanos) / 1e9, Latency.of(histogram),
                    maxLagMs);
        }
    }
}
