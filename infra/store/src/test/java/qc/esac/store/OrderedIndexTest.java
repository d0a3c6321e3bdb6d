package qc.esac.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The non-unique indexes mongo-java-server ignores are kept by the stand-in: a sorted page walks its index and
 * examines about what it skips and returns, an equality reads its matching entries, both with MongoDB's answers,
 * after inserts, updates and deletes, and (file store) after a restart.
 */
class OrderedIndexTest {

    private static final int DOCUMENTS = 2_000;
    private static final String DATABASE = "standin";
    private static final String COLLECTION = "things";

    @TempDir
    Path directory;

    @ParameterizedTest
    @ValueSource(strings = {"memory", "file"})
    void sortedPagesAndEqualitiesReadTheIndexNotTheCollection(String kind) {
        Path file = directory.resolve("store.mv");
        MongoBackend backend = "memory".equals(kind) ? StandInStores.inMemory() : StandInStores.inFile(file);
        withStore(backend, (documents, examined) -> {
            documents.createIndex(Indexes.ascending("state.name", "_id"), new IndexOptions().name("name"));
            documents.createIndex(Indexes.ascending("state.tag"), new IndexOptions().name("tag"));
            documents.createIndex(Indexes.ascending("tags"), new IndexOptions().name("tags"));
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < DOCUMENTS; i++) {
                Document state = new Document("name", "n" + (i * 7919 % 500)).append("tag", "t" + i % 10);
                if (i % 9 == 0) {
                    state.append("closedOn", "2026-01-01");
                }
                batch.add(new Document("_id", "d%04d".formatted(i)).append("state", state)
                        .append("tags", List.of("a" + i % 3, "b" + i % 5)));
            }
            documents.insertMany(batch);
            documents.updateMany(Filters.in("_id", "d0001", "d0002", "d0003"), Updates.set("state.name", "aaa"));
            documents.updateOne(Filters.eq("_id", "d0004"), Updates.set("state.tag", "t3"));
            documents.deleteMany(Filters.in("_id", "d0005", "d0006"));

            checkAnswers(documents, examined::get);
        });
        if ("file".equals(kind)) { // the index is rebuilt from the file's documents
            withStore(StandInStores.inFile(file), (documents, examined) -> checkAnswers(documents, examined::get));
        }
    }

    private static void checkAnswers(MongoCollection<Document> documents, java.util.function.LongSupplier examined) {
        List<Document> all = documents.find().into(new ArrayList<>());
        Comparator<Document> byName = Comparator.comparing((Document d) -> state(d).getString("name"))
                .thenComparing(d -> d.getString("_id"));
        Predicate<Document> open = d -> !state(d).containsKey("closedOn");

        long before = examined.getAsLong();
        Bson openOnes = Filters.eq("state.closedOn", null);
        List<String> page = ids(documents.find(openOnes).sort(Sorts.ascending("state.name", "_id")).skip(40).limit(20));
        assertThat(page).isEqualTo(all.stream().filter(open).sorted(byName).skip(40).limit(20)
                .map(d -> d.getString("_id")).toList());
        assertThat(examined.getAsLong() - before).as("documents examined for a page at 40").isLessThan(200);

        before = examined.getAsLong();
        List<String> last = ids(documents.find(openOnes).sort(Sorts.descending("state.name", "_id")).limit(5));
        assertThat(last).isEqualTo(all.stream().filter(open).sorted(byName.reversed()).limit(5)
                .map(d -> d.getString("_id")).toList());
        assertThat(examined.getAsLong() - before).as("documents examined for the last names").isLessThan(50);

        before = examined.getAsLong();
        List<String> tagged = ids(documents.find(Filters.eq("state.tag", "t3")).sort(Sorts.ascending("_id")));
        assertThat(tagged).isEqualTo(all.stream().filter(d -> state(d).getString("tag").equals("t3"))
                .map(d -> d.getString("_id")).sorted().toList());
        assertThat(tagged).contains("d0004");
        assertThat(examined.getAsLong() - before).as("documents examined for one tag").isEqualTo(tagged.size());
        // without a sort, in the order of the library's own scan
        assertThat(ids(documents.find(Filters.eq("state.tag", "t7")))).isEqualTo(all.stream()
                .filter(d -> state(d).getString("tag").equals("t7")).map(d -> d.getString("_id")).toList());

        assertThat(documents.countDocuments(Filters.in("tags", "a1", "b2"))).isEqualTo(all.stream()
                .filter(d -> d.getList("tags", String.class).stream().anyMatch(t -> t.equals("a1") || t.equals("b2")))
                .count());
        assertThat(ids(documents.find(Filters.and(Filters.eq("tags", "b4"), Filters.eq("state.tag", "t9")))))
                .containsExactlyInAnyOrderElementsOf(all.stream()
                        .filter(d -> d.getList("tags", String.class).contains("b4")
                                && state(d).getString("tag").equals("t9"))
                        .map(d -> d.getString("_id")).toList());
        // countDocuments (an aggregation) is answered as a query: from the index alone for an indexed equality.
        documents.createIndex(Indexes.ascending("state.closedOn"), new IndexOptions().name("closedOn"));
        before = examined.getAsLong();
        assertThat(documents.countDocuments(openOnes)).isEqualTo(all.stream().filter(open).count());
        assertThat(documents.countDocuments(Filters.eq("state.tag", "t3"))).isEqualTo(tagged.size());
        assertThat(documents.countDocuments(openOnes, new com.mongodb.client.model.CountOptions().skip(10).limit(7)))
                .isEqualTo(7);
        assertThat(examined.getAsLong() - before).as("documents examined for indexed counts").isZero();
        assertThat(documents.countDocuments(Filters.and(openOnes, Filters.eq("state.tag", "t3"))))
                .isEqualTo(all.stream().filter(open).filter(d -> state(d).getString("tag").equals("t3")).count());
        assertThat(documents.countDocuments(Filters.eq("state.tag", "none"))).isZero();
        assertThat(documents.countDocuments(Filters.regex("state.name", "^n1"))).isEqualTo(all.stream()
                .filter(d -> state(d).getString("name").startsWith("n1")).count());
        assertThat(documents.countDocuments()).isEqualTo(all.size());

        // A regular expression on an indexed field reads only the documents whose key matches.
        before = examined.getAsLong();
        Bson named = new Document("state.name", java.util.regex.Pattern.compile(".*\\Qn17\\E.*"))
                .append("state.closedOn", null); // as Spring Data writes it: one document, no $and
        List<String> found = ids(documents.find(named).sort(Sorts.ascending("state.name", "_id")).limit(20));
        List<Document> expected = all.stream().filter(open).filter(d -> state(d).getString("name").contains("n17"))
                .sorted(byName).toList();
        assertThat(found).isEqualTo(expected.stream().limit(20).map(d -> d.getString("_id")).toList());
        assertThat(documents.countDocuments(named)).isEqualTo(expected.size());
        assertThat(examined.getAsLong() - before).as("documents examined for a name search")
                .isLessThan(3L * (all.stream().filter(d -> state(d).getString("name").contains("n17")).count() + 1));

        // $exists on a sparse index's field (the outbox sweep) reads the documents that have it.
        documents.createIndex(Indexes.ascending("pending.id"), new IndexOptions().sparse(true).name("pending"));
        documents.updateMany(Filters.in("_id", "d0010", "d0020"), Updates.set("pending", new Document("id", "e")));
        before = examined.getAsLong();
        assertThat(ids(documents.find(Filters.exists("pending.id")))).containsExactlyInAnyOrder("d0010", "d0020");
        assertThat(examined.getAsLong() - before).as("documents examined for the pending ones").isEqualTo(2);
        documents.updateOne(Filters.eq("_id", "d0010"), Updates.unset("pending"));
        assertThat(ids(documents.find(Filters.exists("pending.id")))).containsExactly("d0020");
        documents.updateOne(Filters.eq("_id", "d0020"), Updates.unset("pending"));

        // The same on an array position (the kit's outbox_pending index, outbox.0.id), built over existing documents.
        documents.updateMany(Filters.in("_id", "d0030", "d0040"), Updates.set("outbox",
                List.of(new Document("id", "e1"), new Document("id", "e2"))));
        documents.updateOne(Filters.eq("_id", "d0050"), Updates.set("outbox", List.of()));
        documents.createIndex(Indexes.ascending("outbox.0.id"), new IndexOptions().sparse(true).name("outbox"));
        assertThat(ids(documents.find(Filters.exists("outbox.0.id")))).containsExactlyInAnyOrder("d0030", "d0040");
        documents.updateOne(Filters.eq("_id", "d0030"), Updates.set("outbox", List.of()));
        documents.updateOne(Filters.eq("_id", "d0050"), Updates.push("outbox", new Document("id", "e3")));
        assertThat(ids(documents.find(Filters.exists("outbox.0.id")))).containsExactlyInAnyOrder("d0040", "d0050");
        documents.updateMany(Filters.in("_id", "d0040", "d0050"), Updates.set("outbox", List.of()));

        // A field under an array of documents (training's registrations by participant), some elements without it.
        documents.createIndex(Indexes.ascending("regs.person.id"), new IndexOptions().name("person"));
        documents.updateOne(Filters.eq("_id", "d0060"), Updates.set("regs", List.of(
                new Document("person", new Document("id", "p1")), new Document("other", 1),
                new Document("person", new Document("id", "p2")))));
        documents.updateOne(Filters.eq("_id", "d0070"), Updates.set("regs", List.of(
                new Document("person", new Document("id", "p2")))));
        assertThat(ids(documents.find(Filters.eq("regs.person.id", "p2")))).containsExactlyInAnyOrder("d0060", "d0070");
        assertThat(ids(documents.find(Filters.eq("regs.person.id", "p1")))).containsExactly("d0060");
        assertThat(documents.countDocuments(Filters.eq("regs.person.id", "p2"))).isEqualTo(2);

        // A sort no index gives is still the library's.
        assertThat(ids(documents.find(openOnes).sort(Sorts.ascending("state.tag", "_id")).limit(3)))
                .isEqualTo(all.stream().filter(open).sorted(Comparator.comparing((Document d) -> state(d)
                        .getString("tag")).thenComparing(d -> d.getString("_id"))).limit(3)
                        .map(d -> d.getString("_id")).toList());
    }

    private static Document state(Document document) {
        return document.get("state", Document.class);
    }

    private static List<String> ids(Iterable<Document> found) {
        List<String> ids = new ArrayList<>();
        found.forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }

    private static void withStore(MongoBackend backend,
                                  BiConsumer<MongoCollection<Document>, java.util.function.Supplier<Long>> use) {
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            MongoCollection<Document> documents = client.getDatabase(DATABASE).getCollection(COLLECTION);
            documents.countDocuments(); // creates the collection
            use.accept(documents, () -> examined(backend));
        } finally {
            server.shutdownNow();
        }
    }

    private static long examined(MongoBackend backend) {
        Object collection = backend.resolveDatabase(DATABASE).resolveCollection(COLLECTION, false);
        return collection instanceof StandInStores.Examined counted ? counted.examined() : -1;
    }
}
