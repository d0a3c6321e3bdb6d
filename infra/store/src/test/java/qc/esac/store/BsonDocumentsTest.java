package qc.esac.store;

import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BsonDocumentsTest {

    private final BsonDocuments type = new BsonDocuments();

    @Test
    void documentsOfThePlatformsTypesAreWrittenAsBsonAndReadBackEqualWithTheirClasses() {
        Document document = new Document("_id", "org-1")
                .append("objectId", new ObjectId())
                .append("name", "Coopérative de solidarité")
                .append("int", 7).append("long", 1L << 40).append("double", -0.0).append("flag", false)
                .append("missing", null)
                .append("at", Instant.ofEpochMilli(1_765_000_000_123L))
                .append("amount", new Decimal128(12L, 3L))
                .append("list", List.of("a", 2, List.of(3L)))
                .append("nested", new Document("outbox", List.of(new Document("id", "e1").append("sequence", 3L))));

        ByteBuffer bytes = written(document);
        assertThat(bytes.get(0)).isEqualTo(BsonDocuments.BSON);
        int size = bytes.remaining();
        Document read = type.read(bytes);

        assertThat(read).isEqualTo(document);
        assertThat(bytes.remaining()).as("the whole value, and only it, is read").isZero();
        assertThat(size).isLessThan(legacySize(document) / 2);
        for (Map.Entry<String, Object> entry : document.entrySet()) {
            if (entry.getValue() != null && !(entry.getValue() instanceof List)) {
                assertThat(read.get(entry.getKey())).as(entry.getKey()).isInstanceOf(entry.getValue().getClass());
            }
        }
        assertThat(read.get("list")).isInstanceOf(List.class);
    }

    @Test
    void valuesBsonWouldChangeKeepTheirDocumentOnJavaSerialization() {
        Instant precise = Instant.ofEpochSecond(1_765_000_000L, 123_456_789);
        for (Object value : List.of(precise, new byte[] {1, 2}, java.util.UUID.randomUUID(), (short) 3,
                new java.util.HashSet<>(List.of("a")), new java.util.HashMap<>(Map.of("k", "v")))) {
            Document document = new Document("_id", "x").append("deep", new Document("value", new ArrayList<>(List.of(value))));
            assertThat(BsonDocuments.roundTrips(document)).as(value.getClass().getName()).isFalse();

            ByteBuffer bytes = written(document);
            assertThat(bytes.get(0)).isNotEqualTo(BsonDocuments.BSON);
            Object readBack = ((List<?>) ((Document) type.read(bytes).get("deep")).get("value")).get(0);
            if (value instanceof byte[] array) {
                assertThat((byte[]) readBack).isEqualTo(array);
            } else {
                assertThat(readBack).isEqualTo(value).isInstanceOf(value.getClass());
            }
        }
    }

    @Test
    void documentsWrittenBeforeByH2sObjectTypeStillRead() {
        Document document = new Document("_id", "old").append("version", 3L).append("tags", List.of("x"));
        WriteBuffer buffer = new WriteBuffer();
        new ObjectDataType().write(buffer, document);
        buffer.put((byte) 42); // the next value in the page

        ByteBuffer bytes = buffer.getBuffer().flip();
        assertThat(type.read(bytes)).isEqualTo(document);
        assertThat(bytes.get()).isEqualTo((byte) 42);
    }

    @Test
    void twoDocumentsInARowReadBackOneAfterTheOther() {
        Document first = new Document("_id", "a").append("n", 1);
        Document second = new Document("_id", "b").append("n", 2L);
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, first);
        type.write(buffer, second);
        ByteBuffer bytes = buffer.getBuffer().flip();

        assertThat(type.read(bytes)).isEqualTo(first);
        assertThat(type.read(bytes)).isEqualTo(second);
        assertThat(bytes.remaining()).isZero();
    }

    @Test
    void aDocumentUpdatedInPlaceWhileItIsWrittenIsWrittenWhole() throws Exception {
        // The library updates a stored document in place while the store's writer may be writing its page.
        Document document = new Document("_id", "org-1").append("version", 1L);
        for (int i = 0; i < 30; i++) {
            document.append("field" + i, "value " + i);
        }
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        Thread updater = new Thread(() -> {
            long version = 1;
            while (!done.get()) {
                document.remove("lease");
                document.put("lease", "relay-" + version);
                document.put("version", ++version);
            }
        });
        updater.start();
        try {
            for (int i = 0; i < 2_000; i++) {
                ByteBuffer bytes = written(document);
                Document read = type.read(bytes);
                assertThat(read.get("_id")).isEqualTo("org-1");
                assertThat(read.get("field29")).isEqualTo("value 29");
                assertThat(bytes.remaining()).isZero();
            }
        } finally {
            done.set(true);
            updater.join();
        }
    }

    private ByteBuffer written(Document document) {
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, document);
        return buffer.getBuffer().flip();
    }

    private static int legacySize(Document document) {
        WriteBuffer buffer = new WriteBuffer();
        new ObjectDataType().write(buffer, document);
        return buffer.position();
    }
}
