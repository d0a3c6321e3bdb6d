package qc.esac.store;

import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.ObjectId;

import java.time.Instant;

/**
 * The single values the file store writes its own way (BSON documents, {@link BsonDocuments}; remembered index
 * keys, {@link IndexKeys}): null, strings, 32- and 64-bit integers, doubles, booleans, object ids, 128-bit decimals
 * and instants. Each of them is immutable, and two equal ones have the same class and the same bytes in either
 * encoding. Anything else (binary data, other numbers, documents, lists) each caller judges on its own.
 */
final class ScalarValues {

    private ScalarValues() {
    }

    static boolean isScalar(Object value) {
        return value == null || value instanceof String || value instanceof Integer || value instanceof Long
                || value instanceof Double || value instanceof Boolean || value instanceof ObjectId
                || value instanceof Decimal128 || value instanceof Instant;
    }
}
