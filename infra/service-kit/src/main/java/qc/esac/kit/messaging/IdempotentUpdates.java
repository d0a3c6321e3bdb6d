package qc.esac.kit.messaging;

import com.mongodb.client.result.UpdateResult;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.util.Optional;

/**
 * Applies a consumed event to a read-model document exactly once, by construction: the update is
 * conditional on the event's sequence being newer than the last one applied from the same aggregate, which
 * the same write records. A redelivered event, or an older one arriving after a newer, matches nothing and
 * changes nothing; no separate "processed events" table is needed.
 *
 * <p>While a {@link ReadModelBatch} is open on the calling thread (a batch listener, see {@link EventBatches}),
 * the same rule is applied to the batch's copy of the document in memory, and the batch writes every document it
 * changed at once; handlers do not know the difference, as long as they read the documents they write through
 * {@link #current} rather than from the store.
 */
public class IdempotentUpdates {

    /** Field of a read-model document holding, per source aggregate, the sequence last applied. */
    public static final String APPLIED = "_applied";

    private final MongoTemplate mongo;
    private final ThreadLocal<ReadModelBatch> batch = new ThreadLocal<>();

    public IdempotentUpdates(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Applies {@code update} to document {@code documentId} of {@code collection} (creating it if needed)
     * when {@code event} is newer than what the document has seen of the event's aggregate. In a batch, only
     * {@code $set} and {@code $unset} are supported.
     *
     * @return true when applied, false when the event was a duplicate or older than what is stored
     */
    public boolean applyIfNewer(String collection, String documentId, IncomingEvent event, Update update) {
        ReadModelBatch open = batch.get();
        if (open != null) {
            return open.applyIfNewer(collection, documentId, fieldSafe(event.subject()), event.sequence(), update);
        }
        String field = APPLIED + "." + fieldSafe(event.subject());
        Query query = Query.query(Criteria.where("_id").is(documentId)
                .orOperator(Criteria.where(field).exists(false), Criteria.where(field).lt(event.sequence())));
        update.set(field, event.sequence());
        try {
            UpdateResult result = mongo.upsert(query, update, collection);
            return result.getMatchedCount() > 0 || result.getUpsertedId() != null;
        } catch (DuplicateKeyException alreadyNewer) {
            // The document exists but has seen this sequence or a newer one: the upsert tried to insert.
            return false;
        }
    }

    /**
     * The read-model document as a handler must see it before changing it: in a batch, with the batch's earlier
     * events applied; otherwise as stored.
     */
    public Optional<Document> current(String collection, String documentId) {
        ReadModelBatch open = batch.get();
        if (open != null) {
            return open.current(collection, documentId);
        }
        return Optional.ofNullable(mongo.findById(documentId, Document.class, collection));
    }

    /** Opens a batch on the calling thread: until {@link #close}, updates go to it. */
    ReadModelBatch open() {
        if (batch.get() != null) {
            throw new IllegalStateException("A read-model batch is already open on this thread");
        }
        ReadModelBatch opened = new ReadModelBatch(mongo);
        batch.set(opened);
        return opened;
    }

    void close(ReadModelBatch closed) {
        if (batch.get() == closed) {
            batch.remove();
        }
    }

    /** Field names may not contain dots or start with a dollar sign. */
    static String fieldSafe(String subject) {
        return subject.replace('.', '_').replace('$', '_');
    }
}
