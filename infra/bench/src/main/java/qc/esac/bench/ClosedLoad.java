package qc.esac.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-model load: {@code clients} callers, each sending its next request as soon as the previous one is
 * answered, for a fixed time. It finds the highest rate a target sustains; its latencies are measured from
 * each request's actual start, so they hide queueing (coordinated omission): use {@link OpenLoad} for latency.
 */
public final class ClosedLoad {

    private ClosedLoad() {
    }

    public static Load.Result run(int clients, Duration length, Load.Request request) {
        return run(clients, length, request, null);
    }

    /** The same, every latency also recorded in {@code alsoInto} (null for none). */
    public static Load.Result run(int clients, Duration length, Load.Request request,
                                  org.HdrHistogram.Histogram alsoInto) {
        Load.Tally tally = new Load.Tally(alsoInto);
        AtomicLong index = new AtomicLong();
        long start = System.nanoTime();
        long end = start + length.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long begin = System.nanoTime();
                    Integer status = null;
                    Throwable error = null;
                    try {
                        status = request.send(index.getAndIncrement(), begin).join();
                    } catch (RuntimeException e) {
                        error = e;
                    }
                    tally.answer(begin, status, error);
                }
            }, "closed-load-" + c);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return tally.result(Double.NaN, index.get(), start, end, Double.NaN);
    }
}
