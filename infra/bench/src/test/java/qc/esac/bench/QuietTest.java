package qc.esac.bench;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuietTest {

    private static final Duration WINDOW = Duration.ofMillis(500);

    /** A stack using {@code cores} in each successive window; the clock moves only when the wait sleeps. */
    private static Quiet.Wait await(List<Double> cores, Duration limit) {
        AtomicLong clock = new AtomicLong(1_000);
        AtomicLong cpu = new AtomicLong(5_000_000_000L);
        ArrayDeque<Double> usage = new ArrayDeque<>(cores);
        return Quiet.await(cpu::get, clock::get, duration -> {
            double used = usage.isEmpty() ? 0 : usage.poll();
            clock.addAndGet(duration.toNanos());
            cpu.addAndGet((long) (used * duration.toNanos()));
        }, 0.25, WINDOW, limit);
    }

    @Test
    void anIdleStackIsMeasuredAfterTwoIdleSamples() {
        Quiet.Wait wait = await(List.of(0.05, 0.1), Duration.ofSeconds(90));

        assertThat(wait.idle()).isTrue();
        assertThat(wait.waited()).isEqualTo(WINDOW.multipliedBy(2));
    }

    @Test
    void aBusyStackIsWaitedForUntilTwoSamplesInARowAreIdle() {
        Quiet.Wait wait = await(List.of(1.9, 1.2, 0.1, 0.8, 0.2, 0.2), Duration.ofSeconds(90));

        assertThat(wait.idle()).isTrue();
        assertThat(wait.waited()).isEqualTo(WINDOW.multipliedBy(6));
    }

    @Test
    void aStackThatNeverCalmsDownIsMeasuredAtTheLimitAndTheWaitSaysSo() {
        Quiet.Wait wait = await(java.util.Collections.nCopies(100, 1.5), Duration.ofSeconds(3));

        assertThat(wait.idle()).isFalse();
        assertThat(wait.waited()).isEqualTo(Duration.ofSeconds(3));
        assertThat(wait.brief()).isEqualTo("3.0 s (busy)");
    }
}
