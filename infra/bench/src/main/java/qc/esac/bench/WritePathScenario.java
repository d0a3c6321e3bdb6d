package qc.esac.bench;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import org.bson.Document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code write-path}: what the create endpoint costs over the store's own speed. The endpoint's throughput
 * ({@code clients} closed-model callers on {@code POST /api/membership/organizations}) against raw MongoDB driver
 * inserts, by as many threads, of the same documents (copies of the ones the service stored during the warm-up,
 * with new ids and new values in uniquely indexed fields) into a collection of the same store with the same
 * indexes; the two alternate in {@link #ROUNDS} rounds so that their ratio holds on a shared machine.
 */
final class WritePathScenario implements Scenario {

    private static final String RAW = "bench_raw_organizations";
    private static final String MEMBERSHIP = "membership-service";
    private static final List<String> SERVICES = List.of(MEMBERSHIP, "training-service", "insurance-service",
            "projects-service");
    private static final java.time.Duration RAW_WARM_UP = java.time.Duration.ofSeconds(5);
    /** Documents kept for the raw inserts to copy. */
    private static final int TEMPLATES = 100;
    /** The warm-up's slices, each reported with its rate and membership's CPU per create. */
    private static final java.time.Duration WARM_UP_SLICE = java.time.Duration.ofSeconds(5);

    @Override
    public String name() {
        return "write-path";
    }

    /** Endpoint and raw phases alternate this many times, so that both meet the same machine (it may be shared). */
    static final int ROUNDS = 5;

    @Override
    public Map<String, Object> run(Run run, Report report) {
        Plan plan = run.plan;
        MongoDatabase database = run.mongo().getDatabase(Run.MEMBERSHIP_DATABASE);
        MongoCollection<Document> organizations = database.getCollection(Run.ORGANIZATIONS);
        // Documents as the creates inserted them: read right after the answer, while the relay has not yet published
        // their event (it then removes the outbox entry and the lease), so that the raw inserts write as many bytes.
        List<Document> asInserted = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> created = java.util.Collections.synchronizedList(new ArrayList<>());
        Load.Request warmUpCreate = (i, at) -> run.api.register(run.membership()).thenApply(registered -> {
            registered.id().ifPresent(id -> {
                if (asInserted.size() < TEMPLATES) {
                    Document document = organizations.find(Filters.eq("_id", id)).first();
                    if (document != null && !document.getList("outbox", Object.class, List.of()).isEmpty()) {
                        asInserted.add(document);
                    }
                }
                if (created.size() < TEMPLATES) {
                    created.add(id);
                }
            });
            return registered.status();
        });
        Load.Request create = (i, at) -> run.api.register(run.membership()).thenApply(Api.Registered::status);
        // The warm-up also gives the documents the raw inserts copy. In slices, each with its rate and membership's
        // CPU per create: whether the endpoint was warm when measured (a JIT still compiling shows as a falling CPU
        // per create) is read there.
        List<Object> warmUpJson = new ArrayList<>();
        java.time.Duration slice = plan.warmUp().compareTo(WARM_UP_SLICE.multipliedBy(2)) < 0 ? plan.warmUp()
                : WARM_UP_SLICE;
        for (java.time.Duration left = plan.warmUp(); !left.isNegative() && !left.isZero(); left = left.minus(slice)) {
            Map<String, Long> cpuBefore = run.stack.cpuNanos();
            Load.Result warm = ClosedLoad.run(plan.clients(), slice.compareTo(left) > 0 ? left : slice,
                    warmUpCreate);
            Map<String, Object> w = new LinkedHashMap<>();
            w.put("perSecond", Format.round(warm.achievedRate()));
            w.put("membershipCpuMsPerCreate", Format.round(Cpu.perOperationMs(cpuBefore, run.stack.cpuNanos(),
                    warm.ok()).getOrDefault(MEMBERSHIP, Double.NaN)));
            warmUpJson.add(w);
        }

        List<String> sampleIds;
        List<Document> samples;
        synchronized (created) {
            sampleIds = List.copyOf(created);
        }
        synchronized (asInserted) {
            samples = new ArrayList<>(asInserted);
        }
        boolean withOutbox = !samples.isEmpty();
        if (samples.isEmpty()) {
            // The relay was quicker than every read: the documents without their published event.
            samples = organizations.find(Filters.in("_id", sampleIds)).into(new ArrayList<>());
        }
        if (samples.isEmpty()) {
            samples = organizations.find().limit(100).into(new ArrayList<>());
        }
        if (samples.isEmpty()) {
            throw new IllegalStateException("No organization document to copy in " + Run.ORGANIZATIONS);
        }
        if (database.listCollectionNames().into(new ArrayList<>()).contains(RAW)) {
            database.getCollection(RAW).drop(); // left by an interrupted run
        }
        MongoCollection<Document> raw = database.getCollection(RAW);
        List<String> unique = copyIndexes(organizations, raw);
        List<Document> templates = samples;
        AtomicLong serial = new AtomicLong();
        Load.Request insert = (i, at) -> {
            Document copy = new Document(templates.get((int) (i % templates.size())));
            copy.put("_id", UUID.randomUUID().toString());
            for (String path : unique) {
                set(copy, path, "raw-" + serial.incrementAndGet());
            }
            raw.insertOne(copy);
            return CompletableFuture.completedFuture(201);
        };

        // The raw inserts warm up too (the driver's and the store's code paths for this collection), so that both
        // sides are measured warm.
        ClosedLoad.run(plan.clients(), plan.warmUp().compareTo(RAW_WARM_UP) < 0 ? plan.warmUp() : RAW_WARM_UP,
                insert);
        int rounds = plan.smoke() ? 1 : ROUNDS;
        java.time.Duration phase = plan.writePathLength().dividedBy(rounds);
        org.HdrHistogram.Histogram endpointLatencies = Latency.histogram();
        org.HdrHistogram.Histogram rawLatencies = Latency.histogram();
        List<Load.Result> endpointRuns = new ArrayList<>();
        List<Load.Result> rawRuns = new ArrayList<>();
        List<Object> roundsJson = new ArrayList<>();
        double loadBefore = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Cpu endpointCpu = new Cpu();
        Cpu rawCpu = new Cpu();
        for (int round = 0; round < rounds; round++) {
            // Alternate which goes first, so that neither always follows the other's after-effects.
            Load.Result endpointRun;
            Load.Result rawRun;
            if (round % 2 == 0) {
                endpointRun = endpointCpu.measure(run, () -> ClosedLoad.run(plan.clients(), phase, create,
                        endpointLatencies));
                rawRun = rawCpu.measure(run, () -> ClosedLoad.run(plan.clients(), phase, insert, rawLatencies));
            } else {
                rawRun = rawCpu.measure(run, () -> ClosedLoad.run(plan.clients(), phase, insert, rawLatencies));
                endpointRun = endpointCpu.measure(run, () -> ClosedLoad.run(plan.clients(), phase, create,
                        endpointLatencies));
            }
            endpointRuns.add(endpointRun);
            rawRuns.add(rawRun);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("endpointPerSecond", Format.round(endpointRun.achievedRate()));
            r.put("rawPerSecond", Format.round(rawRun.achievedRate()));
            r.put("endpointOverRaw", Format.round(endpointRun.achievedRate() / rawRun.achievedRate()));
            roundsJson.add(r);
        }
        double loadAfter = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Load.Result endpoint = Load.combined(endpointRuns, endpointLatencies);
        Load.Result inserts = Load.combined(rawRuns, rawLatencies);
        long rawCount = raw.countDocuments();
        raw.drop();

        double ratio = endpoint.achievedRate() / inserts.achievedRate();
        List<Double> roundRatios = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            roundRatios.add(endpointRuns.get(i).achievedRate() / rawRuns.get(i).achievedRate());
        }
        report.table(new Table("write-path: create endpoint vs raw driver inserts of the same documents, "
                + plan.clients() + " callers, " + plan.writePathLength().toSeconds() + " s each in " + rounds
                + " alternating rounds; documents of " + templates.get(0).toJson().length() + " bytes (JSON), "
                + (withOutbox ? "as inserted, with their outbox entry" : "as stored after publication")
                + "; load average " + String.format(java.util.Locale.ROOT, "%.1f -> %.1f",
                loadBefore, loadAfter),
                "path", "per second", "errors", "latency")
                .row("POST /api/membership/organizations", Format.rate(endpoint.achievedRate()), endpoint.errors(),
                        endpoint.latency().brief())
                .row("driver insertOne, " + RAW, Format.rate(inserts.achievedRate()), inserts.errors(),
                        inserts.latency().brief())
                .row("endpoint / raw (target >= 0.5)", String.format(java.util.Locale.ROOT, "%.3f", ratio), "",
                        "per round: " + roundRatios.stream().map(r -> String.format(java.util.Locale.ROOT, "%.3f", r))
                                .collect(java.util.stream.Collectors.joining(" "))));
        Table cpuTable = new Table("write-path: CPU per operation by process (ms; user + system, from /proc), and the "
                + "machine's cores in use during each side's phases", "process", "per create", "per raw insert");
        Map<String, Double> endpointPerOp = endpointCpu.perOperationMs();
        Map<String, Double> rawPerOp = rawCpu.perOperationMs();
        endpointPerOp.forEach((process, ms) -> cpuTable.row(process, String.format(java.util.Locale.ROOT, "%.2f", ms),
                String.format(java.util.Locale.ROOT, "%.2f", rawPerOp.getOrDefault(process, Double.NaN))));
        cpuTable.row("all", String.format(java.util.Locale.ROOT, "%.2f", endpointCpu.totalPerOperationMs()),
                String.format(java.util.Locale.ROOT, "%.2f", rawCpu.totalPerOperationMs()));
        Map<String, Double> commandsPerCreate = endpointCpu.storeCommandsPerOperation();
        cpuTable.row("store commands per create", commandsPerCreate.entrySet().stream()
                .map(e -> e.getKey().replace("-service", "") + " " + String.format(java.util.Locale.ROOT, "%.2f",
                        e.getValue())).collect(java.util.stream.Collectors.joining(", ")), "1 insert");
        // On a shared machine each side gets the share of the cores its runnable threads win; the CPU each operation
        // costs does not depend on that share.
        cpuTable.row("raw / create by CPU per operation", String.format(java.util.Locale.ROOT, "%.3f",
                rawCpu.totalPerOperationMs() / endpointCpu.totalPerOperationMs()), "");
        cpuTable.row("cores in use", String.format(java.util.Locale.ROOT, "%.2f", endpointCpu.coresInUse()),
                String.format(java.util.Locale.ROOT, "%.2f", rawCpu.coresInUse()));
        report.table(cpuTable);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("warmUp", warmUpJson);
        json.put("endpoint", endpoint.json());
        json.put("rawInserts", inserts.json());
        json.put("rounds", roundsJson);
        json.put("loadAverageBefore", Format.round(loadBefore));
        json.put("loadAverageAfter", Format.round(loadAfter));
        json.put("rawDocumentsInserted", rawCount);
        json.put("uniqueIndexedPathsRewritten", unique);
        json.put("endpointOverRaw", Format.round(ratio));
        json.put("cpuMsPerCreate", rounded(endpointPerOp));
        json.put("cpuMsPerRawInsert", rounded(rawPerOp));
        json.put("storeCommandsPerCreate", rounded(commandsPerCreate));
        json.put("endpointOverRawByCpu", Format.round(rawCpu.totalPerOperationMs() / endpointCpu.totalPerOperationMs()));
        json.put("endpointWindows", endpointCpu.windows());
        json.put("rawWindows", rawCpu.windows());
        json.put("coresInUse", Map.of("endpoint", Format.round(endpointCpu.coresInUse()),
                "raw", Format.round(rawCpu.coresInUse())));
        json.put("documentBytes", templates.get(0).toJson().length());
        json.put("documentsAsInserted", withOutbox);
        return json;
    }

    private static Map<String, Object> rounded(Map<String, Double> values) {
        Map<String, Object> json = new LinkedHashMap<>();
        values.forEach((key, value) -> json.put(key, Format.round(value)));
        return json;
    }

    /**
     * CPU time of every process of the machine's stack over one side's phases: per operation, it says where a create
     * spends what a raw insert does not (the service, the broker and the store in the benchmark's JVM, the consumers
     * of the event in the other services); the cores in use say whether a side was short of CPU.
     */
    static final class Cpu {
        private final Map<String, Long> nanos = new LinkedHashMap<>();
        private long operations;
        private double seconds;

        private final Map<String, Double> commands = new LinkedHashMap<>();
        private final List<Object> windows = new ArrayList<>();

        Load.Result measure(Run run, java.util.function.Supplier<Load.Result> phase) {
            BenchStack stack = run.stack;
            Map<String, Double> commandsBefore = storeCommands(run);
            Map<String, Long> before = stack.cpuNanos();
            java.time.Instant from = java.time.Instant.now();
            Load.Result result = phase.get();
            java.time.Instant to = java.time.Instant.now();
            Map<String, Long> after = stack.cpuNanos();
            storeCommands(run).forEach((service, end) -> commands.merge(service,
                    end - commandsBefore.getOrDefault(service, Double.NaN), Double::sum));
            // When each phase ran, to read a profile (JFR) of the same run by phase.
            windows.add(Map.of("from", from.toString(), "to", to.toString()));
            after.forEach((process, end) -> {
                Long start = before.get(process);
                if (start != null && start >= 0 && end >= 0) {
                    nanos.merge(process, end - start, Long::sum);
                }
            });
            operations += result.ok();
            seconds += result.seconds();
            return result;
        }

        /** Store commands the services' MongoDB drivers sent, per operation (NaN where a service has no such metric). */
        Map<String, Double> storeCommandsPerOperation() {
            Map<String, Double> perOperation = new LinkedHashMap<>();
            commands.forEach((service, sent) -> perOperation.put(service, operations == 0 ? Double.NaN
                    : sent / operations));
            return perOperation;
        }

        List<Object> windows() {
            return windows;
        }

        /** Each service's {@code mongodb_driver_commands_seconds_count} (every command, collection and outcome). */
        private static Map<String, Double> storeCommands(Run run) {
            Map<String, Double> sent = new LinkedHashMap<>();
            for (String service : SERVICES) {
                try {
                    sent.put(service, qc.esac.local.Prometheus.sum(run.api.text(run.stack.base(service)
                            .resolve("/actuator/prometheus")), "mongodb_driver_commands_seconds_count"));
                } catch (RuntimeException e) {
                    sent.put(service, Double.NaN);
                }
            }
            return sent;
        }

        Map<String, Double> perOperationMs() {
            Map<String, Double> perOperation = new LinkedHashMap<>();
            nanos.forEach((process, used) -> perOperation.put(process, operations == 0 ? Double.NaN
                    : used / 1e6 / operations));
            return perOperation;
        }

        double totalPerOperationMs() {
            return operations == 0 ? Double.NaN
                    : nanos.values().stream().mapToLong(Long::longValue).sum() / 1e6 / operations;
        }

        double coresInUse() {
            return seconds <= 0 ? Double.NaN : nanos.values().stream().mapToLong(Long::longValue).sum() / 1e9 / seconds;
        }

        /** CPU per operation of each process between two {@link BenchStack#cpuNanos()} readings. */
        static Map<String, Double> perOperationMs(Map<String, Long> before, Map<String, Long> after, long operations) {
            Map<String, Double> perOperation = new LinkedHashMap<>();
            after.forEach((process, end) -> {
                Long start = before.get(process);
                if (start != null && start >= 0 && end >= 0 && operations > 0) {
                    perOperation.put(process, (end - start) / 1e6 / operations);
                }
            });
            return perOperation;
        }
    }

    /** Creates on {@code target} the indexes of {@code source}; returns the paths of its unique ones. */
    private static List<String> copyIndexes(MongoCollection<Document> source, MongoCollection<Document> target) {
        List<String> unique = new ArrayList<>();
        for (Document index : source.listIndexes()) {
            Document key = index.get("key", Document.class);
            if (key.containsKey("_id")) {
                continue;
            }
            boolean isUnique = index.getBoolean("unique", false);
            IndexOptions options = new IndexOptions().name(index.getString("name")).unique(isUnique)
                    .sparse(index.getBoolean("sparse", false));
            if (index.get("partialFilterExpression") instanceof Document partial) {
                options.partialFilterExpression(partial);
            }
            target.createIndex(key, options);
            if (isUnique) {
                unique.addAll(key.keySet());
            }
        }
        return unique;
    }

    /** Sets {@code path} in {@code document}, copying the sub-documents on the way (the template stays as it is). */
    private static void set(Document document, String path, Object value) {
        String[] parts = path.split("\\.");
        Document at = document;
        for (int i = 0; i < parts.length - 1; i++) {
            Document child = at.get(parts[i]) instanceof Document existing ? new Document(existing) : new Document();
            at.put(parts[i], child);
            at = child;
        }
        at.put(parts[parts.length - 1], value);
    }
}
