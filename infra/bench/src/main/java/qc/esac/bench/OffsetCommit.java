package qc.esac.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * An offset commit as the group coordinator writes it to {@code __consumer_offsets}: the key is a version
 * (0 or 1 for offset commits; other versions are group metadata) then group, topic and partition; the value a
 * version then the committed offset (the first field of every version). Only these fields are read, so later
 * additions to the value (leader epoch, metadata, timestamps, tagged fields) do not matter.
 */
record OffsetCommit(String group, String topic, int partition, long offset) {

    static Optional<OffsetCommit> decode(byte[] key, byte[] value) {
        if (key == null || value == null || key.length < 2 || value.length < 10) {
            return Optional.empty(); // a tombstone (expired offsets) or not an offset commit
        }
        ByteBuffer k = ByteBuffer.wrap(key);
        short keyVersion = k.getShort();
        if (keyVersion != 0 && keyVersion != 1) {
            return Optional.empty();
        }
        String group = string(k);
        String topic = string(k);
        int partition = k.getInt();
        ByteBuffer v = ByteBuffer.wrap(value);
        v.getShort();
        return Optional.of(new OffsetCommit(group, topic, partition, v.getLong()));
    }

    private static String string(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.getShort()];
        buffer.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
