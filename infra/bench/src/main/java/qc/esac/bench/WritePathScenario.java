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
 * ({@code clients} closed-model callers on {@code POST /api/membership/organizations}), then raw MongoDB driver
 * inserts, by as many threads, of the same documents (copies of the ones the service just stored, with new ids
 * and new values in uniquely indexed fields) into a collection of the same store with the same indexes.
 */
final class WritePathScenario implements Scenario {

    private static final String RAW = "bench_raw_organizations";

    @Override
    public String name() {
        return "write-path";
    }

    @Override
    public Map<String, Object> run(Run run, Report report) {
        Plan plan = run.plan;
        ClosedLoad.run(plan.clients(), plan.warmUp(), (i, at) -> run.api.register(run.membership())
                .thenApply(Api.Registered::status));
        List<String> created = java.util.Collections.synchronizedList(new ArrayList<>());
        Load.Result endpoint = ClosedLoad.run(plan.clients(), plan.writePathLength(), (i, at) ->
                run.api.register(run.membership()).thenApply(registered -> {
                    registered.id().ifPresent(created::add);
                    return registered.status();
                }));

        MongoDatabase database = run.mongo().getDatabase(Run.MEMBERSHIP_DATABASE);
        MongoCollection<Document> organizations = database.getCollection(Run.ORGANIZATIONS);
        List<String> sampleIds;
        synchronized (created) {
            sampleIds = List.copyOf(created.subList(0, Math.min(100, created.size())));
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
        Load.Result inserts = ClosedLoad.run(plan.clients(), plan.writePathLength(), (i, at) -> {
            Document copy = new Document(templates.get((int) (i % templates.size())));
            copy.put("_id", UUID.randomUUID().toString());
            for (String path : unique) {
                set(copy, path, "raw-" + serial.incrementAndGet());
            }
            raw.insertOne(copy);
            return CompletableFuture.completedFuture(201);
        });
        long rawCount = raw.countDocuments();
        raw.drop();

        double ratio = endpoint.achievedRate() / inserts.achievedRate();
        report.table(new Table("write-path: create endpoint vs raw driver inserts of the same documents, "
                + plan.clients() + " callers, " + plan.writePathLength().toSeconds() + " s each",
                "path", "per second", "errors", "latency")
                .row("POST /api/membership/organizations", Format.rate(endpoint.achievedRate()), endpoint.errors(),
                        endpoint.latency().brief())
                .row("driver insertOne, " + RAW, Format.rate(inserts.achievedRate()), inserts.errors(),
                        inserts.latency().brief())
                .row("endpoint / raw", String.format(java.util.Locale.ROOT, "%.3f", ratio), "", ""));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("endpoint", endpoint.json());
        json.put("rawInserts", inserts.json());
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
