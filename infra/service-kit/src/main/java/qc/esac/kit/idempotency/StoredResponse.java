package qc.esac.kit.idempotency;

import java.util.List;
import java.util.Map;

/**
 * What a completed request answered, as replayed to its retries.
 *
 * @param status      HTTP status
 * @param headers     the replayed headers ({@link IdempotencyProperties#replayedHeaders()}), by name
 * @param body        the body, empty when there was none or when it was too large to keep
 * @param bodyOmitted whether a body was sent but not kept because of its size
 */
public record StoredResponse(int status, Map<String, List<String>> headers, byte[] body, boolean bodyOmitted) {

    public StoredResponse {
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }
}
