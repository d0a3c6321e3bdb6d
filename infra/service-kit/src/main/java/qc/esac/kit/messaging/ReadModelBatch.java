package qc.esac.kit.messaging;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.UpdateMapper;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.query.Update;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The read-model documents a batch of events reads and changes, kept in memory while the batch's events are
 * applied in order, then written at once: one {@code _id $in} query per collection to load them, one unordered bulk
 * write per collection to store them. Each event is judged as {@link IdempotentUpdates} judges it alone (applied
 * only when newer than the sequence the document records for its aggregate), against the copy in memory, so the
 * final state is the one the events would have left one by one.
 *
 * <p>Each write is conditional on what was read: a new document is inserted (a duplicate key means someone created
 * it meanwhile), a known one is updated only while the sequences of the aggregates this batch applied are still
 * those it read. When any write finds the document changed (another instance, during a rebalance), {@link #flush}
 * says so and the caller applies the batch's events again one by one, each against the stored document.
 */
final class ReadModelBatch {

    private static final int DUPLICATE_KEY = 11000;

    private final MongoTemplate mongo;
    private final UpdateMapper mapper;
    private final Map<String, Map<Object, Pending>> collections = new LinkedHashMap<>();

    ReadModelBatch(MongoTemplate mongo) {
        this.mongo = mongo;
        this.mapper = new UpdateMapper(mongo.getConverter());
    }

    /** Loads the documents of {@code ids} not loaded yet, with one query by {@code _id}. */
    void load(String collection, Collection<String> ids) {
        Map<Object, Pending> documents = collections.computeIfAbsent(collection, c -> new LinkedHashMap<>());
        Set<Object> missing = new LinkedHashSet<>();
        for (String id : ids) {
            Object key = mapper.convertId(id);
            if (!documents.containsKey(key)) {
                missing.add(key);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        for (Document found : mongo.getCollection(collection).find(Filters.in("_id", missing))) {
            documents.put(found.get("_id"), new Pending(found.get("_id"), found, true));
            missing.remove(found.get("_id"));
        }
        for (Object absent : missing) {
            documents.put(absent, new Pending(absent, new Document("_id", absent), false));
        }
    }

    Optional<Document> current(String collection, String id) {
        Pending pending = pending(collection, id);
        return pending.exists() ? Optional.of(pending.document) : Optional.empty();
    }

    boolean applyIfNewer(String collection, String id, String aggregate, long sequence, Update update) {
        Pending pending = pending(collection, id);
        Document applied = pending.document.get(IdempotentUpdates.APPLIED, Document.class);
        Object seen = applied == null ? null : applied.get(aggregate);
        if (seen instanceof Number number && number.longValue() >= sequence) {
            return false;
        }
        Document mapped = mapper.getMappedObject(update.getUpdateObject(), (MongoPersistentEntity<?>) null);
        for (Map.Entry<String, Object> operation : mapped.entrySet()) {
            Document fields = (Document) operation.getValue();
            switch (operation.getKey()) {
                case "$set" -> fields.forEach(pending::set);
                case "$unset" -> fields.keySet().forEach(pending::unset);
                default -> throw new IllegalArgumentException("A read-model batch applies $set and $unset, not "
                        + operation.getKey());
            }
        }
        if (applied == null) {
            applied = new Document();
            pending.document.put(IdempotentUpdates.APPLIED, applied);
        }
        if (!pending.appliedAtRead.containsKey(aggregate)) {
            pending.appliedAtRead.put(aggregate, seen);
        }
        applied.put(aggregate, sequence);
        pending.changed = true;
        return true;
    }

    /**
     * Writes every changed document, one unordered bulk write per collection.
     *
     * @return false when a document had changed since it was read (nothing of that document was written)
     */
    boolean flush() {
        boolean allWritten = true;
        for (Map.Entry<String, Map<Object, Pending>> collection : collections.entrySet()) {
            List<WriteModel<Document>> writes = new ArrayList<>();
            for (Pending pending : collection.getValue().values()) {
                if (pending.changed) {
                    writes.add(pending.write());
                }
            }
            if (writes.isEmpty()) {
                continue;
            }
            try {
                BulkWriteResult result = mongo.getCollection(collection.getKey()).bulkWrite(writes,
                        new BulkWriteOptions().ordered(false));
                allWritten &= result.getMatchedCount() + result.getInsertedCount() == writes.size();
            } catch (MongoBulkWriteException e) {
                for (BulkWriteError error : e.getWriteErrors()) {
                    if (error.getCode() != DUPLICATE_KEY) {
                        throw e;
                    }
                }
                allWritten = false;
            }
        }
        return allWritten;
    }

    private Pending pending(String collection, String id) {
        Map<Object, Pending> documents = collections.get(collection);
        Pending pending = documents == null ? null : documents.get(mapper.convertId(id));
        if (pending == null) {
            load(collection, List.of(id));
            pending = collections.get(collection).get(mapper.convertId(id));
        }
        return pending;
    }

    /** One document: as read, then as the batch's events left it. */
    private static final class Pending {

        final Object id;
        final Document document;
        final boolean existed;
        /** Per aggregate this batch applied, the sequence the stored document had (null: none). */
        final Map<String, Object> appliedAtRead = new HashMap<>();
        final Set<String> setFields = new LinkedHashSet<>();
        final Set<String> unsetFields = new LinkedHashSet<>();
        boolean changed;

        Pending(Object id, Document document, boolean existed) {
            this.id = id;
            this.document = document;
            this.existed = existed;
        }

        boolean exists() {
            return existed || changed;
        }

        void set(String path, Object value) {
            String[] parts = path.split("\\.");
            Document parent = document;
            for (int i = 0; i < parts.length - 1; i++) {
                Object child = parent.get(parts[i]);
                if (!(child instanceof Document)) {
                    child = new Document();
                    parent.put(parts[i], child);
                }
                parent = (Document) child;
            }
            parent.put(parts[parts.length - 1], value);
            setFields.add(parts[0]);
            unsetFields.remove(parts[0]);
        }

        void unset(String path) {
            String[] parts = path.split("\\.");
            Object parent = document;
            for (int i = 0; i < parts.length - 1 && parent instanceof Document d; i++) {
                parent = d.get(parts[i]);
            }
            if (parent instanceof Document d) {
                d.remove(parts[parts.length - 1]);
            }
            if (parts.length == 1) {
                unsetFields.add(path);
                setFields.remove(path);
            } else if (document.containsKey(parts[0])) {
                // A nested field went: the top-level field is written whole, as it now is.
                setFields.add(parts[0]);
            }
        }

        WriteModel<Document> write() {
            if (!existed) {
                return new InsertOneModel<>(document);
            }
            Document filter = new Document("_id", id);
            Document set = new Document();
            Document applied = document.get(IdempotentUpdates.APPLIED, Document.class);
            appliedAtRead.forEach((aggregate, seen) -> {
                String field = IdempotentUpdates.APPLIED + "." + aggregate;
                filter.append(field, seen == null ? new Document("$exists", false) : seen);
                set.append(field, applied.get(aggregate));
            });
            setFields.forEach(field -> set.append(field, document.get(field)));
            Document update = new Document("$set", set);
            if (!unsetFields.isEmpty()) {
                Document unset = new Document();
                unsetFields.forEach(field -> unset.append(field, ""));
                update.append("$unset", unset);
            }
            return new UpdateOneModel<>(filter, update);
        }
    }
}
