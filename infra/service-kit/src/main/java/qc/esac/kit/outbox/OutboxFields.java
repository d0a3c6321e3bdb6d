package qc.esac.kit.outbox;

/**
 * Field names the kit keeps in every aggregate document beside the aggregate's own state. Kept in one
 * place because the store, the publisher and the relay all query them.
 */
final class OutboxFields {

    static final String ID = "_id";
    static final String STATE = "state";
    static final String VERSION = "version";
    static final String SEQUENCE = "eventSequence";
    static final String OUTBOX = "outbox";
    static final String FIRST_PENDING = "outbox.0";
    /** The Idempotency-Keys of the last requests that wrote the aggregate ({@code AggregateStore.RequestKeys}). */
    static final String REQUESTS = "requests";
    static final String LEASE = "outboxLease";
    static final String LEASE_OWNER = "outboxLease.owner";
    static final String LEASE_UNTIL = "outboxLease.until";

    private OutboxFields() {
    }
}
