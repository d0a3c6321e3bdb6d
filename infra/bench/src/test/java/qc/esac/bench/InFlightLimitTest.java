package qc.esac.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an open-model run leaves behind in the generator. Against a saturated target most requests of a run wait for
 * a slot of the limit; they used to stay queued after the run gave up on them and go out afterwards, so the next
 * target's requests (the gateway scenario's comparison, right after the service's own overload) waited behind
 * tens of thousands of them.
 */
class InFlightLimitTest {

    @Test
    void requestsAnOpenModelRunAbandonedAreNeitherSentLaterNorHoldingSlots() {
        InFlightLimit limit = new InFlightLimit(2);
        AtomicInteger sent = new AtomicInteger();
        CopyOnWriteArrayList<CompletableFuture<Integer>> underWay = new CopyOnWriteArrayList<>();
        Load.Request neverAnswered = (index, intended) -> limit.submit(() -> {
            sent.incrementAndGet();
            CompletableFuture<Integer> answer = new CompletableFuture<>();
            underWay.add(answer);
            return answer;
        });

        // 20 requests, 2 slots, no answer: 2 sent, 18 waiting when the run gives up.
        Load.Result saturated = OpenLoad.run(200, Duration.ofMillis(100), Duration.ofMillis(100), neverAnswered);

        assertThat(saturated.statuses()).containsEntry(-1, 20L);
        assertThat(sent).hasValue(2);
        assertThat(underWay).allMatch(CompletableFuture::isCancelled);

        // The next run's first request goes out at once, and none of the abandoned ones ever does.
        CompletableFuture<Integer> next = limit.submit(() -> {
            sent.incrementAndGet();
            return CompletableFuture.completedFuture(200);
        });
        assertThat(next).succeedsWithin(Duration.ofSeconds(1)).isEqualTo(200);
        assertThat(sent).hasValue(3);
        assertThat(limit.inFlight()).isZero();
    }

    @Test
    void aCancelledWaitingCallPassesItsTurnToTheNextOne() {
        InFlightLimit limit = new InFlightLimit(1);
        CompletableFuture<Integer> first = new CompletableFuture<>();
        limit.submit(() -> first);
        AtomicInteger abandonedStarts = new AtomicInteger();
        CompletableFuture<Integer> abandoned = limit.submit(() -> {
            abandonedStarts.incrementAndGet();
            return CompletableFuture.completedFuture(200);
        });
        CompletableFuture<Integer> kept = limit.submit(() -> CompletableFuture.completedFuture(201));

        abandoned.cancel(true);
        first.complete(200);

        assertThat(kept).succeedsWithin(Duration.ofSeconds(1)).isEqualTo(201);
        assertThat(abandonedStarts).hasValue(0);
        assertThat(limit.inFlight()).isZero();
    }
}
