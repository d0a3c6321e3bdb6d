package qc.esac.kit.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import qc.esac.identity.EsacRole;

class RecentGrantsTest {

    private static final Duration TTL = Duration.ofSeconds(1);
    private static final Grant ADMIN = new Grant("g-1", EsacRole.ORG_ADMIN, "org-1", null, null);

    /** The store's grants per person, counting reads. */
    private static final class Store implements GrantSource {
        final ConcurrentHashMap<String, List<Grant>> grants = new ConcurrentHashMap<>();
        final AtomicInteger reads = new AtomicInteger();

        @Override
        public List<Grant> activeGrantsOf(String userId) {
            reads.incrementAndGet();
            return grants.getOrDefault(userId, List.of());
        }
    }

    private final Store store = new Store();
    private final AtomicLong nanos = new AtomicLong();
    private final RecentGrants recent = new RecentGrants(store, TTL, 100, nanos::get);

    @Test
    void aPersonsGrantsAreReadFromTheStoreOncePerTtlNotOncePerRequest() {
        store.grants.put("u-1", List.of(ADMIN));

        for (int i = 0; i < 50; i++) {
            assertThat(recent.activeGrantsOf("u-1")).containsExactly(ADMIN);
        }
        assertThat(store.reads).hasValue(1);

        nanos.addAndGet(TTL.toNanos() - 1);
        recent.activeGrantsOf("u-1");
        assertThat(store.reads).hasValue(1);
        nanos.addAndGet(1);
        recent.activeGrantsOf("u-1");
        assertThat(store.reads).hasValue(2);
    }

    @Test
    void aChangeAnnouncedForThePersonCountsAtTheirNextRequestWithoutWaitingForTheTtl() {
        store.grants.put("u-1", List.of(ADMIN));
        assertThat(recent.activeGrantsOf("u-1")).containsExactly(ADMIN);
        assertThat(recent.activeGrantsOf("u-2")).isEmpty();

        store.grants.remove("u-1");
        store.grants.put("u-2", List.of(ADMIN));
        recent.on(new GrantsChanged("u-1"));
        recent.on(new GrantsChanged("u-2"));

        assertThat(recent.activeGrantsOf("u-1")).as("revoked").isEmpty();
        assertThat(recent.activeGrantsOf("u-2")).as("granted").containsExactly(ADMIN);
    }

    @Test
    void withoutAnnouncementAChangeMadeElsewhereCountsOnceTheTtlHasPassed() {
        store.grants.put("u-1", List.of(ADMIN));
        recent.activeGrantsOf("u-1");
        store.grants.remove("u-1"); // revoked by another instance

        nanos.addAndGet(TTL.toNanos());
        assertThat(recent.activeGrantsOf("u-1")).isEmpty();
    }

    @Test
    void aLookupThatReadTheStoreBeforeARevocationIsNotKeptAfterTheRevocationIsAnnounced() throws Exception {
        CountDownLatch read = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<List<Grant>> stored = new AtomicReference<>(List.of(ADMIN));
        RecentGrants slow = new RecentGrants(userId -> {
            List<Grant> found = stored.get();
            read.countDown();
            await(release);
            return found;
        }, TTL, 100, nanos::get);

        CompletableFuture<List<Grant>> lookup = CompletableFuture.supplyAsync(() -> slow.activeGrantsOf("u-1"));
        assertThat(read.await(5, TimeUnit.SECONDS)).isTrue();
        stored.set(List.of()); // the revocation is stored while the lookup holds what it read before
        CompletableFuture<Void> announced = CompletableFuture.runAsync(() -> slow.on(new GrantsChanged("u-1")));
        Thread.sleep(50);
        release.countDown();
        assertThat(lookup.get(5, TimeUnit.SECONDS)).containsExactly(ADMIN);
        announced.get(5, TimeUnit.SECONDS);

        assertThat(slow.activeGrantsOf("u-1")).isEmpty();
    }

    @Test
    void aFailedReadIsNotKept() {
        AtomicInteger calls = new AtomicInteger();
        RecentGrants failing = new RecentGrants(userId -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("store unavailable");
            }
            return List.of(ADMIN);
        }, TTL, 100, nanos::get);

        assertThatThrownBy(() -> failing.activeGrantsOf("u-1")).hasMessage("store unavailable");
        assertThat(failing.activeGrantsOf("u-1")).containsExactly(ADMIN);
    }

    /**
     * The store stops answering: requests of the same person queue behind the lookup in progress (one read per
     * person at a time). When it fails they fail with it instead of each reading the store again in turn, which
     * added one store timeout per request in line (the fault suite's store pause saw a probe wait 8 s behind three).
     */
    @Test
    void requestsWaitingForALookupThatFailsFailWithItWithoutReadingTheStoreAgainInTurn() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger reads = new AtomicInteger();
        IllegalStateException unavailable = new IllegalStateException("store unavailable");
        RecentGrants stalled = new RecentGrants(userId -> {
            if (reads.incrementAndGet() == 1) {
                reading.countDown();
                await(release);
            }
            throw unavailable;
        }, TTL, 100, nanos::get);

        CompletableFuture<List<Grant>> first = CompletableFuture.supplyAsync(() -> stalled.activeGrantsOf("u-1"));
        assertThat(reading.await(5, TimeUnit.SECONDS)).isTrue();
        AtomicReference<Throwable> waitingFailure = new AtomicReference<>();
        Thread waiting = new Thread(() -> {
            try {
                stalled.activeGrantsOf("u-1");
            } catch (RuntimeException e) {
                waitingFailure.set(e);
            }
        });
        waiting.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (waiting.getState() != Thread.State.BLOCKED && waiting.getState() != Thread.State.WAITING
                && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        release.countDown();
        waiting.join(5_000);

        assertThatThrownBy(() -> first.get(5, TimeUnit.SECONDS)).hasCause(unavailable);
        assertThat(waitingFailure.get()).isSameAs(unavailable);
        assertThat(reads).as("store reads").hasValue(1);

        // A request arriving after the failure reads the store again: the store may be back.
        assertThatThrownBy(() -> stalled.activeGrantsOf("u-1")).isSameAs(unavailable);
        assertThat(reads).hasValue(2);
    }

    @Test
    void aZeroTtlReadsTheStoreOnEveryRequest() {
        RecentGrants uncached = new RecentGrants(store, Duration.ZERO, 100, nanos::get);
        uncached.activeGrantsOf("u-1");
        uncached.activeGrantsOf("u-1");
        assertThat(store.reads).hasValue(2);
    }

    @Test
    void itKeepsAtMostTheConfiguredNumberOfPeople() {
        RecentGrants small = new RecentGrants(store, TTL, 2, nanos::get);
        for (int i = 0; i < 10; i++) {
            small.activeGrantsOf("u-" + i);
        }
        int reads = store.reads.get();
        for (int i = 0; i < 10; i++) {
            small.activeGrantsOf("u-" + i);
        }
        assertThat(store.reads.get() - reads).as("re-read after eviction").isGreaterThanOrEqualTo(8);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
