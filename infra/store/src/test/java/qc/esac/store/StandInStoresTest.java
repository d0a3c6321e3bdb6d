package qc.esac.store;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Queries naming one {@code _id} beside other conditions (conditional updates, lease claims) give MongoDB's answers
 * on both stand-in backends, whether the other conditions hold or not; other shapes are left to the library.
 */
class StandInStoresTest {

    @TempDir
    Path directory;

    @ParameterizedTest
    @ValueSource(strings = {"memory", "file"})
    void idPlusConditionsAnswersAsMongoDbDoes(String kind) {
        MongoBackend backend = "memory".equals(kind) ? StandInStores.inMemory()
                : StandInStores.inFile(directory.resolve("store.mv"));
        withStore(backend, documents -> {
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                batch.add(new Document("_id", "d" + i).append("version", 1L).append("state", new Document("n", i)));
            }
            documents.insertMany(batch);
            documents.updateOne(Filters.eq("_id", "d7"), Updates.push("outbox", new Document("id", "e1")));

            assertThat(documents.find(new Document("_id", "d5").append("version", 1L)).into(new ArrayList<>()))
                    .extracting(d -> d.get("state", Document.class).getInteger("n")).containsExactly(5);
            assertThat(documents.find(new Document("_id", "d5").append("version", 2L)).first()).isNull();
            assertThat(documents.find(new Document("_id", "absent").append("version", 1L)).first()).isNull();

            assertThat(documents.updateOne(new Document("_id", "d5").append("version", 1L),
                    Updates.set("version", 2L)).getMatchedCount()).isEqualTo(1);
            assertThat(documents.updateOne(new Document("_id", "d5").append("version", 1L),
                    Updates.set("version", 3L)).getMatchedCount()).isZero();
            assertThat(documents.find(Filters.eq("_id", "d5")).first().getLong("version")).isEqualTo(2L);

            // A lease claim: only the document with a pending event matches.
            Document claimFilter = new Document("outbox.0.id", new Document("$exists", true));
            assertThat(documents.findOneAndUpdate(new Document("_id", "d6").append("outbox.0.id",
                    new Document("$exists", true)), Updates.set("lease", "me"))).isNull();
            Document claimed = documents.findOneAndUpdate(new Document("_id", "d7").append("outbox.0.id",
                            new Document("$exists", true)), Updates.set("lease", "me"),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
            assertThat(claimed.getString("lease")).isEqualTo("me");
            assertThat(documents.countDocuments(claimFilter)).isEqualTo(1);

            // Shapes left to the library's own plan still answer.
            assertThat(documents.countDocuments(new Document("_id", new Document("$in", List.of("d1", "d2", "zz")))
                    .append("version", 1L))).isEqualTo(2);
            assertThat(documents.countDocuments(Filters.eq("state.n", 9))).isEqualTo(1);
            assertThat(documents.deleteOne(new Document("_id", "d9").append("version", 5L)).getDeletedCount()).isZero();
            assertThat(documents.deleteOne(new Document("_id", "d9").append("version", 1L)).getDeletedCount())
                    .isEqualTo(1);
            assertThat(documents.countDocuments()).isEqualTo(499);
        });
    }

    @Test
    void aFileWrittenByThePlainH2BackendOpensWithItsDataAndIndexes() {
        Path file = directory.resolve("existing.mv");
        withStore(new H2Backend(file.toString()), documents -> {
            documents.createIndex(new Document("neq", 1), new com.mongodb.client.model.IndexOptions().unique(true));
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                batch.add(new Document("_id", "kept-" + i).append("version", 4L).append("neq", 1_000_000L + i));
            }
            documents.insertMany(batch);
        });

        H2Backend reopened = StandInStores.inFile(file);
        withStore(reopened, documents -> {
            for (int i = 0; i < 300; i += 37) {
                assertThat(documents.find(new Document("_id", "kept-" + i).append("version", 4L)).first())
                        .as("kept-" + i).isNotNull();
            }
            assertThat(documents.countDocuments()).isEqualTo(300);
            // The unique indexes the library wrote, in its order, still find every key.
            assertThatThrownBy(() -> documents.insertOne(new Document("_id", "copy").append("neq", 1_000_123L)))
                    .isInstanceOf(com.mongodb.MongoWriteException.class).hasMessageContaining("duplicate key");
            assertThatThrownBy(() -> documents.insertOne(new Document("_id", "kept-250")))
                    .isInstanceOf(com.mongodb.MongoWriteException.class).hasMessageContaining("duplicate key");
            documents.insertOne(new Document("_id", "new").append("neq", 2_000_000L));
            assertThat(documents.find(Filters.eq("neq", 2_000_000L)).first()).isNotNull();
            assertThat(reopened.getMvStore().getMapNames()).filteredOn(name -> name.contains("._index_"))
                    .hasSize(2)
                    .allSatisfy(name -> assertThat(reopened.getMvStore().openMap(name).getKeyType())
                            .isInstanceOf(IndexKeys.class));
        });
    }

    @Test
    void documentsOfEveryKindTheDriverSendsSurviveARestartOfTheFileStore() {
        Path file = directory.resolve("restarted.mv");
        // Written by the library's own backend (Java serialization), then by the stand-in (BSON) beside it.
        withStore(new H2Backend(file.toString()), documents -> documents.insertOne(
                new Document("_id", "before").append("version", 1L)));
        Document varied = new Document("_id", new org.bson.types.ObjectId())
                .append("text", "Coopérative de solidarité").append("int", 42).append("long", 1L << 40)
                .append("double", 2.5).append("flag", true).append("nothing", null)
                .append("when", new java.util.Date(1_765_000_000_123L))
                .append("amount", org.bson.types.Decimal128.parse("1234.56"))
                .append("bytes", new org.bson.types.Binary(new byte[] {1, 2, 3}))
                .append("list", List.of("a", 1, new Document("nested", List.of(1L, 2L))))
                .append("outbox", List.of(new Document("id", "e1").append("sequence", 3L)));
        withStore(StandInStores.inFile(file), documents -> {
            documents.insertOne(varied);
            documents.updateOne(Filters.eq("_id", "before"), Updates.set("version", 2L));
        });

        withStore(StandInStores.inFile(file), documents -> {
            assertThat(documents.find(Filters.eq("_id", varied.get("_id"))).first()).isEqualTo(varied);
            assertThat(documents.find(Filters.eq("_id", "before")).first())
                    .isEqualTo(new Document("_id", "before").append("version", 2L));
            assertThat(documents.countDocuments()).isEqualTo(2);
        });
    }

    /**
     * A document read while another connection keeps updating it comes back whole, as it was before or after an
     * update, and its reply always comes. The library changed stored documents in place while replies holding them
     * were being encoded: the fault suite's long run saw the encoder fail (no reply; the client waited for its
     * timeout), and a reply could mix two versions.
     */
    @Test
    void aDocumentReadWhileItIsUpdatedComesBackWhole() throws InterruptedException {
        int updates = 3_000;
        MongoServer server = new MongoServer(StandInStores.inFile(directory.resolve("store.mv")));
        server.bind("127.0.0.1", 0);
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + server.getLocalAddress().getPort()))
                .applyToSocketSettings(socket -> socket.readTimeout(5, TimeUnit.SECONDS))
                // Not retried: a reply the server failed to send must show (the encoder's failure closes the
                // connection, which a retry would hide).
                .retryReads(false).retryWrites(false).build();
        try (MongoClient client = MongoClients.create(settings)) {
            MongoCollection<Document> documents = client.getDatabase("standin").getCollection("things");
            documents.insertOne(version(0));
            AtomicReference<Throwable> updateFailure = new AtomicReference<>();
            Thread updater = new Thread(() -> {
                try {
                    for (int i = 1; i <= updates; i++) {
                        Document next = version(i);
                        next.remove("_id");
                        // Every other update adds a field, the next removes it: the document's shape changes too.
                        documents.updateOne(Filters.eq("_id", "x"), i % 2 == 0
                                ? Updates.combine(new Document("$set", next), Updates.set("lease", "l" + i))
                                : Updates.combine(new Document("$set", next), Updates.unset("lease")));
                    }
                } catch (Throwable e) {
                    updateFailure.set(e);
                }
            });
            updater.start();
            List<String> mixed = new ArrayList<>();
            List<String> failedReads = new ArrayList<>();
            int reads = 0;
            while (updater.isAlive() && failedReads.size() < 5) {
                try {
                    Document read = documents.find(Filters.eq("_id", "x")).first();
                    reads++;
                    long a = read.getLong("a");
                    boolean whole = read.getLong("b") == a && read.getList("items", Document.class).stream()
                            .allMatch(item -> item.getLong("n") == a);
                    if (!whole) {
                        mixed.add(read.toJson());
                    }
                } catch (MongoException e) {
                    failedReads.add(e.toString());
                }
            }
            updater.join(TimeUnit.MINUTES.toMillis(2));
            assertThat(updateFailure.get()).isNull();
            assertThat(failedReads).isEmpty();
            assertThat(mixed).isEmpty();
            assertThat(reads).isPositive();
            assertThat(documents.find(Filters.eq("_id", "x")).first().getLong("a")).isEqualTo(updates);
        } finally {
            server.shutdownNow();
        }
    }

    /** Version {@code n} of document {@code x}: every number in it is {@code n}. */
    private static Document version(long n) {
        List<Document> items = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            items.add(new Document("n", n).append("label", "item " + i));
        }
        return new Document("_id", "x").append("a", n).append("items", items).append("b", n);
    }

    private static void withStore(MongoBackend backend, java.util.function.Consumer<MongoCollection<Document>> use) {
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            use.accept(client.getDatabase("standin").getCollection("things"));
        } finally {
            server.shutdownNow();
        }
    }
}
