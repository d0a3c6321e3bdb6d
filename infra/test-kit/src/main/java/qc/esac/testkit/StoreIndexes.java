package qc.esac.testkit;

import com.mongodb.client.MongoCollection;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;

/**
 * A collection's indexes as a test compares them: each as {@code {key: {...}}}, with {@code unique} and
 * {@code sparse} only when set, and directions as ints (the stand-in store may answer 1.0). Used by the services'
 * {@code QueryIndexesIT}, which read back the indexes each declares at start.
 */
public final class StoreIndexes {

    private StoreIndexes() {
    }

    /** Every index of {@code collection}, as {@link #index} shows one. */
    public static List<Document> of(MongoCollection<Document> collection) {
        List<Document> indexes = new ArrayList<>();
        collection.listIndexes().forEach(index -> {
            Document key = new Document();
            index.get("key", Document.class).forEach((field, direction) ->
                    key.append(field, ((Number) direction).intValue()));
            Document shown = index(key);
            for (String option : List.of("unique", "sparse")) {
                if (Boolean.TRUE.equals(index.get(option))) {
                    shown.append(option, true);
                }
            }
            indexes.add(shown);
        });
        return indexes;
    }

    /** An index on {@code key}, without options (append {@code unique} or {@code sparse} for those). */
    public static Document index(Document key) {
        return new Document("key", key);
    }

    /** An index key's first field; {@code append} the next ones. */
    public static Document key(String field, int direction) {
        return new Document(field, direction);
    }
}
