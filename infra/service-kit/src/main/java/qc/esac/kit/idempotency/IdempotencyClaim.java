package qc.esac.kit.idempotency;

/** The outcome of presenting an idempotency key: what the request carrying it may do. */
public sealed interface IdempotencyClaim {

    /** The key is this request's: run it, then {@link IdempotencyStore#complete complete} or release it. */
    record Acquired(String id, String owner) implements IdempotencyClaim {
    }

    /** An earlier request with the same key and the same content completed: replay its response. */
    record Completed(StoredResponse response) implements IdempotencyClaim {
    }

    /** An earlier request with the same key and the same content is still running. */
    record InFlight() implements IdempotencyClaim {
    }

    /** The key was already used for a different request. */
    record Mismatch() implements IdempotencyClaim {
    }
}
