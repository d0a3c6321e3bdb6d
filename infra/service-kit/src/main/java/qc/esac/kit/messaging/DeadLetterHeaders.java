package qc.esac.kit.messaging;

/** Headers the platform adds to dead letters and replays, beside Spring Kafka's {@code kafka_dlt-*} ones. */
public final class DeadLetterHeaders {

    /** Why the record could not be processed, in words an operator can act on. */
    public static final String REASON = "esac_dlt_reason";
    /** On a replayed record: the dead letter it came from ({@code topic/partition/offset}). */
    public static final String REPLAYED_FROM = "esac_replayed_from";
    /**
     * On a replayed record: the consumer group that sent it to the dead letters and asked for the replay. The other
     * groups reading the topic (other services, or another listener of the same service) already processed the
     * record and skip it ({@link ReplayedForOtherGroups}), so a replay never makes another consumer fail again.
     */
    public static final String REPLAYED_FOR = "esac_replayed_for";
    public static final String SPRING_PREFIX = "kafka_dlt-";

    private DeadLetterHeaders() {
    }
}
