package qc.esac.bench;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class LoadTest {

    @Test
    void alternatingRunsOfOneTargetAddUpToOneFigureWithTheLatenciesOfAllOfThem() {
        Histogram all = Latency.histogram();
        Load.Result fast = ClosedLoad.run(2, Duration.ofMillis(200), (i, at) -> CompletableFuture.completedFuture(200), all);
        Load.Result slow = ClosedLoad.run(2, Duration.ofMillis(200), (i, at) -> {
            sleep(20);
            return CompletableFuture.completedFuture(i % 2 == 0 ? 200 : 503);
        }, all);

        Load.Result both = Load.combined(List.of(fast, slow), all);

        assertThat(both.sent()).isEqualTo(fast.sent() + slow.sent());
        assertThat(both.ok()).isEqualTo(fast.ok() + slow.ok());
        assertThat(both.statuses()).containsEntry(503, slow.statuses().get(503));
        assertThat(both.seconds()).isEqualTo(fast.seconds() + slow.seconds());
        assertThat(both.achievedRate()).isEqualTo((fast.ok() + slow.ok()) / (fast.seconds() + slow.seconds()));
        assertThat(both.latency().count()).isEqualTo(fast.latency().count() + slow.latency().count());
        assertThat(both.latency().max()).isGreaterThanOrEqualTo(20.0);
        // The combined maximum is the larger of the two runs' (on a loaded machine a "fast" call can be the slowest).
        assertThat(both.latency().max()).isEqualTo(Math.max(fast.latency().max(), slow.latency().max()));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
