package qc.esac.kit.messaging;

import java.time.Instant;

/**
 * One record of a dead-letter topic, as an operator sees it.
 *
 * @param reason     why it could not be processed
 * @param replayedAt when it was sent back to its original topic, or {@code null}
 */
public record DeadLetter(String topic, int partition, long offset, String key, Instant timestamp,
                         String originalTopic, Integer originalPartition, Long originalOffset,
                         String eventType, String eventId, String reason, Instant replayedAt, String replayedBy) {

    public String reference() {
        return reference(topic, partition, offset);
    }

    static String reference(String topic, int partition, long offset) {
        return topic + "/" + partition + "/" + offset;
    }
}
