package qc.esac.kit.access;

import java.time.Duration;
import java.util.List;

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
 * lookup of the same person in progress, then removes what it found). Failures (store unavailable) are not kept.
 */
public final class RecentGrants {

    private final GrantSource source;
    private final Cache<String, List<Grant>> recent;

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
    }

    /** The person's active grants, from the store unless read less than {@code ttl} ago. */
    public List<Grant> activeGrantsOf(String userId) {
        if (userId == null) {
            return source.activeGrantsOf(null);
        }
        return recent.get(userId, source::activeGrantsOf);
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
}
