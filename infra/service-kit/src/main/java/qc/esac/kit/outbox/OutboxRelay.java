package qc.esac.kit.outbox;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaOperations;
import qc.esac.events.CloudEventAttributes;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Publishes the events waiting in aggregate outboxes to Kafka, in order per aggregate, and removes each one
 * only once Kafka acknowledged it.
 *
 * <p>Two paths share one routine: right after a write the aggregate is published at once on a background
 * thread ({@link #publishSoon}), and a periodic sweep picks up whatever is left (the broker was down, the
 * instance crashed). Before publishing an aggregate, an instance claims it with a lease stored in the
 * document; several instances can therefore run the relay, and when one dies holding a lease another takes
 * the aggregate over once the lease expires. Delivery is at least once: an instance that dies between
 * Kafka's acknowledgement and the removal publishes that event again later, with the same id and sequence.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /** Bounds how long one immediate publication keeps following writes to the same aggregate. */
    private static final int MAX_ROUNDS_PER_PUBLICATION = 16;
    /**
     * Immediate publications waiting for a publisher thread. Beyond this the writer does not wait and nothing
     * queues without bound: the aggregate is left to the next sweep (its events are safe in the store).
     */
    static final int FAST_PATH_QUEUE = 10_000;

    private final MongoTemplate mongo;
    private final KafkaOperations<String, byte[]> kafka;
    private final OutboxProperties properties;
    private final Clock clock;
    private final String instanceId;
    private final Set<String> collections = ConcurrentHashMap.newKeySet();
    /** Collections where this instance knows, or cannot rule out, that events wait. */
    private final Set<String> mayHavePending = ConcurrentHashMap.newKeySet();
    private volatile Instant nextFullSweep = Instant.MIN;
    private final OutboxBacklog backlog;
    private volatile ThreadPoolExecutor fastPath;
    /** Aggregates with an immediate publication queued and not started: a second write adds no second task. */
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    private volatile ScheduledExecutorService sweeper;
    private final Tracer tracer;
    private final Propagator propagator;

    public OutboxRelay(MongoTemplate mongo, KafkaOperations<String, byte[]> kafka, OutboxProperties properties,
                       Clock clock, OutboxBacklog backlog) {
        this(mongo, kafka, properties, clock, backlog, null, null);
    }

    /**
     * With tracing: each publication continues the trace of the request that wrote the event (its saved
     * {@code traceparent}), so the producer's span, and the consumers' after it, share that request's trace id.
     */
    public OutboxRelay(MongoTemplate mongo, KafkaOperations<String, byte[]> kafka, OutboxProperties properties,
                       Clock clock, OutboxBacklog backlog, Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
        this.mongo = mongo;
        this.kafka = kafka;
        this.properties = properties;
        this.clock = clock;
        this.backlog = backlog;
        this.instanceId = UUID.randomUUID().toString();
    }

    /** Registers a collection of aggregates whose outboxes the relay sweeps. */
    public void register(String collection) {
        if (collections.add(collection)) {
            mayHavePending.add(collection); // events may have been left by a previous run
            // Lets the sweep find pending documents through an index instead of a scan (production MongoDB).
            mongo.getCollection(collection).createIndex(Indexes.ascending(OutboxFields.FIRST_PENDING + ".id"),
                    new IndexOptions().sparse(true).name("outbox_pending"));
        }
    }

    public String instanceId() {
        return instanceId;
    }

    /** Publishes the aggregate's pending events on a background thread, without delaying the caller. */
    public void publishSoon(String collection, String aggregateId) {
        ThreadPoolExecutor executor = fastPath;
        if (executor == null) {
            return; // not started (or stopping): the sweep will publish
        }
        String key = collection + '\u0000' + aggregateId;
        if (!queued.add(key)) {
            return; // the queued publication has not claimed yet: it will publish this write's events too
        }
        try {
            executor.execute(() -> {
                queued.remove(key); // from here on, a new write needs a publication of its own
                try {
                    publish(collection, aggregateId);
                } catch (RuntimeException e) {
                    mayHavePending.add(collection);
                    log.warn("Immediate publication of {}/{} failed; the relay will retry", collection, aggregateId, e);
                }
            });
        } catch (RejectedExecutionException full) {
            queued.remove(key);
            mayHavePending.add(collection); // backpressure: the sweep publishes it
        }
    }

    /**
     * Claims and publishes one aggregate's outbox now.
     *
     * @return false when another instance holds the aggregate or Kafka did not acknowledge every event
     */
    public boolean publish(String collection, String aggregateId) {
        boolean published = false;
        // A write made while this publisher holds the lease had its own immediate publication refused by that
        // lease; claiming again after the release (an _id lookup) publishes it now, not at the next full sweep.
        for (int round = 0; round < MAX_ROUNDS_PER_PUBLICATION; round++) {
            Document claimed = claim(collection, new Document(OutboxFields.ID, aggregateId));
            if (claimed == null) {
                return published; // nothing left, or another publisher holds it (a full sweep covers a dead holder)
            }
            Drained drained = drain(collection, claimed);
            if (drained == Drained.FAILED) {
                mayHavePending.add(collection); // left for the next sweep
                return false;
            }
            published = true;
            if (drained == Drained.ALL) {
                return true;
            }
        }
        mayHavePending.add(collection); // a very busy aggregate: the next sweep goes on
        return published;
    }

    /**
     * One pass over every registered collection: claims and publishes pending aggregates until none is left
     * or the batch size is reached.
     *
     * @return the number of events published
     */
    public int sweep() {
        int published = 0;
        for (String collection : collections) {
            published += sweep(collection);
        }
        backlog.refresh(collections);
        return published;
    }

    /**
     * What the relay thread runs at each interval. Looking for pending documents costs a query that the
     * MongoDB stand-in answers with a full scan, so between full sweeps (every {@code fullSweepInterval}, to
     * catch what other instances left behind) only the collections where this instance saw a publication
     * fail, or could not claim an aggregate, are swept.
     */
    void tick() {
        Instant now = clock.instant();
        if (!now.isBefore(nextFullSweep)) {
            nextFullSweep = now.plus(properties.fullSweepInterval());
            sweep();
            return;
        }
        for (String collection : collections) {
            if (mayHavePending.contains(collection)) {
                sweep(collection);
            }
        }
    }

    private int sweep(String collection) {
        // One query finds the pending aggregates (MongoDB answers it through the outbox_pending index; the
        // stand-in scans once), then each is claimed by its id: a claim without an id would be a scan each.
        List<Object> pendingIds = new ArrayList<>();
        documents(collection).find(Filters.exists(OutboxFields.FIRST_PENDING + ".id"))
                .projection(Projections.include(OutboxFields.ID)).limit(properties.sweepBatch())
                .forEach(document -> pendingIds.add(document.get(OutboxFields.ID)));
        int published = 0;
        boolean more = pendingIds.size() == properties.sweepBatch();
        for (Object id : pendingIds) {
            Document claimed = claim(collection, new Document(OutboxFields.ID, id));
            if (claimed == null) {
                continue; // published meanwhile, or leased: its holder publishes it (a dead one's lease expires)
            }
            int pending = pendingEvents(claimed).size();
            Drained drained = drain(collection, claimed);
            if (drained == Drained.FAILED) {
                mayHavePending.add(collection);
                return published; // the broker is unreachable: try again at the next sweep
            }
            published += pending;
            more |= drained == Drained.MORE;
        }
        // What is still pending is leased: its holder publishes it, or, should the holder die, the next full sweep
        // once the lease expires. Sweeping again meanwhile would only repeat the query.
        if (more) {
            mayHavePending.add(collection);
        } else {
            mayHavePending.remove(collection);
        }
        return published;
    }

    /**
     * Claims one aggregate with pending events that no live lease holds. Filters are plain documents with
     * {@code _id} at the top level, which both MongoDB and the stand-in answer through the id index.
     */
    private Document claim(String collection, Document which) {
        Date now = Date.from(clock.instant());
        Document filter = new Document(which)
                .append(OutboxFields.FIRST_PENDING + ".id", new Document("$exists", true))
                .append("$or", List.of(new Document(OutboxFields.LEASE, null),
                        new Document(OutboxFields.LEASE_UNTIL, new Document("$lt", now))));
        Bson lease = Updates.set(OutboxFields.LEASE, new Document("owner", instanceId)
                .append("until", Date.from(clock.instant().plus(properties.lease()))));
        return documents(collection).findOneAndUpdate(filter, lease,
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    }

    /** What a drain left in the aggregate's outbox. */
    private enum Drained {
        /** Everything claimed was acknowledged and nothing was written meanwhile. */
        ALL,
        /** Everything claimed was acknowledged, and a write made during the lease added events. */
        MORE,
        /** Kafka did not acknowledge an event: it and the ones after it stay for a later attempt. */
        FAILED
    }

    /**
     * Sends the claimed events without waiting between them (the idempotent producer keeps them in order on the
     * aggregate's partition), then waits for the acknowledgements, then removes the acknowledged ones and gives
     * the lease up in one write.
     */
    private Drained drain(String collection, Document claimed) {
        String aggregateId = claimed.getString(OutboxFields.ID);
        List<OutboxEvent> events = pendingEvents(claimed);
        List<CompletableFuture<?>> sends = new ArrayList<>(events.size());
        List<String> acknowledged = new ArrayList<>(events.size());
        boolean failed = false;
        try {
            for (OutboxEvent event : events) {
                sends.add(send(event));
            }
            // Only a prefix counts: an event acknowledged after one that failed is sent again with it (a
            // duplicate, never a gap that consumers comparing sequences would skip).
            for (int i = 0; i < events.size(); i++) {
                sends.get(i).get(properties.sendTimeout().plusSeconds(5).toMillis(), TimeUnit.MILLISECONDS);
                acknowledged.add(events.get(i).id());
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            failed = true;
            log.warn("Kafka did not acknowledge an event of {}/{}; it stays in the outbox: {}", collection,
                    aggregateId, e.toString());
        }
        boolean more = removeAndRelease(collection, aggregateId, acknowledged);
        return failed ? Drained.FAILED : more ? Drained.MORE : Drained.ALL;
    }

    /**
     * One write removes what Kafka acknowledged and gives the lease up. Should the instance die before it,
     * the acknowledged events are published again once the lease expires: at least once, never lost.
     *
     * @return whether events are still waiting (written while the lease was held), read from the same write
     */
    private boolean removeAndRelease(String collection, String aggregateId, List<String> acknowledged) {
        Bson removal = Updates.pull(OutboxFields.OUTBOX,
                new Document(OutboxEvent.ID, new Document("$in", acknowledged)));
        Bson release = Updates.unset(OutboxFields.LEASE);
        Document after = documents(collection).findOneAndUpdate(
                new Document(OutboxFields.ID, aggregateId).append(OutboxFields.LEASE_OWNER, instanceId),
                acknowledged.isEmpty() ? release : Updates.combine(release, removal),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)
                        .projection(Projections.include(OutboxFields.OUTBOX)));
        if (after == null) {
            if (!acknowledged.isEmpty()) {
                // The lease expired meanwhile and another instance may hold it now: remove, but leave its lease.
                documents(collection).updateOne(Filters.eq(OutboxFields.ID, aggregateId), removal);
            }
            return false; // its holder publishes what is left
        }
        List<?> left = after.getList(OutboxFields.OUTBOX, Object.class);
        return left != null && !left.isEmpty();
    }

    private CompletableFuture<?> send(OutboxEvent event) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(event.id())
                .withSource(URI.create(event.source()))
                .withType(event.type())
                .withSubject(event.subject())
                .withTime(event.time().atOffset(ZoneOffset.UTC))
                .withDataContentType(CloudEventAttributes.DATA_CONTENT_TYPE)
                .withDataSchema(URI.create(event.dataSchema()))
                .withExtension(CloudEventAttributes.SEQUENCE, event.sequence())
                .withData(event.data().getBytes(StandardCharsets.UTF_8));
        CloudEvent cloudEvent = builder.build();
        ProducerRecord<String, byte[]> record = KafkaMessageFactory
                .createWriter(event.topic(), null, event.time().toEpochMilli(), event.subject())
                .writeBinary(cloudEvent);
        // The producer gives up at its delivery timeout (set to sendTimeout); the drain waits a little longer than
        // that, so a failure there is final and the producer will not deliver this record behind our back.
        if (event.traceparent() == null) {
            return kafka.send(record);
        }
        if (tracer == null || propagator == null) {
            record.headers().add(CloudEventAttributes.TRACEPARENT, event.traceparent().getBytes(StandardCharsets.UTF_8));
            return kafka.send(record);
        }
        // The observed template writes the traceparent of the current span: make that a child of the request's
        // trace, not a new root (it would replace the saved header).
        Span span = propagator.extract(Map.of(CloudEventAttributes.TRACEPARENT, event.traceparent()), Map::get)
                .name("esac outbox publish").tag("esac.event.type", event.type()).start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
            return kafka.send(record).whenComplete((result, failure) -> span.end());
        }
    }

    private static List<OutboxEvent> pendingEvents(Document document) {
        return document.getList(OutboxFields.OUTBOX, Document.class).stream()
                .map(OutboxEvent::fromDocument)
                .sorted((a, b) -> Long.compare(a.sequence(), b.sequence()))
                .toList();
    }

    private MongoCollection<Document> documents(String collection) {
        return mongo.getCollection(collection);
    }

    @Override
    public void start() {
        fastPath = new ThreadPoolExecutor(properties.publishers(), properties.publishers(), 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(FAST_PATH_QUEUE), daemon("outbox-publish"));
        sweeper = Executors.newSingleThreadScheduledExecutor(daemon("outbox-relay"));
        long interval = properties.relayInterval().toMillis();
        sweeper.scheduleWithFixedDelay(this::sweepSafely, interval, interval, TimeUnit.MILLISECONDS);
        log.info("Outbox relay {} started (sweep every {} ms, full sweep every {}, lease {})", instanceId, interval,
                properties.fullSweepInterval(), properties.lease());
    }

    private void sweepSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            log.warn("Outbox sweep failed; next sweep will retry", e);
        }
    }

    @Override
    public void stop() {
        ThreadPoolExecutor executor = fastPath;
        fastPath = null;
        if (executor != null) {
            executor.shutdown();
            awaitQuietly(executor);
        }
        ScheduledExecutorService scheduled = sweeper;
        sweeper = null;
        if (scheduled != null) {
            scheduled.shutdown();
            awaitQuietly(scheduled);
        }
    }

    @Override
    public boolean isRunning() {
        return sweeper != null;
    }

    @Override
    public int getPhase() {
        // Stop before the Kafka producer and the MongoDB client so that in-flight publications can finish.
        return SmartLifecycle.DEFAULT_PHASE - 1000;
    }

    private static void awaitQuietly(ExecutorService executor) {
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
