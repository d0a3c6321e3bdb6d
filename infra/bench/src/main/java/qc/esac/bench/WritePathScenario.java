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

    @Override
    public String name() {
        return "write-path";
    }

    /** Endpoint and raw phases alternate this many times, so that both meet the same machine (it may be shared). */
    static final int ROUNDS = 5;

    @Override
    public Map<String, Object> run(Run run, Report report) {
        Plan plan = run.plan;
        List<String> created = java.util.Collections.synchronizedList(new ArrayList<>());
        Load.Request create = (i, at) -> run.api.register(run.membership()).thenApply(registered -> {
            registered.id().ifPresent(id -> {
                if (created.size() < 100) {
                    created.add(id);
                }
            });
            return registered.status();
        });
        // The warm-up also gives the documents the raw inserts copy.
        ClosedLoad.run(plan.clients(), plan.warmUp(), create);

        MongoDatabase database = run.mongo().getDatabase(Run.MEMBERSHIP_DATABASE);
        MongoCollection<Document> organizations = database.getCollection(Run.ORGANIZATIONS);
        List<String> sampleIds;
        synchronized (created) {
            sampleIds = List.copyOf(created);
        }
        List<Document> samples = organizations.find(Filters.in("_id", sampleIds)).into(new ArrayList<>());
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

        int rounds = plan.smoke() ? 1 : ROUNDS;
        java.time.Duration phase = plan.writePathLength().dividedBy(rounds);
        org.HdrHistogram.Histogram endpointLatencies = Latency.histogram();
        org.HdrHistogram.Histogram rawLatencies = Latency.histogram();
        List<Load.Result> endpointRuns = new ArrayList<>();
        List<Load.Result> rawRuns = new ArrayList<>();
        List<Object> roundsJson = new ArrayList<>();
        double loadBefore = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        for (int round = 0; round < rounds; round++) {
            // Alternate which goes first, so that neither always follows the other's after-effects.
            Load.Result endpointRun;
            Load.Result rawRun;
            if (round % 2 == 0) {
                endpointRun = ClosedLoad.run(plan.clients(), phase, create, endpointLatencies);
                rawRun = ClosedLoad.run(plan.clients(), phase, insert, rawLatencies);
            } else {
                rawRun = ClosedLoad.run(plan.clients(), phase, insert, rawLatencies);
                endpointRun = ClosedLoad.run(plan.clients(), phase, create, endpointLatencies);
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
                + " alternating rounds; load average " + String.format(java.util.Locale.ROOT, "%.1f -> %.1f",
                loadBefore, loadAfter),
                "path", "per second", "errors", "latency")
                .row("POST /api/membership/organizations", Format.rate(endpoint.achievedRate()), endpoint.errors(),
                        endpoint.latency().brief())
                .row("driver insertOne, " + RAW, Format.rate(inserts.achievedRate()), inserts.errors(),
                        inserts.latency().brief())
                .row("endpoint / raw (target >= 0.5)", String.format(java.util.Locale.ROOT, "%.3f", ratio), "",
                        "per round: " + roundRatios.stream().map(r -> String.format(java.util.Locale.ROOT, "%.3f", r))
                                .collect(java.util.stream.Collectors.joining(" "))));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("endpoint", endpoint.json());
        json.put("rawInserts", inserts.json());
        json.put("rounds", roundsJson);
        json.put("loadAverageBefore", Format.round(loadBefore));
        json.put("loadAverageAfter", Format.round(loadAfter));
        json.put("rawDocumentsInserted", rawCount);
        json.put("uniqueIndexedPathsRewritten", unique);
        json.put("endpointOverRaw", Format.round(ratio));
        json.put("documentBytes", templates.get(0).toJson().length());
        return json;
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
            target.createIndex(key, new IndexOptions().name(index.getString("name")).unique(isUnique));
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
