package qc.esac.store;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IndexKeysTest {

    @Test
    void keysAreInTheOrderOfH2sObjectTypeAndScalarOnesAreSerializedOnce() {
        List<KeyValue> keys = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            keys.add(new KeyValue("org-" + i));
            keys.add(new KeyValue(1_000_000L + i * 7919L));
            keys.add(new KeyValue(i % 3 == 0 ? null : "n" + i, (double) i, i % 2 == 0));
            keys.add(new KeyValue(new ObjectId(), Instant.ofEpochMilli(1_765_000_000_000L + i)));
            keys.add(new KeyValue(new Document("b", i).append("a", "x")));
        }
        IndexKeys type = new IndexKeys();
        ObjectDataType library = new ObjectDataType();
        for (KeyValue a : keys) {
            for (KeyValue b : keys) {
                assertThat(Integer.signum(type.compare(a, b))).as("%s vs %s", a, b)
                        .isEqualTo(Integer.signum(library.compare(a, b)));
            }
        }
        // Fresh, equal instances compare as equal, as in the library (the lookups' keys).
        assertThat(type.compare(new KeyValue("org-3"), new KeyValue("org-3"))).isZero();
        assertThat(type.remembered()).isEqualTo(4 * 40);
    }

    @Test
    void keysWithEmbeddedDocumentsAreNotRemembered() {
        // Different for MongoDB and in the library's order (field order), but not to be relied on being unequal.
        KeyValue ab = new KeyValue(new Document("a", 1).append("b", 2));
        KeyValue ba = new KeyValue(new Document("b", 2).append("a", 1));
        assertThat(IndexKeys.scalar(ab)).isFalse();

        IndexKeys type = new IndexKeys();
        assertThat(type.compare(ab, ab)).isZero();
        assertThat(type.compare(ab, ba)).isNotZero().isEqualTo(new ObjectDataType().compare(ab, ba));
        assertThat(type.remembered()).isZero();
    }

    @Test
    void otherKeysKeepTheLibrarysComparison() {
        IndexKeys type = new IndexKeys();
        assertThat(type.compare("a", "b")).isNegative();
        assertThat(type.compare(2L, 1L)).isPositive();
        assertThat(type.compare(null, "a")).isEqualTo(new ObjectDataType().compare(null, "a"));
    }
}
