package qc.esac.bench;

import org.HdrHistogram.Histogram;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code growth}: steady registrations (open model, e.g. 20/s) while the organizations grow from
 * {@code growthFrom} to {@code growthTo}, reported per window (a minute): the events' p99 (intended start to
 * record on the topic), a list page and a name search (each asked once a second, open model), the longest
 * stall (more than a second between consecutive events while the writes go on) and the stack's resident
 * memory. The smoke plan grows by {@code growthTo - growthFrom} from wherever the store is.
 */
final class GrowthScenario implements Scenario {

    private static final long STALL_NANOS = 1_000_000_000L;

    @Override
    public String name() {
        return "growth";
    }

    @Override
    public Map<String, Object> run(Run run, Report report) throws Exception {
        Plan plan = run.plan;
        EventTail events = run.events();
        long before = run.organizationCount();
        long seeded = seed(run, plan.growthFrom() - before);
        long from = run.organizationCount();
        long to = plan.smoke() ? from + (plan.growthTo() - plan.growthFrom()) : plan.growthTo();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("from", from);
        json.put("seeded", seeded);
        if (to <= from) {
            System.out.printf("%ngrowth: the store already holds %d organizations (target %d): nothing to grow%n",
                    from, to);
            json.put("skipped", "store already at " + from);
            return json;
        }
        long window = plan.growthWindow().toNanos();
        Duration length = Duration.ofNanos((long) ((to - from) / plan.growthRate() * 1e9));
        Map<Integer, Histogram> eventLatency = new ConcurrentHashMap<>();
        Map<Integer, Histogram> listLatency = new ConcurrentHashMap<>();
        Map<Integer, Histogram> searchLatency = new ConcurrentHashMap<>();
        Map<Integer, Map<String, Long>> memory = new ConcurrentHashMap<>();
        Map<Integer, Long> sizes = new ConcurrentHashMap<>();
        List<Long> arrivals = Collections.synchronizedList(new ArrayList<>());
        List<String> written = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        URI list = run.membership().resolve("/api/membership/organizations?size=20&page=10");
        URI search = run.membership().resolve("/api/membership/organizations?size=20&name=" + run.api.nameOf(1));
        ScheduledExecutorService probes = Executors.newScheduledThreadPool(1);
        AtomicLong tick = new AtomicLong();
        probes.scheduleAtFixedRate(() -> {
            long intended = start + tick.getAndIncrement() * 1_000_000_000L;
            int w = (int) ((intended - start) / window);
            run.api.get(list, true).whenComplete((status, error) ->
                    Latency.record(histogram(listLatency, w), System.nanoTime() - intended));
            run.api.get(search, true).whenComplete((status, error) ->
                    Latency.record(histogram(searchLatency, w), System.nanoTime() - intended));
        }, 0, 1, TimeUnit.SECONDS);
        probes.scheduleAtFixedRate(() -> {
            int w = (int) ((System.nanoTime() - start) / window) - 1;
            if (w >= 0) {
                memory.put(w, run.stack.residentMib());
                sizes.put(w, run.organizationCount());
            }
        }, window, window, TimeUnit.NANOSECONDS);

        Load.Result writes = OpenLoad.run(plan.growthRate(), length, Api.TIMEOUT, (i, at) ->
                run.api.register(run.membership()).thenApply(registered -> {
                    registered.id().ifPresent(written::add);
                    registered.id().ifPresent(id -> events.arrivalOf(id).thenAccept(arrival -> {
                        arrivals.add(arrival.nanos());
                        Latency.record(histogram(eventLatency, (int) ((at - start) / window)), arrival.nanos() - at);
                    }));
                    return registered.status();
                }));
        long writesEnd = start + length.toNanos();
        List<String> ids;
        synchronized (written) {
            ids = List.copyOf(written);
        }
        long missing = events.await(ids, plan.drainPatience()); // the last events
        Pause.millis(200); // and their callbacks
        probes.shutdownNow();
        int windows = (int) Math.ceil((double) length.toNanos() / window);
        Map<String, Long> lastMemory = run.stack.residentMib();
        memory.putIfAbsent(windows - 1, lastMemory);
        sizes.putIfAbsent(windows - 1, run.organizationCount());

        List<Long> times;
        synchronized (arrivals) {
            times = new ArrayList<>(arrivals);
        }
        Collections.sort(times);
        long[] longestGap = new long[Math.max(1, windows)];
        long longest = 0;
        int stalls = 0;
        for (int i = 1; i < times.size(); i++) {
            long gap = times.get(i) - times.get(i - 1);
            if (times.get(i - 1) < writesEnd && gap > STALL_NANOS) {
                stalls++;
                longest = Math.max(longest, gap);
                int w = (int) Math.min(windows - 1, Math.max(0, (times.get(i - 1) - start) / window));
                longestGap[w] = Math.max(longestGap[w], gap);
            }
        }

        String unit = plan.growthWindow().toSeconds() >= 60 ? "minute" : plan.growthWindow().toSeconds() + " s";
        Table table = new Table("growth: " + Format.rate(plan.growthRate()) + " registrations/s from " + from + " to "
                + to + " organizations, per " + unit + " (latencies from the intended start)", unit,
                "organizations", "event p99", "list page p50/p99", "search p50/p99", "stall > 1 s", "RSS MiB");
        List<Object> rows = new ArrayList<>();
        for (int w = 0; w < windows; w++) {
            Latency event = Latency.of(histogram(eventLatency, w));
            Latency page = Latency.of(histogram(listLatency, w));
            Latency found = Latency.of(histogram(searchLatency, w));
            Map<String, Long> rss = memory.getOrDefault(w, Map.of());
            table.row(w + 1, sizes.getOrDefault(w, -1L), Format.ms(event.p99()),
                    Format.ms(page.p50()) + " / " + Format.ms(page.p99()),
                    Format.ms(found.p50()) + " / " + Format.ms(found.p99()),
                    longestGap[w] == 0 ? "-" : Format.ms(longestGap[w] / 1e6) + " ms", rss.getOrDefault("total", -1L));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("window", w + 1);
            row.put("organizations", sizes.get(w));
            row.put("event", event.json());
            row.put("listPage", page.json());
            row.put("search", found.json());
            row.put("longestStallMs", longestGap[w] == 0 ? null : Format.round(longestGap[w] / 1e6));
            row.put("residentMib", rss);
            rows.add(row);
        }
        table.row("all", run.organizationCount(), Format.ms(writes.latency().p99()) + " (HTTP)",
                missing + " events missing", "", stalls + " stalls, longest " + (longest == 0 ? "-" : Format.ms(longest / 1e6) + " ms"),
                lastMemory.get("total"));
        report.table(table);
        json.put("to", to);
        json.put("rate", plan.growthRate());
        json.put("windowSeconds", plan.growthWindow().toSeconds());
        json.put("writes", writes.json());
        json.put("eventsRead", times.size());
        json.put("eventsMissing", missing);
        json.put("stalls", stalls);
        json.put("longestStallMs", longest == 0 ? null : Format.round(longest / 1e6));
        json.put("windows", rows);
        return json;
    }

    private static Histogram histogram(Map<Integer, Histogram> histograms, int window) {
        return histograms.computeIfAbsent(window, w -> Latency.histogram());
    }

    /** Registers {@code count} organizations as fast as {@code clients} callers go (not measured). */
    private static long seed(Run run, long count) {
        if (count <= 0) {
            return 0;
        }
        System.out.printf("%ngrowth: registering %d organizations first%n", count);
        AtomicLong left = new AtomicLong(count);
        AtomicLong created = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < run.plan.clients(); c++) {
            Thread thread = new Thread(() -> {
                while (left.getAndDecrement() > 0) {
                    if (run.api.register(run.membership()).join().status() == 201) {
                        created.incrementAndGet();
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return created.get();
    }
}
