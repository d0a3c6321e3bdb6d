package qc.esac.kit.idempotency;

/** The outcome of presenting an idempotency key: what the request carrying it may do. */
public sealed interface IdempotencyClaim {

    /**
     * The key is this request's: run it, then {@link IdempotencyStore#complete complete} or release it.
     *
     * @param reexecution the key was taken over from a run that ended without an answer (its instance died, or
     *                    it failed after writing): that run may have written, see {@link IdempotentRequest}
     */
    record Acquired(String id, String owner, boolean reexecution) implements IdempotencyClaim {

        /** A key no run held before. */
        public Acquired(String id, String owner) {
            this(id, owner, false);
        }
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
