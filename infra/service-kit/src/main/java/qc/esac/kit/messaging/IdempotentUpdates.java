package qc.esac.kit.messaging;

import com.mongodb.client.result.UpdateResult;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Applies a consumed event to a read-model document exactly once, by construction: the update is
 * conditional on the event's sequence being newer than the last one applied from the same aggregate, which
 * the same write records. A redelivered event, or an older one arriving after a newer, matches nothing and
 * changes nothing; no separate "processed events" table is needed.
 */
public class IdempotentUpdates {

    /** Field of a read-model document holding, per source aggregate, the sequence last applied. */
    public static final String APPLIED = "_applied";

    private final MongoTemplate mongo;

    public IdempotentUpdates(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Applies {@code update} to document {@code documentId} of {@code collection} (creating it if needed)
     * when {@code event} is newer than what the document has seen of the event's aggregate.
     *
     * @return true when applied, false when the event was a duplicate or older than what is stored
     */
    public boolean applyIfNewer(String collection, String documentId, IncomingEvent event, Update update) {
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

    /** Field names may not contain dots or start with a dollar sign. */
    private static String fieldSafe(String subject) {
        return subject.replace('.', '_').replace('$', '_');
    }
}
