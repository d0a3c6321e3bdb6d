package qc.esac.kit.messaging;

import qc.esac.events.EventData;

import java.time.Instant;

/**
 * A consumed event, checked against its contract.
 *
 * @param data the event data, or {@code null} for a type this consumer does not know (a newer producer):
 *             consumers skip those
 */
public record IncomingEvent(String id, String type, String source, String subject, long sequence, Instant time,
                            EventData data) {

    public boolean isKnown() {
        return data != null;
    }

    /** The data as {@code type} when the event carries that type of data. */
    public <T extends EventData> java.util.Optional<T> dataAs(Class<T> type) {
        return type.isInstance(data) ? java.util.Optional.of(type.cast(data)) : java.util.Optional.empty();
    }
}
