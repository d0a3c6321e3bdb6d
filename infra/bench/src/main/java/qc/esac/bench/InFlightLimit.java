package qc.esac.bench;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * At most {@code max} calls under way; the others wait, in order, for one to end. The generator's connections:
 * java.net.http opens one per request in flight (HTTP/1.1, no per-host limit) and keeps each in its pool for 20
 * minutes, so an open-model run against a target slower than the offered rate opened thousands and the benchmark's
 * JVM (which hosts the broker and the store) ran out of descriptors. A request waiting here is still timed from
 * its intended start, like a request waiting in wrk2's connections: coordinated omission stays corrected.
 */
final class InFlightLimit {

    private final int max;
    private final Queue<Runnable> waiting = new ArrayDeque<>();
    private int inFlight;

    InFlightLimit(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1: " + max);
        }
        this.max = max;
    }

    <T> CompletableFuture<T> submit(Supplier<CompletableFuture<T>> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Runnable start = () -> {
            CompletableFuture<T> started;
            try {
                started = call.get();
            } catch (RuntimeException e) {
                started = CompletableFuture.failedFuture(e);
            }
            started.whenComplete((value, error) -> {
                release();
                if (error != null) {
                    result.completeExceptionally(error);
                } else {
                    result.complete(value);
                }
            });
        };
        boolean now;
        synchronized (this) {
            now = inFlight < max;
            if (now) {
                inFlight++;
            } else {
                waiting.add(start);
            }
        }
        if (now) {
            start.run();
        }
        return result;
    }

    private void release() {
        Runnable next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                inFlight--;
            }
        }
        // The slot passes to the next waiting call (inFlight unchanged).
        if (next != null) {
            next.run();
        }
    }

    synchronized int inFlight() {
        return inFlight;
    }
}
