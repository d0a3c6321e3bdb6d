package qc.esac.store;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.type.ObjectDataType;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The keys of the file store's unique indexes (H2 MVStore maps of the library's {@code KeyValue}s), in the order
 * the library's H2 backend gives them, at a fraction of its cost.
 *
 * <p>H2 orders objects it does not know, and that are not {@code Comparable}, by their Java serialization: every
 * comparison in a unique index's tree serialized both keys, some twenty serializations per index per insert, update
 * or lookup by {@code _id}. In the benchmark's JVM this was most of the store's CPU (issue 12, BENCHMARKS.md). Here
 * a key made only of {@link ScalarValues} (strings, numbers, booleans, object ids, instants, nulls) is serialized
 * once and its bytes are remembered: two such keys that are equal serialize alike, so the order, and with it every
 * index already in a file, stays exactly what it was. Other keys (embedded documents, whose equal values may differ in
 * field order and so in their bytes) are compared as before.
 */
final class IndexKeys extends ObjectDataType {

    /** Serialized keys remembered at most; past it the memory starts again (no per-entry bookkeeping). */
    static final int REMEMBERED = 50_000;

    private final ConcurrentHashMap<KeyValue, byte[]> serialized = new ConcurrentHashMap<>();

    @Override
    public int compare(Object a, Object b) {
        if (a != b && a instanceof KeyValue first && b instanceof KeyValue second) {
            return compareNotNull(bytesOf(first), bytesOf(second));
        }
        return super.compare(a, b);
    }

    private byte[] bytesOf(KeyValue key) {
        byte[] bytes = serialized.get(key);
        if (bytes != null) {
            return bytes;
        }
        bytes = serialize(key);
        if (scalar(key)) {
            if (serialized.size() >= REMEMBERED) {
                serialized.clear();
            }
            serialized.put(key, bytes);
        }
        return bytes;
    }

    /** Remembered keys (tests). */
    int remembered() {
        return serialized.size();
    }

    /** Whether two equal keys necessarily serialize to the same bytes. */
    static boolean scalar(KeyValue key) {
        for (Object value : key) {
            if (!ScalarValues.isScalar(value)) {
                return false;
            }
        }
        return true;
    }
}
