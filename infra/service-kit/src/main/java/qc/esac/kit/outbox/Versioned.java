package qc.esac.kit.outbox;

/**
 * An aggregate's state with the document version it was read at: the version is the HTTP {@code ETag} and
 * the optimistic-locking token of the next update.
 */
public record Versioned<T>(String id, T state, long version) {
}
