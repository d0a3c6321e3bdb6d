package qc.esac.kit.access;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import org.springframework.context.event.EventListener;

/**
 * The grants of the people who called recently, so that every request does not read the store for them (one read
 * per person per {@code ttl} instead of one per request). Bounded in people and in time:
 * <ul>
 * <li>a change this instance makes or applies ({@link GrantsChanged}: membership's register, the kit's read model
 * applying an event) is forgotten at once, so the very next request reads the store;</li>
 * <li>a change made by another instance of the service counts at most {@code ttl} after it is in the store (the
 * entry's age), which bounds how long a revoked grant can still be honoured.</li>
 * </ul>
 * A lookup that was reading the store while the change was forgotten is dropped with it (a forget waits for the
 * lookup of the same person in progress, then removes what it found). Failures (store unavailable) are not kept,
 * but the requests of that person that waited for the failed lookup fail with it rather than each reading the store
 * in turn: one store timeout per request in line would hold the last one for several timeouts.
 */
public final class RecentGrants {

    /** Longer than any request waits for another's lookup (one store operation's budget). */
    private static final Duration FAILURE_KEPT = Duration.ofMinutes(1);

    private final GrantSource source;
    private final Cache<String, List<Grant>> recent;
    /** The last failed lookup of each person, while a request that waited for it may still ask. */
    private final Cache<String, Failure> failures;
    /** Orders requests and failures: a failure after a request asked is the outcome it waited for. */
    private final AtomicLong sequence = new AtomicLong();

    /**
     * @param ttl       how long a person's grants are reused; zero reads the store on every request
     * @param maxPeople how many people are kept at most (the least recently used go first)
     */
    public RecentGrants(GrantSource source, Duration ttl, long maxPeople) {
        this(source, ttl, maxPeople, Ticker.systemTicker());
    }

    RecentGrants(GrantSource source, Duration ttl, long maxPeople, Ticker ticker) {
        this.source = source;
        this.recent = Caffeine.newBuilder().maximumSize(ttl.isZero() ? 0 : maxPeople).expireAfterWrite(ttl)
                .ticker(ticker).executor(Runnable::run).build();
        this.failures = Caffeine.newBuilder().maximumSize(Math.max(1, maxPeople)).expireAfterWrite(FAILURE_KEPT)
                .ticker(ticker).executor(Runnable::run).build();
    }

    /** The person's active grants, from the store unless read less than {@code ttl} ago. */
    public List<Grant> activeGrantsOf(String userId) {
        if (userId == null) {
            return source.activeGrantsOf(null);
        }
        long asked = sequence.incrementAndGet();
        return recent.get(userId, id -> lookUp(id, asked));
    }

    private List<Grant> lookUp(String userId, long asked) {
        Failure failed = failures.getIfPresent(userId);
        if (failed != null && failed.at() > asked) {
            throw failed.error(); // the lookup this request waited for failed meanwhile
        }
        try {
            List<Grant> grants = source.activeGrantsOf(userId);
            failures.invalidate(userId);
            return grants;
        } catch (RuntimeException e) {
            failures.put(userId, new Failure(sequence.incrementAndGet(), e));
            throw e;
        }
    }

    /** The person's grants changed: their next request reads the store. */
    public void forget(String userId) {
        if (userId != null) {
            recent.invalidate(userId);
        }
    }

    @EventListener
    public void on(GrantsChanged changed) {
        forget(changed.userId());
    }

    private record Failure(long at, RuntimeException error) {
    }
}
