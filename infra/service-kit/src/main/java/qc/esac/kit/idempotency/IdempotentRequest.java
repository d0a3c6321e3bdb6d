package qc.esac.kit.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code Idempotency-Key} of the request the current thread runs, for the writes it makes: the
 * {@link IdempotencyFilter} binds it while the request runs, and {@code AggregateStore} records it on every
 * aggregate the request writes, in the same single-document write as the state and its events. The key's answer
 * and the write are two documents, so an instance can die (or the store go away) between them; a later run of
 * the same request, once the key is free again, then finds the write by its key and answers it instead of
 * running the command a second time.
 *
 * <p>Each write call of a run on a collection has a number (1 for its first insert, update or change in that
 * collection, and so on), recorded with the key and the run: a re-run's n-th write call is the first run's n-th,
 * so a request that changes an aggregate twice, or creates two, is matched write by write, and the run's own
 * earlier writes are never mistaken for a previous run's.
 *
 * <p>Only the thread that runs the request sees it: writes made on other threads (an asynchronous handler's,
 * a Kafka listener's) are not keyed.
 */
public final class IdempotentRequest {

    private static final ThreadLocal<IdempotentRequest> CURRENT = new ThreadLocal<>();

    private final String key;
    private final String run;
    private final boolean reexecution;
    private final Map<String, Integer> writeCalls = new ConcurrentHashMap<>();
    private volatile boolean writing;

    IdempotentRequest(IdempotencyClaim.Acquired claim) {
        this.key = digest(claim.id());
        this.run = claim.owner();
        this.reexecution = claim.reexecution();
    }

    /** The keyed request this thread runs, or null (no key, a method the filter ignores, another thread). */
    public static IdempotentRequest current() {
        return CURRENT.get();
    }

    /** The caller's key as aggregates record it: a digest of (caller, key), the same for every run. */
    public String key() {
        return key;
    }

    /** This run of the request (its claim's owner): another run of the same key has another. */
    public String run() {
        return run;
    }

    /**
     * Whether an earlier run of this key may have written before it ended without an answer (its claim was
     * abandoned): creates then look for what that run created.
     */
    public boolean reexecution() {
        return reexecution;
    }

    /** The number of this write call of the run on the collection: 1, 2... */
    public int nextWriteCall(String collection) {
        return writeCalls.merge(collection, 1, Integer::sum);
    }

    /**
     * Called before a write is sent: from then on the request may have written (even if the write then fails,
     * its outcome can be unknown), so its key is not simply given back on failure.
     */
    public void writing() {
        writing = true;
    }

    boolean mayHaveWritten() {
        return writing;
    }

    void bind() {
        CURRENT.set(this);
    }

    static void unbind() {
        CURRENT.remove();
    }

    private static String digest(String claimId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(claimId.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
