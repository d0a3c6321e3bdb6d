package qc.esac.kit.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Tuning of the outbox relay ({@code esac.outbox.*}).
 *
 * @param relayInterval     pause between two passes of the relay over the collections where events may wait
 * @param fullSweepInterval pause between two sweeps of every collection, which find what another instance
 *                          left behind (it crashed, or lost the broker)
 * @param lease         how long an instance owns an aggregate's outbox while publishing it; an instance that
 *                      dies holding a lease delays that aggregate's events by at most this long
 * @param sendTimeout   how long the producer tries to deliver one event (its {@code delivery.timeout.ms})
 * @param sweepBatch    documents claimed per collection and sweep, and at most per publisher batch
 * @param publishers    threads publishing right after writes; each takes a share of the queued aggregates
 *                      (one bulk claim, every event sent, one bulk release per batch); aggregates are published
 *                      in parallel, the events of one aggregate in order
 */
@ConfigurationProperties("esac.outbox")
public record OutboxProperties(Duration relayInterval, Duration fullSweepInterval, Duration lease,
                               Duration sendTimeout, Integer sweepBatch, Integer publishers) {

    public OutboxProperties {
        relayInterval = relayInterval == null ? Duration.ofSeconds(1) : relayInterval;
        fullSweepInterval = fullSweepInterval == null ? Duration.ofSeconds(30) : fullSweepInterval;
        lease = lease == null ? Duration.ofSeconds(30) : lease;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(15) : sendTimeout;
        sweepBatch = sweepBatch == null ? 100 : sweepBatch;
        publishers = publishers == null ? 8 : publishers;
    }
}
