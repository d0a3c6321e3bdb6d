package qc.esac.kit.idempotency;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The service's record of idempotency keys, one document per (subject, key) in its own MongoDB.
 *
 * <p>A key is claimed by inserting its document: the unique {@code _id} makes exactly one of several
 * concurrent requests win, without transactions (so it also holds on the single-node test store). The
 * winner later completes the document with its response; when it failed, it deletes it so that a retry can
 * run, or, if it may have written, {@link #abandon abandons} it to the next retry, which runs as a re-execution. Every write after the claim is conditional on the claim's {@code owner}, so a request that outlived
 * its {@link IdempotencyProperties#inFlightTimeout() in-flight timeout} and lost the key to a retry cannot
 * overwrite the retry's result. Documents carry {@code expiresAt}, indexed with a TTL so that MongoDB drops
 * them; an expired document still present (the TTL monitor runs about once a minute) is ignored.
 */
public class IdempotencyStore {

    static final String SUBJECT = "subject";
    static final String KEY = "key";
    static final String FINGERPRINT = "fingerprint";
    static final String STATE = "state";
    static final String OWNER = "owner";
    static final String LOCKED_UNTIL = "lockedUntil";
    static final String CREATED_AT = "createdAt";
    static final String COMPLETED_AT = "completedAt";
    static final String EXPIRES_AT = "expiresAt";
    static final String STATUS = "status";
    static final String HEADERS = "headers";
    static final String BODY = "body";
    static final String BODY_OMITTED = "bodyOmitted";
    static final String IN_FLIGHT = "in-flight";
    static final String COMPLETED = "completed";

    private static final Logger log = LoggerFactory.getLogger(IdempotencyStore.class);
    private static final int MAX_ATTEMPTS = 3;

    private final MongoTemplate mongo;
    private final IdempotencyProperties properties;
    private final Clock clock;
    private volatile boolean indexed;

    public IdempotencyStore(MongoTemplate mongo, IdempotencyProperties properties, Clock clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
    }

    /** The document id of a key: the subject's length first, so that no two (subject, key) pairs collide. */
    static String id(String subject, String key) {
        return subject.length() + ":" + subject + ":" + key;
    }

    /**
     * Presents a key for a request with the given fingerprint.
     *
     * @throws RuntimeException when the store cannot be reached (MongoDB driver or Spring data exceptions)
     */
    public IdempotencyClaim claim(String subject, String key, String fingerprint) {
        ensureIndexes();
        String id = id(subject, key);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            String owner = UUID.randomUUID().toString();
            if (insert(new Document("_id", id).append(SUBJECT, subject).append(KEY, key)
                    .append(FINGERPRINT, fingerprint).append(STATE, IN_FLIGHT).append(OWNER, owner)
                    .append(LOCKED_UNTIL, Date.from(now.plus(properties.inFlightTimeout())))
                    .append(CREATED_AT, Date.from(now))
                    .append(EXPIRES_AT, Date.from(now.plus(properties.retention()))))) {
                return new IdempotencyClaim.Acquired(id, owner);
            }
            Document existing = collection().find(Filters.eq("_id", id)).first();
            if (existing == null) {
                continue; // released or expired between our insert and our read: try again
            }
            if (!existing.getDate(EXPIRES_AT).toInstant().isAfter(now)) {
                // Expired but not yet removed by the TTL monitor: forget it, unless someone else already did.
                collection().deleteOne(Filters.and(Filters.eq("_id", id),
                        Filters.eq(OWNER, existing.getString(OWNER))));
                continue;
            }
            if (!fingerprint.equals(existing.getString(FINGERPRINT))) {
                return new IdempotencyClaim.Mismatch();
            }
            if (COMPLETED.equals(existing.getString(STATE))) {
                return new IdempotencyClaim.Completed(response(existing));
            }
            if (existing.getDate(LOCKED_UNTIL).toInstant().isAfter(now)) {
                return new IdempotencyClaim.InFlight();
            }
            // The request holding the key has not finished within the in-flight timeout (its instance is
            // presumed gone), or it was abandoned after a write: take the key over, unless another retry was
            // quicker. The earlier run may have written: this run is a re-execution.
            UpdateResult takeover = collection().updateOne(
                    Filters.and(Filters.eq("_id", id), Filters.eq(STATE, IN_FLIGHT),
                            Filters.eq(OWNER, existing.getString(OWNER))),
                    Updates.combine(Updates.set(OWNER, owner),
                            Updates.set(LOCKED_UNTIL, Date.from(now.plus(properties.inFlightTimeout())))));
            if (takeover.getModifiedCount() == 1) {
                log.warn("Idempotency key of {} taken over from a request that did not finish in {}", subject,
                        properties.inFlightTimeout());
                return new IdempotencyClaim.Acquired(id, owner, true);
            }
        }
        // Three rounds lost to concurrent requests with the same key: one of them is running.
        return new IdempotencyClaim.InFlight();
    }

    /**
     * Records the response of the request holding the claim; its retries will get it until the retention
     * ends.
     *
     * @return false when the claim was no longer this request's (it outlived its in-flight timeout)
     */
    public boolean complete(IdempotencyClaim.Acquired claim, StoredResponse response) {
        Instant now = clock.instant();
        Document headers = new Document();
        response.headers().forEach(headers::append);
        UpdateResult result = collection().updateOne(owned(claim), Updates.combine(
                Updates.set(STATE, COMPLETED), Updates.unset(LOCKED_UNTIL), Updates.set(COMPLETED_AT, Date.from(now)),
                Updates.set(EXPIRES_AT, Date.from(now.plus(properties.retention()))),
                Updates.set(STATUS, response.status()), Updates.set(HEADERS, headers),
                Updates.set(BODY, new Binary(response.body())), Updates.set(BODY_OMITTED, response.bodyOmitted())));
        if (result.getMatchedCount() == 0) {
            log.warn("Response for idempotency key {} not recorded: the key was taken over by a retry", claim.id());
            return false;
        }
        return true;
    }

    /** Gives the key up after a failure, so that a retry runs the request again. */
    public void release(IdempotencyClaim.Acquired claim) {
        collection().deleteOne(owned(claim));
    }

    /**
     * Leaves the key to the next retry at once, as a re-execution: the request failed after it may have written,
     * so its key must not be given back as if nothing had run (a retry would run the command again), and it has
     * no answer worth replaying. The retry finds what this run wrote by the key (see {@link IdempotentRequest}).
     */
    public void abandon(IdempotencyClaim.Acquired claim) {
        collection().updateOne(owned(claim), Updates.set(LOCKED_UNTIL, Date.from(clock.instant())));
    }

    private static Bson owned(IdempotencyClaim.Acquired claim) {
        return Filters.and(Filters.eq("_id", claim.id()), Filters.eq(OWNER, claim.owner()),
                Filters.eq(STATE, IN_FLIGHT));
    }

    private boolean insert(Document document) {
        try {
            collection().insertOne(document);
            return true;
        }
        catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
        catch (DuplicateKeyException e) {
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    private static StoredResponse response(Document document) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        Document stored = document.get(HEADERS, Document.class);
        if (stored != null) {
            stored.forEach((name, values) -> headers.put(name, new ArrayList<>((List<String>) values)));
        }
        Binary body = document.get(BODY, Binary.class);
        return new StoredResponse(document.getInteger(STATUS), headers, body == null ? null : body.getData(),
                Boolean.TRUE.equals(document.getBoolean(BODY_OMITTED)));
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(properties.collection());
    }

    /**
     * The TTL index, created on first use rather than at startup so that a service starts (and reports
     * itself not ready) while its store is unreachable.
     */
    private void ensureIndexes() {
        if (indexed) {
            return;
        }
        collection().createIndex(Indexes.ascending(EXPIRES_AT),
                new IndexOptions().name("idempotency_expiry").expireAfter(0L, TimeUnit.SECONDS));
        indexed = true;
    }
}
