package qc.esac.e2e;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import qc.esac.events.Topics;
import qc.esac.testkit.TopicProbe;
import qc.esac.testkit.jwt.TestTokens;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures the write path of the event backbone through a real service process: organizations registered
 * over HTTP by concurrent clients, the HTTP latency, and the delay until each registration's event is on
 * Kafka. Prints numbers; asserts only that every event arrived. Not part of the test suite (its name does
 * not match the suite's patterns); run it with
 * {@code ./mvnw -B -pl infra/e2e -am verify -Dtest=RegistrationBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dbenchmark.requests=N -Dbenchmark.concurrency=C} to change the load).
 */
class RegistrationBenchmark {

    private static final int REQUESTS = Integer.getInteger("benchmark.requests", 2_000);
    private static final int CONCURRENCY = Integer.getInteger("benchmark.concurrency", 16);
    private static final int WARMUP = Math.max(REQUESTS / 5, 100);

    private final HttpClient http = HttpClient.newBuilder().build();
    private final String token = TestTokens.staff("csmo-esac");
    private final AtomicLong neqs = new AtomicLong(1_000_000_000L + System.nanoTime() % 1_000_000_000L);

    @Test
    void registrations() throws Exception {
        Platform platform = Platform.get();
        run(platform, WARMUP, "warm-up");
        Result result = run(platform, REQUESTS, "measured");
        long rss = platform.membership.residentKib();

        System.out.printf("%nRegistration benchmark: %d requests, %d concurrent clients, membership-service JVM%n",
                REQUESTS, CONCURRENCY);
        System.out.printf("  throughput                            %8.1f registrations/s (until all events read)%n",
                REQUESTS / result.seconds);
        print("  HTTP latency (ms)                    ", result.http);
        print("  request -> event read from Kafka (ms)", result.published);
        System.out.printf("  membership-service resident memory    %8d MiB%n%n", rss / 1024);
    }

    private Result run(Platform platform, int count, String phase) throws Exception {
        Histogram httpLatency = new ConcurrentHistogram(60_000_000L, 3);
        Histogram publishLatency = new Histogram(60_000_000L, 3);
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        List<CompletableFuture<Void>> calls = new ArrayList<>(count);
        Semaphore inFlight = new Semaphore(CONCURRENCY);
        try (TopicProbe probe = TopicProbe.from(Topics.MEMBERSHIP)) {
            long start = System.nanoTime();
            // Read the topic while the requests go out, so that each event's read time is its arrival.
            CompletableFuture<List<ConsumerRecord<String, byte[]>>> arrivals = CompletableFuture.supplyAsync(
                    () -> probe.await(r -> sentAt.containsKey(r.key()), count, Duration.ofMinutes(5)));
            for (int i = 0; i < count; i++) {
                inFlight.acquire();
                long begin = System.nanoTime();
                calls.add(http.sendAsync(request(phase + " " + i), HttpResponse.BodyHandlers.ofString())
                        .thenAccept(response -> {
                            long end = System.nanoTime();
                            httpLatency.recordValue((end - begin) / 1_000);
                            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
                            String id = response.headers().firstValue("Location").orElseThrow();
                            sentAt.put(id.substring(id.lastIndexOf('/') + 1), begin);
                        })
                        .whenComplete((ignored, error) -> inFlight.release()));
            }
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
            List<ConsumerRecord<String, byte[]>> events = arrivals.join();
            long end = System.nanoTime();
            for (ConsumerRecord<String, byte[]> event : events) {
                publishLatency.recordValue(Math.max(0, probe.readAtNanos(event) - sentAt.get(event.key())) / 1_000);
            }
            return new Result((end - start) / 1e9, httpLatency, publishLatency);
        }
    }

    private HttpRequest request(String name) {
        return HttpRequest.newBuilder(Platform.get().membership.uri("/api/membership/organizations"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"legalName": "Organisme de banc d’essai %s", "neq": "%d", "legalForm": "OBNL",
                         "regionCode": "06", "sectorCodes": []}
                        """.formatted(name, neqs.incrementAndGet())))
                .build();
    }

    private static void print(String label, Histogram histogram) {
        System.out.printf("%s p50 %7.1f  p95 %7.1f  p99 %7.1f  max %7.1f%n", label,
                histogram.getValueAtPercentile(50) / 1000.0, histogram.getValueAtPercentile(95) / 1000.0,
                histogram.getValueAtPercentile(99) / 1000.0, histogram.getMaxValue() / 1000.0);
    }

    private record Result(double seconds, Histogram http, Histogram published) {
    }
}
