package qc.esac.bench;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-model load: request {@code i} is started at {@code start + i / rate}, whatever the answers to the
 * earlier ones, and its latency is measured from that intended start. A slow answer therefore never delays
 * the next request, and a request the generator itself started late (a pause of this JVM) still counts the
 * time it should have been waiting: coordinated omission is corrected, as in wrk2.
 */
public final class OpenLoad {

    private OpenLoad() {
    }

    /**
     * @param rate    requests per second
     * @param length  how long the schedule runs (rate x length requests)
     * @param patience after the schedule, how long to wait for the last answers; a request still unanswered
     *                 then counts as no answer, with its latency so far
     */
    public static Load.Result run(double rate, Duration length, Duration patience, Load.Request request) {
        return run(rate, length, patience, request, null);
    }

    /** The same, every latency also recorded in {@code alsoInto} (null for none). */
    public static Load.Result run(double rate, Duration length, Duration patience, Load.Request request,
                                  org.HdrHistogram.Histogram alsoInto) {
        int count = (int) Math.max(1, Math.round(rate * length.toNanos() / 1e9));
        double period = 1e9 / rate;
        Load.Tally tally = new Load.Tally(alsoInto);
        AtomicIntegerArray answered = new AtomicIntegerArray(count);
        long[] intended = new long[count];
        CompletableFuture<?>[] calls = new CompletableFuture<?>[count];
        CompletableFuture<?>[] sent = new CompletableFuture<?>[count];
        long start = System.nanoTime() + 5_000_000L;
        long maxLag = 0;
        for (int i = 0; i < count; i++) {
            long at = start + Math.round(i * period);
            intended[i] = at;
            sleepUntil(at);
            maxLag = Math.max(maxLag, System.nanoTime() - at);
            CompletableFuture<Integer> call;
            try {
                call = request.send(i, at);
            } catch (RuntimeException e) {
                call = CompletableFuture.failedFuture(e);
            }
            int index = i;
            sent[i] = call;
            calls[i] = call.whenComplete((status, error) -> {
                if (answered.compareAndSet(index, 0, 1)) {
                    tally.answer(at, status, error);
                }
            });
        }
        long scheduleEnd = start + Math.round(count * period);
        try {
            CompletableFuture.allOf(calls).get(patience.toNanos() + Math.max(0, scheduleEnd - System.nanoTime()),
                    java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            // unanswered ones are counted below; failed ones were counted as they failed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long now = System.nanoTime();
        for (int i = 0; i < count; i++) {
            if (answered.compareAndSet(i, 0, 1)) {
                tally.abandoned(intended[i], now);
            }
        }
        // What is left is neither sent later nor left holding a connection: the next run must not wait behind it.
        // Last first: a call under way that is cancelled passes its slot to the oldest waiting one, which must
        // already be cancelled by then.
        for (int i = count - 1; i >= 0; i--) {
            sent[i].cancel(true);
        }
        return tally.result(rate, count, start, scheduleEnd, maxLag / 1e6);
    }

    static void sleepUntil(long nanos) {
        long wait;
        while ((wait = nanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }
}
