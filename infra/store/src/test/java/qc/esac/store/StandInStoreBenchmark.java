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
