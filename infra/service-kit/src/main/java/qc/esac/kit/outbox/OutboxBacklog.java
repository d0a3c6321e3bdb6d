package qc.esac.kit.outbox;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Metrics of what waits in the outboxes: {@code esac.outbox.backlog} (events not yet acknowledged by Kafka)
 * and {@code esac.outbox.oldest.age} (seconds the oldest of them has waited). A scrape never queries the store:
 * each full sweep counts the outboxes (what every instance left), and between sweeps this instance adds what its
 * writes put in an outbox and takes off what its relay removed, so the gauge follows the load as it happens.
 * Another instance's writes and publications show at the next full sweep.
 */
public class OutboxBacklog {

    private final MongoTemplate mongo;
    private final Clock clock;
    /**
     * Added minus removed since the last count. It may go below zero for a while: the relay can remove a write's
     * events before the writer's thread reports them added (a sweep found them first), and clamping there would
     * leave those events counted until the next full sweep.
     */
    private long pending;
    /** When the oldest event counted was written; null when none waits. */
    private Instant oldest;
    /** The count a full sweep runs, null when none. */
    private Count counting;

    public OutboxBacklog(MongoTemplate mongo, Clock clock, MeterRegistry registry) {
        this.mongo = mongo;
        this.clock = clock;
        Gauge.builder("esac.outbox.backlog", this, OutboxBacklog::pending)
                .description("Events written to an outbox and not yet acknowledged by Kafka")
                .register(registry);
        Gauge.builder("esac.outbox.oldest.age", this, OutboxBacklog::oldestAgeSeconds)
                .baseUnit("seconds")
                .description("Age of the oldest event waiting in an outbox")
                .register(registry);
    }

    public synchronized long pending() {
        return Math.max(0, pending);
    }

    public synchronized long oldestAgeSeconds() {
        return oldest == null || pending <= 0 ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toSeconds());
    }

    /** A write put {@code events} in an outbox. */
    synchronized void added(List<OutboxEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        if (counting != null) {
            events.forEach(event -> counting.added.put(event.id(), event.time()));
        }
        pending += events.size();
        if (pending <= 0) {
            return; // what this adds was already removed
        }
        Instant time = events.get(0).time();
        if (oldest == null || time.isBefore(oldest)) {
            oldest = time;
        }
    }

    /**
     * The relay removed these acknowledged events. Which one is now the oldest is only known at the next count;
     * when nothing waits any more, nothing is old.
     */
    synchronized void removed(List<OutboxEvent> events) {
        if (counting != null) {
            events.forEach(event -> counting.removed.add(event.id()));
        }
        pending -= events.size();
        if (pending <= 0) {
            oldest = null;
        }
    }

    /** Counts what waits in the outboxes of {@code collections} (a full sweep): every instance's events. */
    void refresh(Collection<String> collections) {
        Count count = begin();
        if (count == null) {
            return; // another count runs
        }
        Map<String, Instant> found = new HashMap<>();
        try {
            for (String collection : collections) {
                for (Document document : mongo.getCollection(collection)
                        .find(Filters.exists(OutboxFields.FIRST_PENDING + ".id"))
                        .projection(Projections.include(OutboxFields.OUTBOX + "." + OutboxEvent.ID,
                                OutboxFields.OUTBOX + ".time"))) {
                    for (Document event : document.getList(OutboxFields.OUTBOX, Document.class)) {
                        found.put(event.getString(OutboxEvent.ID), event.get("time", Date.class).toInstant());
                    }
                }
            }
        } catch (RuntimeException e) {
            abandon();
            throw e;
        }
        finish(found);
    }

    /**
     * Starts a count: until {@link #finish}, the ids of what this instance adds and removes are kept, so that an
     * event published while the query runs is not left counted (the query may have read it before its removal), nor
     * an event written meanwhile missed. Null when a count already runs.
     */
    synchronized Count begin() {
        if (counting != null) {
            return null;
        }
        counting = new Count();
        return counting;
    }

    /** Ends the count begun by {@link #begin}: {@code found} is what the query read (event id, time written). */
    synchronized void finish(Map<String, Instant> found) {
        Count count = counting;
        counting = null;
        Map<String, Instant> waiting = new HashMap<>(found);
        count.added.forEach(waiting::putIfAbsent);
        waiting.keySet().removeAll(count.removed);
        pending = waiting.size();
        oldest = waiting.values().stream().min(Instant::compareTo).orElse(null);
    }

    private synchronized void abandon() {
        counting = null;
    }

    /** What this instance added and removed while a count ran. */
    static final class Count {
        private final Map<String, Instant> added = new HashMap<>();
        private final Set<String> removed = new HashSet<>();
    }
}
