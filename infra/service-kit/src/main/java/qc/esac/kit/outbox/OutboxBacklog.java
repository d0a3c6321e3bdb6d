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

    /** A write put {@code count} events in an outbox, the first of them at {@code time}. */
    synchronized void added(int count, Instant time) {
        pending += count;
        if (pending <= 0) {
            return; // what this adds was already removed
        }
        if (oldest == null || time.isBefore(oldest)) {
            oldest = time;
        }
    }

    /**
     * The relay removed {@code count} acknowledged events. Which one is now the oldest is only known at the next
     * count; when nothing waits any more, nothing is old.
     */
    synchronized void removed(int count) {
        pending -= count;
        if (pending <= 0) {
            oldest = null;
        }
    }

    void refresh(Collection<String> collections) {
        long count = 0;
        Instant first = null;
        for (String collection : collections) {
            for (Document document : mongo.getCollection(collection)
                    .find(Filters.exists(OutboxFields.FIRST_PENDING + ".id"))
                    .projection(Projections.include(OutboxFields.OUTBOX + ".time"))) {
                for (Document event : document.getList(OutboxFields.OUTBOX, Document.class)) {
                    count++;
                    Instant time = event.get("time", Date.class).toInstant();
                    first = first == null || time.isBefore(first) ? time : first;
                }
            }
        }
        synchronized (this) {
            pending = count;
            oldest = first;
        }
    }
}
