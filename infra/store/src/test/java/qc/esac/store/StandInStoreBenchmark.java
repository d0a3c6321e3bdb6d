package qc.esac.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prints what a conditional update ({@code _id} + version, the platform's every write) costs as the collection
 * grows, on the library's memory backend and on the stand-in's. Not part of the build:
 * {@code ./mvnw -B -pl infra/store verify -Dtest=StandInStoreBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class StandInStoreBenchmark {

    private static final int UPDATES = 2_000;

    @Test
    void conditionalUpdatesAsTheCollectionGrows() {
        System.out.printf("%-22s %10s %14s%n", "backend", "documents", "updates/s");
        for (int size : new int[] {1_000, 5_000, 20_000}) {
            System.out.printf("%-22s %10d %14.0f%n", "library memory", size, rate(new MemoryBackend(), size));
            System.out.printf("%-22s %10d %14.0f%n", "stand-in memory", size, rate(StandInStores.inMemory(), size));
        }
    }

    /**
     * Membership's organization list ({@code closedOn} null, sorted by search name and id, page 10 of 20, with its
     * count) and name search (an unanchored regex on the search name), as the collection grows: milliseconds per
     * query (median of {@value #QUERIES}), with the indexes membership declares.
     */
    @Test
    void organizationListAndSearchAsTheCollectionGrows() {
        System.out.printf("%-18s %9s %12s %12s %12s %12s%n", "backend", "documents", "page ms", "count ms",
                "search ms", "search count");
        for (int size : new int[] {1_000, 20_000}) {
            for (boolean standIn : new boolean[] {false, true}) {
                MongoBackend backend = standIn ? StandInStores.inMemory() : new MemoryBackend();
                withOrganizations(backend, size, organizations -> {
                    Document open = new Document("state.closedOn", null);
                    Document byName = new Document("state.searchName", 1).append("_id", 1);
                    Document search = new Document("state.searchName",
                            java.util.regex.Pattern.compile(".*\\Qbanc-000001\\E.*")).append("state.closedOn", null);
                    double page = medianMillis(() -> organizations.find(open).sort(byName).skip(200).limit(20)
                            .into(new ArrayList<>()).size());
                    double count = medianMillis(() -> (int) organizations.countDocuments(open));
                    double found = medianMillis(() -> organizations.find(search).sort(byName).limit(20)
                            .into(new ArrayList<>()).size());
                    double foundCount = medianMillis(() -> (int) organizations.countDocuments(search));
                    System.out.printf("%-18s %9d %12.2f %12.2f %12.2f %12.2f%n",
                            standIn ? "stand-in memory" : "library memory", size, page, count, found, foundCount);
                });
            }
        }
    }

    private static final int QUERIES = 41;

    private static double medianMillis(java.util.function.IntSupplier query) {
        double[] times = new double[QUERIES];
        for (int i = 0; i < QUERIES; i++) {
            long start = System.nanoTime();
            assertThat(query.getAsInt()).isPositive();
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        java.util.Arrays.sort(times);
        return times[QUERIES / 2];
    }

    private static void withOrganizations(MongoBackend backend, int size,
                                          java.util.function.Consumer<MongoCollection<Document>> use) {
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            MongoCollection<Document> organizations = client.getDatabase("bench").getCollection("organizations");
            organizations.createIndex(new Document("state.searchName", 1).append("_id", 1));
            organizations.createIndex(new Document("state.closedOn", 1));
            organizations.createIndex(new Document("state.profile.regionCode", 1));
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                Document profile = new Document("legalName", "Banc %06d".formatted(i * 7919L % size))
                        .append("regionCode", "%02d".formatted(1 + i % 17)).append("sectorCodes", List.of("s" + i % 7));
                batch.add(new Document("_id", java.util.UUID.randomUUID().toString()).append("version", 1L)
                        .append("state", new Document("profile", profile)
                                .append("searchName", "banc-%06d".formatted(i * 7919L % size)))
                        .append("outbox", List.of()));
            }
            organizations.insertMany(batch);
            use.accept(organizations);
        } finally {
            server.shutdownNow();
        }
    }

    private static double rate(MongoBackend backend, int size) {
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            MongoCollection<Document> documents = client.getDatabase("bench").getCollection("things");
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                batch.add(new Document("_id", "d" + i).append("version", 0L));
            }
            documents.insertMany(batch);
            long matched = 0;
            long start = System.nanoTime();
            for (int i = 0; i < UPDATES; i++) {
                String id = "d" + (i * 7919 % size);
                long version = documents.find(new Document("_id", id)).first().getLong("version");
                matched += documents.updateOne(new Document("_id", id).append("version", version),
                        Updates.set("version", version + 1)).getMatchedCount();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(matched).isEqualTo(UPDATES);
            return UPDATES / seconds;
        } finally {
            server.shutdownNow();
        }
    }
}
