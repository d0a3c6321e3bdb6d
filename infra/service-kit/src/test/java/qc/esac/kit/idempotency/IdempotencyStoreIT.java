package qc.esac.kit.idempotency;

import qc.esac.testkit.time.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import qc.esac.testkit.TestInfrastructure;

/** The key store on the test store stand-in: claims under contention, expiry, and takeover of abandoned keys. */
class IdempotencyStoreIT {

    private static MongoClient client;
    private static MongoTemplate mongo;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-04-01T12:00:00Z"));
    private final IdempotencyProperties properties = new IdempotencyProperties(null, null, Duration.ofHours(24),
            Duration.ofMinutes(1), null, null, "idempotency_" + UUID.randomUUID().toString().substring(0, 8), null);
    private IdempotencyStore store;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(TestInfrastructure.get().mongoUri());
        mongo = new MongoTemplate(client, "idempotency-store-it");
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @BeforeEach
    void newStore() {
        store = new IdempotencyStore(mongo, properties, clock);
    }

    @Test
    void onlyOneOfManyConcurrentRequestsClaimsAKey() throws Exception {
        int requests = 8;
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<IdempotencyClaim>> claims = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                Callable<IdempotencyClaim> claim = () -> {
                    start.await();
                    return store.claim("staff-1", "k-1", "fp");
                };
                claims.add(pool.submit(claim));
            }
            start.countDown();
            List<IdempotencyClaim> outcomes = new ArrayList<>();
            for (Future<IdempotencyClaim> claim : claims) {
                outcomes.add(claim.get(20, TimeUnit.SECONDS));
            }
            assertThat(outcomes).filteredOn(IdempotencyClaim.Acquired.class::isInstance).hasSize(1);
            assertThat(outcomes).filteredOn(IdempotencyClaim.InFlight.class::isInstance).hasSize(requests - 1);
        }
        finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCompletedKeyAnswersWithItsResponseUntilTheRetentionEnds() {
        IdempotencyClaim.Acquired claim = acquire("staff-1", "k-1", "fp");
        assertThat(store.complete(claim, response(201, "{\"id\":\"p-1\"}"))).isTrue();

        clock.advance(Duration.ofHours(23));
        IdempotencyClaim replay = store.claim("staff-1", "k-1", "fp");
        assertThat(replay).isInstanceOf(IdempotencyClaim.Completed.class);
        StoredResponse stored = ((IdempotencyClaim.Completed) replay).response();
        assertThat(stored.status()).isEqualTo(201);
        assertThat(stored.headers()).containsEntry("Location", List.of("/projects/p-1"));
        assertThat(new String(stored.body(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"p-1\"}");
        assertThat(store.claim("staff-1", "k-1", "other")).isInstanceOf(IdempotencyClaim.Mismatch.class);

        clock.advance(Duration.ofHours(1));
        assertThat(store.claim("staff-1", "k-1", "other")).isInstanceOf(IdempotencyClaim.Acquired.class);
    }

    @Test
    void aReleasedKeyCanBeClaimedAgain() {
        IdempotencyClaim.Acquired claim = acquire("staff-1", "k-1", "fp");
        assertThat(store.claim("staff-1", "k-1", "fp")).isInstanceOf(IdempotencyClaim.InFlight.class);
        store.release(claim);
        assertThat(store.claim("staff-1", "k-1", "fp")).isInstanceOf(IdempotencyClaim.Acquired.class);
    }

    @Test
    void anAbandonedKeyIsTakenOverAfterTheInFlightTimeoutAndTheLateOwnerCannotOverwrite() {
        IdempotencyClaim.Acquired abandoned = acquire("staff-1", "k-1", "fp");
        clock.advance(Duration.ofSeconds(59));
        assertThat(store.claim("staff-1", "k-1", "fp")).isInstanceOf(IdempotencyClaim.InFlight.class);

        clock.advance(Duration.ofSeconds(2));
        IdempotencyClaim.Acquired retry = acquire("staff-1", "k-1", "fp");
        assertThat(retry.owner()).isNotEqualTo(abandoned.owner());
        assertThat(retry.reexecution()).as("the first run may have written").isTrue();
        assertThat(abandoned.reexecution()).isFalse();

        assertThat(store.complete(abandoned, response(201, "late"))).isFalse();
        store.release(abandoned); // changes nothing either
        assertThat(store.claim("staff-1", "k-1", "fp")).isInstanceOf(IdempotencyClaim.InFlight.class);
        assertThat(store.complete(retry, response(201, "retry"))).isTrue();
        IdempotencyClaim replay = store.claim("staff-1", "k-1", "fp");
        assertThat(new String(((IdempotencyClaim.Completed) replay).response().body(), StandardCharsets.UTF_8))
                .isEqualTo("retry");
    }

    @Test
    void aKeyGivenUpAfterAWriteGoesToTheNextRetryAtOnceAsAReexecution() {
        IdempotencyClaim.Acquired failed = acquire("staff-1", "k-1", "fp");
        store.abandon(failed);

        assertThat(store.claim("staff-1", "k-1", "other")).as("the first run may have written: same request only")
                .isInstanceOf(IdempotencyClaim.Mismatch.class);
        IdempotencyClaim.Acquired retry = acquire("staff-1", "k-1", "fp");
        assertThat(retry.reexecution()).isTrue();
        assertThat(store.claim("staff-1", "k-1", "fp")).isInstanceOf(IdempotencyClaim.InFlight.class);
    }

    @Test
    void subjectsAndKeysCannotCollide() {
        acquire("a:b", "c", "fp");
        assertThat(store.claim("a", "b:c", "fp")).isInstanceOf(IdempotencyClaim.Acquired.class);
        assertThat(store.claim("staff-2", "c", "fp")).isInstanceOf(IdempotencyClaim.Acquired.class);
    }

    private IdempotencyClaim.Acquired acquire(String subject, String key, String fingerprint) {
        IdempotencyClaim claim = store.claim(subject, key, fingerprint);
        assertThat(claim).isInstanceOf(IdempotencyClaim.Acquired.class);
        return (IdempotencyClaim.Acquired) claim;
    }

    private static StoredResponse response(int status, String body) {
        return new StoredResponse(status, Map.of("Location", List.of("/projects/p-1")),
                body.getBytes(StandardCharsets.UTF_8), false);
    }
}
