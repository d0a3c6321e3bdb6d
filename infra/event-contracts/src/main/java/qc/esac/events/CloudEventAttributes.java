package qc.esac.events;

/**
 * Names used in the CloudEvents envelope (binary mode over Kafka: attributes as {@code ce_*} headers,
 * data as plain JSON in the record value).
 */
public final class CloudEventAttributes {

    /**
     * Extension {@code aggregatesequence} (header {@code ce_aggregatesequence}), CloudEvents type Integer: the
     * event's position among the events of its aggregate ({@code subject}), 1 for the first, strictly
     * increasing, compared as a number. Not named {@code sequence}: the CloudEvents sequence extension of that
     * name is a String compared as text ("10" before "2").
     */
    public static final String SEQUENCE = "aggregatesequence";
    /**
     * The name the extension had before 2026-12 ({@code ce_sequence}). Deprecated: producers no longer write it;
     * consumers still read it from records written before the rename, until those are past the topics' retention.
     */
    public static final String LEGACY_SEQUENCE = "sequence";
    /** Extension carrying the W3C trace context of the request that caused the event. */
    public static final String TRACEPARENT = "traceparent";
    public static final String DATA_CONTENT_TYPE = "application/json";

    private CloudEventAttributes() {
    }
}
