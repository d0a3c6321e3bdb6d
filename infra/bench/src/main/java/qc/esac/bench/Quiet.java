package qc.esac.bench;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Waits until the stack is idle before a measurement. An overload leaves work behind: requests the service read
 * before their callers gave up, consumers still behind on the events of a write scenario. On two cores, a
 * measurement taken meanwhile measures that residue; issue 12's fifth round compared the gateway with the service at
 * half rate right after a curve had offered six times what the service answers, with a load average of 8.
 */
final class Quiet {

    /** The stack counts as idle below this share of the machine's cores, summed over its processes. */
    static final double MAX_CORES = 0.25;
    /** Length of one sample; idle means two samples in a row. */
    static final Duration WINDOW = Duration.ofMillis(500);
    /** Longest wait: a stack that is never idle is measured anyway, and the wait says so. */
    static final Duration LIMIT = Duration.ofSeconds(90);
    /** A smoke run checks the harness, not the figures, on a machine that may be busy: it waits little. */
    static final Duration SMOKE_LIMIT = Duration.ofSeconds(3);

    interface Sleeper {
        void sleep(Duration duration);
    }

    /** The outcome: how long it waited, and whether the stack was idle at the end (false: the limit came first). */
    record Wait(Duration waited, boolean idle) {
        String brief() {
            return String.format(java.util.Locale.ROOT, "%.1f s%s", waited.toMillis() / 1000.0, idle ? "" : " (busy)");
        }
    }

    private Quiet() {
    }

    /** Waits on the running stack: the CPU of every process (this JVM holds the broker and the store). */
    static Wait await(BenchStack stack, Plan plan) {
        Wait wait = await(() -> stack.cpuNanos().values().stream().mapToLong(Long::longValue)
                        .filter(nanos -> nanos >= 0).sum(), System::nanoTime,
                duration -> Pause.millis(duration.toMillis()), MAX_CORES, WINDOW, plan.smoke() ? SMOKE_LIMIT : LIMIT);
        if (wait.waited().compareTo(WINDOW.multipliedBy(3)) > 0 || !wait.idle()) {
            System.out.printf("  (waited %s for an idle stack)%n", wait.brief());
        }
        return wait;
    }

    /**
     * Samples {@code cpuNanos} (CPU used so far) every {@code window} until two samples in a row used at most
     * {@code maxCores}, or {@code limit} has passed.
     */
    static Wait await(LongSupplier cpuNanos, LongSupplier clockNanos, Sleeper sleeper, double maxCores,
                      Duration window, Duration limit) {
        long start = clockNanos.getAsLong();
        long before = cpuNanos.getAsLong();
        long sampled = start;
        int idleSamples = 0;
        while (idleSamples < 2 && clockNanos.getAsLong() - start < limit.toNanos()) {
            sleeper.sleep(window);
            long now = clockNanos.getAsLong();
            long cpu = cpuNanos.getAsLong();
            double cores = (double) (cpu - before) / Math.max(1, now - sampled);
            idleSamples = cores <= maxCores ? idleSamples + 1 : 0;
            before = cpu;
            sampled = now;
        }
        return new Wait(Duration.ofNanos(clockNanos.getAsLong() - start), idleSamples >= 2);
    }
}
