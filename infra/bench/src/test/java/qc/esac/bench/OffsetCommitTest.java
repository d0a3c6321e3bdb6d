package qc.esac.bench;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class OffsetCommitTest {

    @Test
    void readsGroupTopicPartitionAndOffsetOfEveryValueVersion() {
        for (short valueVersion = 0; valueVersion <= 4; valueVersion++) {
            assertThat(OffsetCommit.decode(key((short) 1, "training-service", "esac.membership.events.v1", 3),
                    value(valueVersion, 1234)))
                    .contains(new OffsetCommit("training-service", "esac.membership.events.v1", 3, 1234));
        }
        assertThat(OffsetCommit.decode(key((short) 0, "g", "t", 0), value((short) 1, 7)))
                .contains(new OffsetCommit("g", "t", 0, 7));
    }

    @Test
    void ignoresGroupMetadataAndTombstones() {
        byte[] groupMetadataKey = ByteBuffer.allocate(2 + 2 + 1).putShort((short) 2).putShort((short) 1)
                .put((byte) 'g').array();
        assertThat(OffsetCommit.decode(groupMetadataKey, value((short) 3, 1))).isEmpty();
        assertThat(OffsetCommit.decode(key((short) 1, "g", "t", 0), null)).isEmpty();
    }

    /** As the group coordinator writes it: version, then group, topic (int16-length strings) and partition. */
    private static byte[] key(short version, String group, String topic, int partition) {
        byte[] g = group.getBytes(StandardCharsets.UTF_8);
        byte[] t = topic.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(2 + 2 + g.length + 2 + t.length + 4).putShort(version)
                .putShort((short) g.length).put(g).putShort((short) t.length).put(t).putInt(partition).array();
    }

    /** Version, the offset first, then what later versions add (here: leader epoch, metadata, timestamp). */
    private static byte[] value(short version, long offset) {
        return ByteBuffer.allocate(2 + 8 + 4 + 2 + 8 + 1).putShort(version).putLong(offset).putInt(-1)
                .putShort((short) 0).putLong(System.currentTimeMillis()).put((byte) 0).array();
    }
}
