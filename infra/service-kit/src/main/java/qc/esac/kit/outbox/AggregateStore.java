package qc.esac.kit.outbox;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import qc.esac.events.EventData;
import qc.esac.kit.domain.Change;
import qc.esac.kit.idempotency.IdempotentRequest;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import qc.esac.kit.problem.ConflictException;
import qc.esac.kit.problem.NotFoundException;
import qc.esac.kit.web.VersionHeaders;

/**
 * Stores one kind of aggregate in its collection together with the events each change causes.
 *
 * <p>Each document holds the aggregate's {@code state}, a {@code version} (optimistic locking, the HTTP
 * ETag), the aggregate's last event {@code eventSequence} and an {@code outbox} array of events not yet
 * acknowledged by Kafka. A command's state change and its events are written in one single-document
 * operation, so they are saved together or not at all, without multi-document transactions. The
 * {@link OutboxRelay} then publishes them.
 *
 * <p>A write made for a request with an {@code Idempotency-Key} also records the key, in the same operation, in
 * the document's {@code requests} (the last {@value #KEPT_REQUEST_KEYS}): if the request's answer is then lost
 * (the instance dies, or the store goes away, before the idempotency filter records it), the retry that runs it
 * again finds the write by its key and answers it, without running the command twice: {@link #insert} returns the
 * aggregate the first run created, {@link #change} and {@link #update} the aggregate as it is, neither writing
 * nor checking the version (which the first run moved). See {@link IdempotentRequest}.
 */
public class AggregateStore<T> {

    /** Reads of a fresh state before {@link #change} gives up on concurrent writers with a 409. */
    static final int CHANGE_ATTEMPTS = 5;
    /**
     * Request keys kept on an aggregate: a lost answer's retry comes within minutes (the in-flight timeout), far
     * fewer keyed writes of one aggregate than this.
     */
    static final int KEPT_REQUEST_KEYS = 32;

    private final MongoTemplate mongo;
    private final String collection;
    private final Class<T> type;
    private final OutboxEventFactory events;
    private final OutboxRelay relay;
    private final String notFoundCode;
    private final WriteFaultPoint faultPoint;

    AggregateStore(MongoTemplate mongo, String collection, Class<T> type, OutboxEventFactory events,
                   OutboxRelay relay, String notFoundCode, WriteFaultPoint faultPoint) {
        this.faultPoint = faultPoint;
        this.mongo = mongo;
        this.collection = collection;
        this.type = type;
        this.events = events;
        this.relay = relay;
        this.notFoundCode = notFoundCode;
    }

    public String collection() {
        return collection;
    }

    public Optional<Versioned<T>> find(String id) {
        return Optional.ofNullable(documents().find(Filters.eq(OutboxFields.ID, id)).first()).map(this::toVersioned);
    }

    /**
     * Documents matching a query on the state (field names prefixed with {@code state.}), with its sort
     * and paging.
     */
    public List<Versioned<T>> find(Query query) {
        return mongo.find(query, Document.class, collection).stream().map(this::toVersioned).toList();
    }

    public long count(Query query) {
        return mongo.count(Query.of(query).limit(0).skip(0), collection);
    }

    /**
     * Creates the aggregate with its first events.
     *
     * @throws DuplicateKeyException when the id, or a unique index on the state, is already taken
     */
    public Versioned<T> insert(String id, T state, List<? extends EventData> newEvents) {
        RequestWrite write = requestWrite();
        if (write != null && write.request().reexecution()) {
            // An earlier run of this request may have created it (under another id, with the same unique
            // fields) before its answer was lost: that creation is the answer.
            Document created = documents().find(write.doneEarlier()).first();
            if (created != null) {
                return toVersioned(created);
            }
        }
        List<OutboxEvent> outbox = events.create(id, 0, newEvents);
        Document document = new Document(OutboxFields.ID, id)
                .append(OutboxFields.STATE, toDocument(state))
                .append(OutboxFields.VERSION, 1L)
                .append(OutboxFields.SEQUENCE, (long) outbox.size())
                .append(OutboxFields.OUTBOX, outbox.stream().map(OutboxEvent::toDocument).toList());
        if (write != null) {
            document.append(OutboxFields.REQUESTS, List.of(write.entry()));
            write.request().writing();
        }
        // The relay's lease, taken in the same insert: it then publishes these events without a claim or a read.
        Document lease = outbox.isEmpty() ? null : relay.leaseForWrite();
        if (lease != null) {
            document.append(OutboxFields.LEASE, lease);
        }
        try {
            documents().insertOne(document);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new DuplicateKeyException(e.getMessage(), e);
            }
            throw e;
        }
        publishAfterWrite(id, outbox, lease);
        return new Versioned<>(id, state, 1L);
    }

    /**
     * The aggregate, or the store's 404 ({@code notFoundCode} with the id as argument).
     */
    public Versioned<T> get(String id) {
        return find(id).orElseThrow(() -> new NotFoundException(notFoundCode, id));
    }

    /**
     * Applies a command to the current state, the platform's one way to change an aggregate.
     *
     * <p>In this order, so that nothing about a resource is revealed to a caller who may not act on it:
     * <ol>
     * <li>404 when the aggregate does not exist;</li>
     * <li>{@code authorize} sees the current state and throws (403, or 404) when the caller may not act;</li>
     * <li>412 when {@code expectedVersion} (the client's {@code If-Match}) is given and the aggregate is no
     * longer at it;</li>
     * <li>{@code command} returns the {@link Change} (or throws its own business error), written with a
     * conditional update on the version read.</li>
     * </ol>
     * A concurrent write between the read and the update is a 412 when the client named a version; without
     * one the command expresses an intent that holds on any state, so it is applied again to a fresh read, up
     * to {@value #CHANGE_ATTEMPTS} times, then 409 {@code version.concurrente}.
     *
     * When an earlier run of the same keyed request already made this change (its answer was lost), the
     * aggregate is returned as it is once authorized, with no version check and no command.
     *
     * @param expectedVersion the version the client read, or {@code null} for "whatever is current"
     * @return the state after the change (the current one, same version, when it is {@link Change#unchanged()})
     * @throws DuplicateKeyException when the new state breaks a unique index
     */
    public Versioned<T> change(String id, Long expectedVersion, Consumer<? super T> authorize,
                               Function<? super T, Change<T>> command) {
        RequestWrite write = requestWrite();
        for (int attempt = 1; ; attempt++) {
            Document document = documents().find(Filters.eq(OutboxFields.ID, id)).first();
            if (document == null) {
                throw new NotFoundException(notFoundCode, id);
            }
            Versioned<T> current = toVersioned(document);
            authorize.accept(current.state());
            if (write != null && write.doneEarlier(document)) {
                return current;
            }
            if (expectedVersion != null && current.version() != expectedVersion) {
                throw VersionHeaders.conflict(expectedVersion, current.version());
            }
            Change<T> change = command.apply(current.state());
            if (change.isUnchanged()) {
                return current;
            }
            try {
                return write(id, current.version(), change.state(), change.events(), write);
            } catch (OptimisticLockingFailureException concurrent) {
                if (expectedVersion != null) {
                    long now = find(id).map(Versioned::version).orElse(current.version() + 1);
                    throw VersionHeaders.conflict(expectedVersion, now);
                }
                if (attempt == CHANGE_ATTEMPTS) {
                    throw new ConflictException("version.concurrente");
                }
            }
        }
    }

    /**
     * Replaces the aggregate's state and appends its new events, only if the document is still at
     * {@code expectedVersion}.
     *
     * @throws OptimisticLockingFailureException when the aggregate changed since it was read (or is gone)
     * @throws DuplicateKeyException             when the new state breaks a unique index
     */
    public Versioned<T> update(String id, long expectedVersion, T state, List<? extends EventData> newEvents) {
        return write(id, expectedVersion, state, newEvents, requestWrite());
    }

    private Versioned<T> write(String id, long expectedVersion, T state, List<? extends EventData> newEvents,
                               RequestWrite write) {
        Document current = documents().find(Filters.eq(OutboxFields.ID, id)).projection(Projections.include(
                OutboxFields.VERSION, OutboxFields.SEQUENCE, OutboxFields.REQUESTS)).first();
        if (current != null && write != null && write.doneEarlier(current)) {
            return get(id); // an earlier run of this request wrote it; its answer was lost
        }
        if (current == null || versionOf(current) != expectedVersion) {
            throw new OptimisticLockingFailureException(
                    "Aggregate " + collection + "/" + id + " is not at version " + expectedVersion);
        }
        long lastSequence = current.get(OutboxFields.SEQUENCE, Number.class).longValue();
        List<OutboxEvent> outbox = events.create(id, lastSequence, newEvents);
        Bson changes = Updates.combine(
                Updates.set(OutboxFields.STATE, toDocument(state)),
                Updates.set(OutboxFields.VERSION, expectedVersion + 1),
                Updates.set(OutboxFields.SEQUENCE, lastSequence + outbox.size()),
                Updates.pushEach(OutboxFields.OUTBOX, outbox.stream().map(OutboxEvent::toDocument).toList()));
        if (write != null) {
            changes = Updates.combine(changes, Updates.pushEach(OutboxFields.REQUESTS, List.of(write.entry()),
                    new PushOptions().slice(-KEPT_REQUEST_KEYS)));
            write.request().writing();
        }
        UpdateResult result;
        try {
            result = documents().updateOne(
                    // _id at the top level: answered through the id index, also by the stand-in store.
                    new Document(OutboxFields.ID, id).append(OutboxFields.VERSION, expectedVersion),
                    changes);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new DuplicateKeyException(e.getMessage(), e);
            }
            throw e;
        }
        if (result.getMatchedCount() == 0) {
            throw new OptimisticLockingFailureException(
                    "Aggregate " + collection + "/" + id + " changed concurrently");
        }
        publishAfterWrite(id, outbox, null);
        return new Versioned<>(id, state, expectedVersion + 1);
    }

    private void publishAfterWrite(String id, List<OutboxEvent> outbox, Document lease) {
        if (!outbox.isEmpty()) {
            faultPoint.afterWrite();
        }
        relay.written(collection, id, outbox, lease);
    }

    /** This write call's place in the keyed request the thread runs, or null when there is none. */
    private RequestWrite requestWrite() {
        IdempotentRequest request = IdempotentRequest.current();
        return request == null ? null : new RequestWrite(request, request.nextWriteCall(collection));
    }

    /** The n-th write call on this collection of a keyed request's run, as recorded in {@code requests}. */
    private record RequestWrite(IdempotentRequest request, int call) {

        static final String KEY = "key";
        static final String RUN = "run";
        static final String CALL = "call";

        Document entry() {
            return new Document(KEY, request.key()).append(RUN, request.run()).append(CALL, call);
        }

        /**
         * Whether an earlier run of the request made this write call on the aggregate. Asked of re-executions
         * only: a key reused after its retention (a new run, not a re-execution) is a new request.
         */
        boolean doneEarlier(Document aggregate) {
            List<Document> done = aggregate.getList(OutboxFields.REQUESTS, Document.class);
            return request.reexecution() && done != null && done.stream().anyMatch(entry ->
                    request.key().equals(entry.getString(KEY)) && entry.get(CALL, Number.class).intValue() == call
                            && !request.run().equals(entry.getString(RUN)));
        }

        /** The aggregates on which another run of the request made this write call. */
        Bson doneEarlier() {
            return Filters.elemMatch(OutboxFields.REQUESTS, Filters.and(Filters.eq(KEY, request.key()),
                    Filters.eq(CALL, call), Filters.ne(RUN, request.run())));
        }
    }

    private MongoCollection<Document> documents() {
        return mongo.getCollection(collection);
    }

    private Document toDocument(T state) {
        Document document = new Document();
        mongo.getConverter().write(state, document);
        document.remove("_class");
        return document;
    }

    private Versioned<T> toVersioned(Document document) {
        T state = mongo.getConverter().read(type, document.get(OutboxFields.STATE, Document.class));
        return new Versioned<>(document.getString(OutboxFields.ID), state, versionOf(document));
    }

    private static long versionOf(Document document) {
        return document.get(OutboxFields.VERSION, Number.class).longValue();
    }
}
