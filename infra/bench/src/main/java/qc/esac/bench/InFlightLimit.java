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
 * A call whose future is cancelled (an open-model run abandons what is unanswered after its patience) is never
 * started if it is still waiting, and its request is cancelled if under way: otherwise a run against a saturated
 * target left tens of thousands of calls queued, sent after the run ended, and the next target's requests waited
 * behind them (the gateway's "0.11 after an overload" of BENCHMARKS.md, session 7).
 */
final class InFlightLimit {

    private final int max;
    private final Queue<Waiting> waiting = new ArrayDeque<>();
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
            CompletableFuture<T> request = started;
            result.whenComplete((value, error) -> {
                if (result.isCancelled()) {
                    request.cancel(true);
                }
            });
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
                waiting.add(new Waiting(start, result));
            }
        }
        if (now) {
            start.run();
        }
        return result;
    }

    private void release() {
        Waiting next;
        synchronized (this) {
            do {
                next = waiting.poll();
            } while (next != null && next.result().isDone()); // abandoned while waiting: never sent
            if (next == null) {
                inFlight--;
            }
        }
        // The slot passes to the next waiting call (inFlight unchanged).
        if (next != null) {
            next.start().run();
        }
    }

    private record Waiting(Runnable start, CompletableFuture<?> result) {
    }

    synchronized int inFlight() {
        return inFlight;
    }
}
