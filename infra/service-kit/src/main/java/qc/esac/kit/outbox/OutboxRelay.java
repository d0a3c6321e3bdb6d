package qc.esac.kit.outbox;

import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOneModel;
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
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Publishes the events waiting in aggregate outboxes to Kafka, in order per aggregate, and removes each one
 * only once Kafka acknowledged it.
 *
 * <p>Two paths share one routine: right after a write the aggregate is queued for publication
 * ({@link #publishSoon}), and a periodic sweep picks up whatever is left (the broker was down, the instance
 * crashed). Publisher threads take the queued aggregates in batches: each aggregate of a batch is claimed with a
 * lease stored in its document, then every claimed event is sent without waiting in between (the idempotent
 * producer keeps them in order on the aggregate's partition), then, once Kafka acknowledged them, one bulk write
 * per collection removes them and gives the leases up. A publisher does not wait for Kafka: once a batch is sent it
 * takes the next one, and the publications whose sends have completed are released together by the next free
 * publisher (several batches in flight, one release for all that completed). Several instances can therefore run the relay, and when
 * one dies holding a lease another takes the aggregate over once the lease expires. Delivery is at least once:
 * an instance that dies between Kafka's acknowledgement and the removal publishes that event again later, with
 * the same id and sequence.
 *
 * <p>A write made on this instance while its aggregate is being published is remembered (its sequence is newer
 * than what was claimed) and the aggregate is queued again once its lease is given up; no claim is made just to
 * find out whether something is left. A write made on another instance meanwhile finds the aggregate leased: that
 * instance sweeps the collection at its next pass.
 *
 * <p>A create made while this relay runs carries its lease from the start ({@link #leaseForWrite}, written in the
 * same insert as the state and the events): the publisher then sends the events it was handed, without a claim or a
 * read, and only the release goes to the store. Such a lease is this instance's alone like any other (another
 * instance waits for it to be given up or to expire); this instance's claim takes it over only once it is too old to
 * send under from memory (a full queue, a slow start), so a create's events are never sent from memory after a sweep
 * published them. Once the create's topic has taken events (an acknowledgement since the last failed send), the
 * writer's own thread sends them right after the insert ({@link #written}): no thread hand-off between the commit and
 * the producer; a publisher only releases them. Before that (a fresh start, a broker outage) a publisher sends, since
 * the producer may block its caller until it knows the topic's partitions.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /** Bounds how long one call of {@link #publish} keeps following writes to the same aggregate. */
    private static final int MAX_ROUNDS_PER_PUBLICATION = 16;
    /**
     * Aggregates queued for publication and not yet taken by a publisher. Beyond this the writer does not wait
     * and nothing queues without bound: the aggregate is left to the next sweep (its events are safe in the store).
     */
    static final int FAST_PATH_QUEUE = 10_000;
    /** The sequence to give {@link #publishSoon(String, String, long)} when the caller does not know it. */
    static final long UNKNOWN_SEQUENCE = Long.MAX_VALUE;
    /** The claim of a lease a create took with its insert ({@link #leaseForWrite}). */
    static final String WRITE_CLAIM = "write";

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
    private final Tracer tracer;
    private final Propagator propagator;

    /**
     * Guards {@link #waiting}, {@link #inFlight}, {@link #accepting}, {@link #completed} and {@link #awaitingKafka};
     * publishers wait on it.
     */
    private final Object lock = new Object();
    /**
     * Aggregates queued and not yet taken by a publisher, oldest first, with the newest sequence written and, for a
     * create that took its lease with its insert, the events it wrote.
     */
    private final LinkedHashMap<Aggregate, Queued> waiting = new LinkedHashMap<>();
    /** Aggregates a publisher or a sweep of this instance is publishing, with the newest sequence written. */
    private final Map<Aggregate, Flight> inFlight = new HashMap<>();
    private boolean accepting;
    /**
     * Publications sent without waiting whose every send has completed (acknowledged or failed): a publisher removes
     * them from the outboxes and gives their leases up together, one bulk write per collection.
     */
    private final List<Sent> completed = new ArrayList<>();
    /** Publications sent without waiting whose sends have not all completed yet. */
    private int awaitingKafka;
    /**
     * Topics whose last send Kafka acknowledged: a create's events go to these from the writer's thread. Any other
     * (a fresh start, a failed send) goes through a publisher, because the producer may block a sender until it has
     * the topic's metadata (up to {@code max.block.ms}), and a request thread must not wait for a broker.
     */
    private final Set<String> topicsTakingEvents = ConcurrentHashMap.newKeySet();
    private volatile List<Thread> publishers = List.of();
    private volatile ScheduledExecutorService sweeper;

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
        publishSoon(collection, aggregateId, UNKNOWN_SEQUENCE);
    }

    /**
     * The lease a create takes in its own insert when this relay runs (null otherwise: the sweep publishes), so that
     * its events are published from memory, with no claim and no read ({@link #written(String, String, List, Document)}).
     */
    Document leaseForWrite() {
        synchronized (lock) {
            if (!accepting) {
                return null;
            }
        }
        return new Document("owner", instanceId).append("claim", WRITE_CLAIM)
                .append("until", Date.from(clock.instant().plus(properties.lease())));
    }

    /**
     * What a write tells the relay: {@code events} were added to the aggregate's outbox, under {@code lease} (from
     * {@link #leaseForWrite}) when the write took it.
     */
    void written(String collection, String aggregateId, List<OutboxEvent> events, Document lease) {
        if (events.isEmpty()) {
            return;
        }
        backlog.added(events);
        Leased leased = lease == null ? null : new Leased(events, lease.get("until", Date.class).toInstant());
        Aggregate aggregate = new Aggregate(collection, aggregateId);
        long lastSequence = events.get(events.size() - 1).sequence();
        if (leased != null && sendsFromWriter(aggregate, leased, lastSequence)) {
            // No hand-off before Kafka: the writer's thread, already running, sends; a publisher releases later.
            Claimed claimed = new Claimed(aggregate, events);
            sendAll(claimed);
            whenSent(new Sent(List.of(aggregate), List.of(claimed)));
            return;
        }
        queue(aggregate, lastSequence, leased);
    }

    /**
     * Whether the writer's thread sends a create's events itself: its lease leaves the whole send timeout, its topics
     * took events lately, and this instance is not publishing the aggregate already (a sweep met it first). If so,
     * the aggregate is now in flight.
     */
    private boolean sendsFromWriter(Aggregate aggregate, Leased leased, long lastSequence) {
        if (!leased.until().isAfter(sendBy())
                || !leased.events().stream().allMatch(event -> topicsTakingEvents.contains(event.topic()))) {
            return false;
        }
        synchronized (lock) {
            if (!accepting || inFlight.containsKey(aggregate) || waiting.containsKey(aggregate)) {
                return false;
            }
            inFlight.put(aggregate, new Flight(lastSequence));
            awaitingKafka++;
            return true;
        }
    }

    /**
     * Hands a publication whose events are on their way to the publishers once every send completed (or the wait for
     * them timed out), without any thread waiting for Kafka meanwhile. The caller counted it in {@link #awaitingKafka}.
     */
    private void whenSent(Sent sent) {
        List<CompletableFuture<?>> sends = new ArrayList<>();
        sent.claimed().forEach(aggregate -> sends.addAll(aggregate.sends));
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                .orTimeout(properties.sendTimeout().plusSeconds(5).toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((ignored, failure) -> {
                    synchronized (lock) {
                        completed.add(sent);
                        awaitingKafka--;
                        if (accepting) {
                            lock.notify(); // one publisher releases whatever completed by then
                        } else {
                            lock.notifyAll(); // stopping: publishers end once nothing is on its way
                        }
                    }
                });
    }

    /**
     * Queues the aggregate for publication by a publisher thread, without delaying the caller.
     *
     * @param lastSequence the sequence of the last event the write added: when the aggregate is being published,
     *                     it is queued again afterwards only if that publication did not include this event
     */
    public void publishSoon(String collection, String aggregateId, long lastSequence) {
        queue(new Aggregate(collection, aggregateId), lastSequence, null);
    }

    private void queue(Aggregate aggregate, long lastSequence, Leased leased) {
        synchronized (lock) {
            if (!accepting) {
                return; // not started (or stopping): the sweep will publish
            }
            Flight flight = inFlight.get(aggregate);
            if (flight != null) {
                flight.written = Math.max(flight.written, lastSequence);
                if (leased != null) {
                    flight.leased = leased; // a sweep found the create first: queued again if it could not claim it
                }
                return;
            }
            Queued queued = waiting.get(aggregate);
            if (queued != null) {
                // Keeps its place (and a create's events, sent first under its lease; the rest is claimed after).
                waiting.put(aggregate, new Queued(Math.max(queued.written(), lastSequence), queued.leased()));
                return;
            }
            if (waiting.size() >= FAST_PATH_QUEUE) {
                mayHavePending.add(aggregate.collection()); // backpressure: the sweep publishes it
                return;
            }
            waiting.put(aggregate, new Queued(lastSequence, leased));
            lock.notify();
        }
    }

    /**
     * Claims and publishes one aggregate's outbox now, including what is written to it meanwhile.
     *
     * @return false when another instance holds the aggregate or Kafka did not acknowledge every event
     */
    public boolean publish(String collection, String aggregateId) {
        boolean published = false;
        // A write made meanwhile (here or on another instance) is found by the release, which reads what is left.
        for (int round = 0; round < MAX_ROUNDS_PER_PUBLICATION; round++) {
            Document claimed = claim(collection, aggregateId);
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
        mayHavePending.remove(collection); // from here on, a failure or a refused claim adds it again
        List<Aggregate> found = new ArrayList<>();
        documents(collection).find(Filters.exists(OutboxFields.FIRST_PENDING + ".id"))
                .projection(Projections.include(OutboxFields.ID)).limit(properties.sweepBatch())
                .forEach(document -> found.add(new Aggregate(collection, document.getString(OutboxFields.ID))));
        List<Aggregate> mine = new ArrayList<>(found.size());
        synchronized (lock) {
            for (Aggregate aggregate : found) {
                if (inFlight.containsKey(aggregate)) {
                    continue; // a publisher of this instance has it
                }
                Queued waits = waiting.get(aggregate);
                if (waits != null && waits.leased() != null) {
                    continue; // a create's, under its own lease: a publisher takes it with its events
                }
                Queued queued = waiting.remove(aggregate);
                inFlight.put(aggregate, new Flight(queued == null ? 0 : queued.written()));
                mine.add(aggregate);
            }
        }
        int published = publishBatch(mine, Map.of());
        if (found.size() == properties.sweepBatch()) {
            mayHavePending.add(collection); // more than one batch waits
        }
        return published;
    }

    /**
     * Publishes a batch of aggregates this instance has marked in flight: claims each, sends every claimed event,
     * waits for Kafka's acknowledgements, then removes the acknowledged events and gives the leases up with one
     * bulk write per collection. Ends each aggregate's flight, queueing it again when a write of this instance
     * added events the claim did not see. Whatever it could not publish is left for the sweep.
     *
     * @return the number of events Kafka acknowledged
     */
    private int publishBatch(List<Aggregate> batch, Map<Aggregate, Leased> leasedByWrite) {
        List<Claimed> claimed = new ArrayList<>(batch.size());
        try {
            claimAndSend(batch, leasedByWrite, claimed);
            awaitAcknowledgements(claimed, System.nanoTime() + properties.sendTimeout().plusSeconds(5).toNanos());
            release(claimed);
        } catch (RuntimeException e) {
            failed(batch, claimed, e);
        } finally {
            endFlights(batch, claimed);
        }
        return claimed.stream().filter(aggregate -> aggregate.removed).mapToInt(aggregate -> aggregate.acknowledged)
                .sum();
    }

    /**
     * What a publisher does with a batch it took from the queue: claims and sends as {@link #publishBatch}, then goes
     * on with the next work while Kafka acknowledges ({@link #whenSent}); a publisher releases it afterwards.
     */
    private void publishBatchPipelined(List<Aggregate> batch, Map<Aggregate, Leased> leasedByWrite) {
        List<Claimed> claimed = new ArrayList<>(batch.size());
        try {
            claimAndSend(batch, leasedByWrite, claimed);
        } catch (RuntimeException e) {
            failed(batch, claimed, e);
            endFlights(batch, claimed);
            return;
        }
        if (claimed.isEmpty()) {
            endFlights(batch, claimed); // every one held by another instance, or published already
            return;
        }
        synchronized (lock) {
            awaitingKafka++;
        }
        whenSent(new Sent(batch, claimed));
    }

    /** Releases publications whose sends completed, together: one bulk write per collection. */
    private void releaseCompleted(List<Sent> sent) {
        List<Aggregate> batch = new ArrayList<>();
        List<Claimed> claimed = new ArrayList<>();
        sent.forEach(publication -> {
            batch.addAll(publication.batch());
            claimed.addAll(publication.claimed());
        });
        try {
            awaitAcknowledgements(claimed, System.nanoTime()); // every send completed, or its wait timed out
            release(claimed);
        } catch (RuntimeException e) {
            failed(batch, claimed, e);
        } finally {
            endFlights(batch, claimed);
        }
    }

    /** Claims what a create's lease does not cover, then sends every claimed event without waiting in between. */
    private void claimAndSend(List<Aggregate> batch, Map<Aggregate, Leased> leasedByWrite, List<Claimed> claimed) {
        Map<String, List<Aggregate>> toClaim = new LinkedHashMap<>();
        Instant sendBy = sendBy();
        for (Aggregate aggregate : batch) {
            Leased leased = leasedByWrite.get(aggregate);
            if (leased != null && leased.until().isAfter(sendBy)) {
                claimed.add(new Claimed(aggregate, leased.events()));
            } else {
                toClaim.computeIfAbsent(aggregate.collection(), c -> new ArrayList<>()).add(aggregate);
            }
        }
        toClaim.forEach((collection, aggregates) -> claimed.addAll(claim(collection, aggregates)));
        claimed.forEach(this::sendAll);
    }

    private void release(List<Claimed> claimed) {
        Map<String, List<Claimed>> byCollection = new LinkedHashMap<>();
        claimed.forEach(aggregate -> byCollection.computeIfAbsent(aggregate.aggregate.collection(),
                c -> new ArrayList<>()).add(aggregate));
        byCollection.forEach(this::removeAndRelease);
    }

    /** The store failed: what was claimed stays leased until the lease expires, then the sweep publishes it. */
    private void failed(List<Aggregate> batch, List<Claimed> claimed, RuntimeException e) {
        batch.forEach(aggregate -> mayHavePending.add(aggregate.collection()));
        log.warn("Publication of {} aggregates failed; the relay will retry", batch.size(), e);
        claimed.forEach(aggregate -> aggregate.failed = true);
    }

    /** Sends the aggregate's events in order, stopping at one the producer refuses at once (none after it goes). */
    private void sendAll(Claimed aggregate) {
        for (OutboxEvent event : aggregate.events) {
            CompletableFuture<?> send = sendQuietly(event);
            aggregate.sends.add(send);
            if (send.isCompletedExceptionally()) {
                return;
            }
        }
    }

    private CompletableFuture<?> sendQuietly(OutboxEvent event) {
        try {
            return send(event);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e); // the producer refused it at once (no metadata in time)
        }
    }

    /**
     * Waits for every send of the batch, all of them being on their way at once. Only a prefix of each aggregate's
     * events counts: an event acknowledged after one that failed is sent again with it (a duplicate, never a gap
     * that consumers comparing sequences would skip).
     */
    private void awaitAcknowledgements(List<Claimed> claimed, long deadline) {
        // The producer gives up at its delivery timeout (sendTimeout); waiting a little longer than that makes a
        // failure here final: the producer will not deliver the record behind our back.
        for (Claimed aggregate : claimed) {
            for (int i = 0; i < aggregate.sends.size(); i++) {
                String topic = aggregate.events.get(i).topic();
                try {
                    aggregate.sends.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    aggregate.acknowledged++;
                    topicsTakingEvents.add(topic);
                } catch (Exception e) {
                    if (e instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                    }
                    topicsTakingEvents.remove(topic);
                    aggregate.failed = true;
                    mayHavePending.add(aggregate.aggregate.collection());
                    log.warn("Kafka did not acknowledge an event of {}/{}; it stays in the outbox: {}",
                            aggregate.aggregate.collection(), aggregate.aggregate.id(), e.toString());
                    break;
                }
            }
        }
    }

    /**
     * One bulk write removes what Kafka acknowledged and gives the leases up. Should the instance die before it,
     * the acknowledged events are published again once the leases expire: at least once, never lost.
     */
    private void removeAndRelease(String collection, List<Claimed> claimed) {
        List<UpdateOneModel<Document>> releases = new ArrayList<>(claimed.size());
        for (Claimed aggregate : claimed) {
            Bson release = Updates.unset(OutboxFields.LEASE);
            releases.add(new UpdateOneModel<>(
                    new Document(OutboxFields.ID, aggregate.aggregate.id()).append(OutboxFields.LEASE_OWNER, instanceId),
                    aggregate.acknowledged == 0 ? release : Updates.combine(release, removal(aggregate))));
        }
        BulkWriteResult released = documents(collection).bulkWrite(releases, new BulkWriteOptions().ordered(false));
        claimed.forEach(aggregate -> aggregate.removed = true);
        if (released.getMatchedCount() < releases.size()) {
            // A lease expired meanwhile and another instance may hold it now: remove what Kafka acknowledged (for
            // the others it is already gone), but leave that instance's lease.
            List<UpdateOneModel<Document>> removals = claimed.stream().filter(aggregate -> aggregate.acknowledged > 0)
                    .map(aggregate -> new UpdateOneModel<Document>(
                            new Document(OutboxFields.ID, aggregate.aggregate.id()), removal(aggregate)))
                    .toList();
            if (!removals.isEmpty()) {
                documents(collection).bulkWrite(removals, new BulkWriteOptions().ordered(false));
            }
        }
        claimed.forEach(aggregate -> backlog.removed(aggregate.events.subList(0, aggregate.acknowledged)));
    }

    private static Bson removal(Claimed aggregate) {
        List<String> ids = aggregate.events.subList(0, aggregate.acknowledged).stream().map(OutboxEvent::id).toList();
        return Updates.pull(OutboxFields.OUTBOX, new Document(OutboxEvent.ID, new Document("$in", ids)));
    }

    /** Ends the flights of a batch; an aggregate written meanwhile beyond what was claimed is queued again. */
    private void endFlights(List<Aggregate> batch, List<Claimed> claimed) {
        Map<Aggregate, Claimed> byAggregate = new HashMap<>();
        claimed.forEach(aggregate -> byAggregate.put(aggregate.aggregate, aggregate));
        synchronized (lock) {
            for (Aggregate aggregate : batch) {
                Flight flight = inFlight.remove(aggregate);
                Claimed published = byAggregate.get(aggregate);
                if (flight != null && published == null && flight.leased != null && accepting
                        && !waiting.containsKey(aggregate) && waiting.size() < FAST_PATH_QUEUE) {
                    // A sweep met a create between its insert and its report: the create's own lease kept the sweep
                    // off, the publisher sends the events it was handed.
                    waiting.put(aggregate, new Queued(flight.written, flight.leased));
                    lock.notify();
                    continue;
                }
                if (flight == null || published == null || published.failed) {
                    continue; // not claimed, or not acknowledged: the sweep takes it (see mayHavePending)
                }
                if (flight.written > published.lastSequence() && accepting && !waiting.containsKey(aggregate)) {
                    if (waiting.size() < FAST_PATH_QUEUE) {
                        waiting.put(aggregate, new Queued(flight.written, null));
                        lock.notify();
                    } else {
                        mayHavePending.add(aggregate.collection());
                    }
                }
            }
        }
    }

    /** What a publisher thread runs: takes the queued aggregates in batches until the relay stops. */
    private void publishQueued() {
        while (true) {
            List<Aggregate> batch = new ArrayList<>();
            Map<Aggregate, Leased> leased = new HashMap<>();
            List<Sent> toRelease;
            synchronized (lock) {
                while (waiting.isEmpty() && completed.isEmpty() && (accepting || awaitingKafka > 0)) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                toRelease = completed.isEmpty() ? List.of() : new ArrayList<>(completed);
                completed.clear();
                if (toRelease.isEmpty() && waiting.isEmpty()) {
                    return; // stopping, and nothing left
                }
            }
            if (!toRelease.isEmpty()) {
                releaseCompleted(toRelease); // first: a write queued behind one of them waits for its release
                continue;
            }
            synchronized (lock) {
                if (waiting.isEmpty()) {
                    continue;
                }
                // Shared between the publishers, so that a burst is published by all of them at once.
                int size = Math.min(properties.sweepBatch(),
                        Math.max(1, (waiting.size() + properties.publishers() - 1) / properties.publishers()));
                Iterator<Map.Entry<Aggregate, Queued>> queued = waiting.entrySet().iterator();
                while (batch.size() < size && queued.hasNext()) {
                    Map.Entry<Aggregate, Queued> next = queued.next();
                    queued.remove();
                    inFlight.put(next.getKey(), new Flight(next.getValue().written()));
                    batch.add(next.getKey());
                    if (next.getValue().leased() != null) {
                        leased.put(next.getKey(), next.getValue().leased());
                    }
                }
            }
            publishBatchPipelined(batch, leased);
        }
    }

    /**
     * Claims the aggregates of one collection that have pending events and no live lease, in one bulk write of
     * conditional updates by id, then reads the claimed ones with one query on their ids (both answered through the
     * id index, also by the stand-in store). A claim token tells this batch's leases from any other.
     */
    private List<Claimed> claim(String collection, List<Aggregate> aggregates) {
        String token = UUID.randomUUID().toString();
        List<UpdateOneModel<Document>> claims = new ArrayList<>(aggregates.size());
        for (Aggregate aggregate : aggregates) {
            claims.add(new UpdateOneModel<>(claimable(aggregate.id(), true), lease(token)));
        }
        BulkWriteResult result = documents(collection).bulkWrite(claims, new BulkWriteOptions().ordered(false));
        Map<String, Aggregate> byId = new HashMap<>();
        aggregates.forEach(aggregate -> byId.put(aggregate.id(), aggregate));
        List<Claimed> claimed = new ArrayList<>(result.getModifiedCount());
        for (Document document : documents(collection).find(new Document(OutboxFields.ID,
                new Document("$in", new ArrayList<>(byId.keySet()))))) {
            Document lease = document.get(OutboxFields.LEASE, Document.class);
            if (lease != null && instanceId.equals(lease.getString("owner")) && token.equals(lease.getString("claim"))) {
                claimed.add(new Claimed(byId.get(document.getString(OutboxFields.ID)), pendingEvents(document)));
            } else if (!document.getList(OutboxFields.OUTBOX, Document.class, List.of()).isEmpty()) {
                // Leased by another instance, which may not know of this instance's write: the next pass sweeps the
                // collection (a dead holder's lease expires first). Without pending events it was published already.
                mayHavePending.add(collection);
            }
        }
        return claimed;
    }

    /**
     * A create's own lease is sent under from memory only while it expires after this instant (it leaves the whole
     * send timeout, plus a margin); after it, only a claim takes it over. The two never overlap, so a publisher
     * holding a create's events never sends them after a sweep published them.
     */
    private Instant sendBy() {
        return clock.instant().plus(properties.sendTimeout()).plusSeconds(5);
    }

    /**
     * An aggregate with pending events that no live lease holds, or ({@code ownWriteLease}) whose lease is one a
     * create of this instance took and can no longer be sent under from memory ({@link #sendBy}): only the caller,
     * which has the aggregate in flight, may publish it here.
     */
    private Document claimable(String aggregateId, boolean ownWriteLease) {
        Date now = Date.from(clock.instant());
        List<Document> free = new ArrayList<>(List.of(new Document(OutboxFields.LEASE, null),
                new Document(OutboxFields.LEASE_UNTIL, new Document("$lt", now))));
        if (ownWriteLease) {
            free.add(new Document(OutboxFields.LEASE_OWNER, instanceId).append(OutboxFields.LEASE + ".claim", WRITE_CLAIM)
                    .append(OutboxFields.LEASE_UNTIL, new Document("$lte", Date.from(sendBy()))));
        }
        return new Document(OutboxFields.ID, aggregateId)
                .append(OutboxFields.FIRST_PENDING + ".id", new Document("$exists", true))
                .append("$or", free);
    }

    private Bson lease(String token) {
        return Updates.set(OutboxFields.LEASE, new Document("owner", instanceId).append("claim", token)
                .append("until", Date.from(clock.instant().plus(properties.lease()))));
    }

    /**
     * Claims one aggregate with pending events that no live lease holds. Filters are plain documents with
     * {@code _id} at the top level, which both MongoDB and the stand-in answer through the id index.
     */
    private Document claim(String collection, String aggregateId) {
        return documents(collection).findOneAndUpdate(claimable(aggregateId, false), lease(UUID.randomUUID().toString()),
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
     * One aggregate, for {@link #publish}: sends its claimed events, waits for the acknowledgements, then removes
     * the acknowledged ones and gives the lease up in one write that also tells whether events were added meanwhile.
     */
    private Drained drain(String collection, Document document) {
        Claimed claimed = new Claimed(new Aggregate(collection, document.getString(OutboxFields.ID)),
                pendingEvents(document));
        sendAll(claimed);
        awaitAcknowledgements(List.of(claimed), System.nanoTime() + properties.sendTimeout().plusSeconds(5).toNanos());
        boolean more = removeAndReleaseOne(claimed);
        return claimed.failed ? Drained.FAILED : more ? Drained.MORE : Drained.ALL;
    }

    /** @return whether events are still waiting (written while the lease was held), read from the same write */
    private boolean removeAndReleaseOne(Claimed claimed) {
        String collection = claimed.aggregate.collection();
        Bson release = Updates.unset(OutboxFields.LEASE);
        Document after = documents(collection).findOneAndUpdate(
                new Document(OutboxFields.ID, claimed.aggregate.id()).append(OutboxFields.LEASE_OWNER, instanceId),
                claimed.acknowledged == 0 ? release : Updates.combine(release, removal(claimed)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)
                        .projection(Projections.include(OutboxFields.OUTBOX)));
        backlog.removed(claimed.events.subList(0, claimed.acknowledged));
        if (after == null) {
            if (claimed.acknowledged > 0) {
                // The lease expired meanwhile and another instance may hold it now: remove, but leave its lease.
                documents(collection).updateOne(Filters.eq(OutboxFields.ID, claimed.aggregate.id()), removal(claimed));
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
        List<Thread> threads = new ArrayList<>();
        synchronized (lock) {
            accepting = true;
        }
        for (int i = 0; i < properties.publishers(); i++) {
            Thread thread = new Thread(this::publishQueuedSafely, "outbox-publish-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        publishers = List.copyOf(threads);
        sweeper = Executors.newSingleThreadScheduledExecutor(daemon("outbox-relay"));
        long interval = properties.relayInterval().toMillis();
        sweeper.scheduleWithFixedDelay(this::sweepSafely, interval, interval, TimeUnit.MILLISECONDS);
        log.info("Outbox relay {} started (sweep every {} ms, full sweep every {}, lease {}, {} publishers)", instanceId,
                interval, properties.fullSweepInterval(), properties.lease(), properties.publishers());
    }

    private void publishQueuedSafely() {
        while (true) {
            try {
                publishQueued();
                return;
            } catch (RuntimeException e) {
                log.warn("Outbox publisher failed; it goes on", e); // publishBatch already catches the store's errors
            }
        }
    }

    private void sweepSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            log.warn("Outbox sweep failed; next sweep will retry", e);
        }
    }

    /** Publishers finish what is queued (for at most 10 s), then the sweeper stops. */
    @Override
    public void stop() {
        synchronized (lock) {
            accepting = false;
            lock.notifyAll();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (Thread thread : publishers) {
            try {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        publishers = List.of();
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

    /** An aggregate of a collection. */
    private record Aggregate(String collection, String id) {
    }

    /** A queued aggregate: the newest sequence written to it, and the events of a create that took its lease. */
    private record Queued(long written, Leased leased) {
    }

    /** The events a create wrote under its own lease ({@link #leaseForWrite}), and when that lease expires. */
    private record Leased(List<OutboxEvent> events, Instant until) {
    }

    /** A publication on its way to Kafka: the aggregates taken (in flight), and those claimed with their sends. */
    private record Sent(List<Aggregate> batch, List<Claimed> claimed) {
    }

    /** An aggregate this instance is publishing: the newest sequence written to it so far. */
    private static final class Flight {
        long written;
        /** The events of a create reported while a sweep had its aggregate in flight. */
        Leased leased;

        Flight(long written) {
            this.written = written;
        }
    }

    /** A claimed aggregate: its pending events in order, their sends, how many Kafka acknowledged in a row. */
    private static final class Claimed {
        final Aggregate aggregate;
        final List<OutboxEvent> events;
        final List<CompletableFuture<?>> sends;
        int acknowledged;
        boolean failed;
        boolean removed;

        Claimed(Aggregate aggregate, List<OutboxEvent> events) {
            this.aggregate = aggregate;
            this.events = events;
            this.sends = new ArrayList<>(events.size());
        }

        long lastSequence() {
            return events.isEmpty() ? 0 : events.get(events.size() - 1).sequence();
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
