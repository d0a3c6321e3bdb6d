package qc.esac.membership.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import qc.esac.kit.problem.ConflictException;

/**
 * One change of an organization's administrators at a time, across instances. The rule "the last administrator
 * stays" counts the active administrators and then ends one grant: two documents that no single write covers.
 * Two administrators ending each other's grants at once each counted two, and the organization was left with none.
 * The lock is one document per organization with a short lease: an instance that dies holding it delays the next
 * revocation by the lease at most. A caller that cannot take it within {@link #WAIT} gets a 409 to retry.
 */
@Component
class AdministrationLocks {

    static final String COLLECTION = "administration-locks";

    /** Far longer than a count and one write; short enough that a crashed holder is soon forgotten. */
    static final Duration LEASE = Duration.ofSeconds(5);

    static final Duration WAIT = Duration.ofSeconds(3);

    private static final long PAUSE_MILLIS = 15;

    private final MongoTemplate mongo;
    private final Clock clock;

    AdministrationLocks(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    <T> T holding(String organizationId, Supplier<T> work) {
        String holder = UUID.randomUUID().toString();
        take(organizationId, holder);
        try {
            return work.get();
        } finally {
            mongo.remove(Query.query(Criteria.where("_id").is(organizationId).and("holder").is(holder)), COLLECTION);
        }
    }

    private void take(String organizationId, String holder) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            Instant now = clock.instant();
            // Free when absent (inserted by the upsert) or expired; held otherwise: the upsert's insert then meets
            // the existing document's id.
            Query free = Query.query(Criteria.where("_id").is(organizationId).and("until").lt(now));
            try {
                mongo.upsert(free, new Update().set("holder", holder).set("until", now.plus(LEASE)), COLLECTION);
                return;
            } catch (DuplicateKeyException held) {
                if (System.nanoTime() > deadline) {
                    throw new ConflictException("acces.administration-occupee", organizationId);
                }
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE_MILLIS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for an organization's administration lock",
                    interrupted);
        }
    }
}
