package qc.esac.kit.support;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;

import qc.esac.kit.idempotency.IdempotencyClaim;
import qc.esac.kit.idempotency.IdempotencyProperties;
import qc.esac.kit.idempotency.IdempotencyStore;
import qc.esac.kit.idempotency.StoredResponse;

/**
 * The kit's store of keys, which a test can make lose the end of one request: after the request ran (its writes
 * committed), recording its answer, or giving its key back or up, fails, as when the store goes away or the instance is
 * killed at that moment. The key then stays claimed, in flight, as a crashed instance leaves it.
 */
public class LosingIdempotencyStore extends IdempotencyStore {

    public final AtomicBoolean loseNextEnd = new AtomicBoolean();

    public LosingIdempotencyStore(MongoTemplate mongo, IdempotencyProperties properties, Clock clock) {
        super(mongo, properties, clock);
    }

    @Override
    public boolean complete(IdempotencyClaim.Acquired claim, StoredResponse response) {
        failIfLosing();
        return super.complete(claim, response);
    }

    @Override
    public void release(IdempotencyClaim.Acquired claim) {
        failIfLosing();
        super.release(claim);
    }

    @Override
    public void abandon(IdempotencyClaim.Acquired claim) {
        failIfLosing();
        super.abandon(claim);
    }

    private void failIfLosing() {
        if (loseNextEnd.get()) {
            throw new DataAccessResourceFailureException("Timed out after 3000 ms while waiting for a server");
        }
    }
}
