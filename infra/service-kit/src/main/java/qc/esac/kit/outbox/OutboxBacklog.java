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
import java.util.concurrent.atomic.AtomicLong;

/**
 * Metrics of what waits in the outboxes: {@code esac.outbox.backlog} (events not yet acknowledged by Kafka)
 * and {@code esac.outbox.oldest.age} (seconds the oldest of them has waited). Refreshed by each relay sweep,
 * so a scrape never queries the store.
 */
public class OutboxBacklog {

    private final MongoTemplate mongo;
    private final Clock clock;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();

    public OutboxBacklog(MongoTemplate mongo, Clock clock, MeterRegistry registry) {
        this.mongo = mongo;
        this.clock = clock;
        Gauge.builder("esac.outbox.backlog", pending, AtomicLong::get)
                .description("Events written to an outbox and not yet acknowledged by Kafka")
                .register(registry);
        Gauge.builder("esac.outbox.oldest.age", oldestAgeSeconds, AtomicLong::get)
                .baseUnit("seconds")
                .description("Age of the oldest event waiting in an outbox")
                .register(registry);
    }

    public long pending() {
        return pending.get();
    }

    public long oldestAgeSeconds() {
        return oldestAgeSeconds.get();
    }

    void refresh(Collection<String> collections) {
        long count = 0;
        Instant oldest = null;
        for (String collection : collections) {
            for (Document document : mongo.getCollection(collection)
                    .find(Filters.exists(OutboxFields.FIRST_PENDING + ".id"))
                    .projection(Projections.include(OutboxFields.OUTBOX + ".time"))) {
                for (Document event : document.getList(OutboxFields.OUTBOX, Document.class)) {
                    count++;
                    Instant time = event.get("time", Date.class).toInstant();
                    oldest = oldest == null || time.isBefore(oldest) ? time : oldest;
                }
            }
        }
        pending.set(count);
        oldestAgeSeconds.set(oldest == null ? 0 : Duration.between(oldest, clock.instant()).toSeconds());
    }
}
