package qc.esac.events;

/**
 * Names used in the CloudEvents envelope (binary mode over Kafka: attributes as {@code ce_*} headers,
 * data as plain JSON in the record value).
 */
public final class CloudEventAttributes {

    /** Extension: per-aggregate sequence number, 1 for the aggregate's first event, strictly increasing. */
    public static final String SEQUENCE = "sequence";
    /** Extension carrying the W3C trace context of the request that caused the event. */
    public static final String TRACEPARENT = "traceparent";
    public static final String DATA_CONTENT_TYPE = "application/json";

    private CloudEventAttributes() {
    }
}
