package qc.esac.kit.outbox;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import qc.esac.kit.messaging.MessagingAutoConfiguration;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.SendResult;
import qc.esac.events.membership.OrganizationRegistered;
import qc.esac.testkit.TestInfrastructure;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prints how fast and how soon the relay publishes, in one JVM (embedded broker and stand-in store of
 * {@code infra/test-kit}, the kit's producer settings, the relay's default settings), so that HTTP and the other
 * services are left out:
 * <ul>
 * <li>latency from a write's commit (its {@code insert} returned) to Kafka's acknowledgement of its event, p50 / p99 /
 * max from an HdrHistogram, at moderate open-model rates (writes started on a schedule, whatever the earlier ones
 * did) and at full rate;</li>
 * <li>at full rate (16 threads creating aggregates as fast as the store takes them for 20 s): writes/s, events
 * published/s, how many aggregates still waited when the writers stopped and how long the relay took to empty the
 * outboxes.</li>
 * </ul>
 * Not part of the build:
 * {@code ./mvnw -B -pl infra/service-kit -am verify -Dtest=OutboxRelayBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dbench.linger=5}: the producer's {@code linger.ms}, 0 as the kit's, to compare).
 */
class OutboxRelayBenchmark {

    private static final int WRITERS = 16;
    private static final Duration LOAD = Duration.ofSeconds(20);
    private static final Duration RATE_LOAD = Duration.ofSeconds(10);
    private static final int[] RATES = {50, 200};
    /** The threads' times when the last load ended, taken before its writer threads end. */
    private static volatile ThreadTimes loadEnd;

    record Organization(String name) {
    }

    @Test
    void theRelayAgainstSixteenWriters() throws Exception {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        OutboxProperties properties = new OutboxProperties(null, null, null, null, null, null);
        // As the service kit configures it; -Dbench.linger tries another linger.
        Map<String, Object> config = MessagingAutoConfiguration.eventProducerConfig(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers()),
                properties.sendTimeout());
        config.put(ProducerConfig.LINGER_MS_CONFIG, Integer.getInteger("bench.linger", 0));
        Acknowledgements acknowledgements = new Acknowledgements();
        StampingTemplate kafka = new StampingTemplate(new DefaultKafkaProducerFactory<>(config,
                new StringSerializer(), new ByteArraySerializer()), acknowledgements);
        try (MongoClient client = MongoClients.create(infrastructure.mongoUri())) {
            MongoTemplate mongo = new MongoTemplate(client, "outbox-relay-benchmark");
            String collection = "bench_" + UUID.randomUUID().toString().replace("-", "");
            Clock clock = Clock.systemUTC();
            OutboxRelay relay = new OutboxRelay(mongo, kafka, properties, clock,
                    new OutboxBacklog(mongo, clock, new SimpleMeterRegistry()));
            OutboxEventFactory events = new OutboxEventFactory(JsonMapper.builder().build(), clock,
                    new StaticListableBeanFactory().getBeanProvider(io.micrometer.tracing.Tracer.class));
            AggregateStore<Organization> store = new AggregateStores(mongo, events, relay)
                    .forCollection(collection, Organization.class);
            // Warm-up: the producer's metadata, the JIT.
            relay.start();
            write(store, Duration.ofSeconds(5), acknowledgements.phase());
            awaitEmpty(mongo, collection, Duration.ofSeconds(120));

            List<String> rateLines = new ArrayList<>();
            for (int rate : RATES) {
                Phase phase = acknowledgements.phase();
                ThreadTimes before = ThreadTimes.now();
                long written = writeAtRate(store, rate, RATE_LOAD, phase);
                ThreadTimes during = loadEnd.minus(before);
                assertThat(awaitEmpty(mongo, collection, Duration.ofSeconds(120))).isTrue();
                phase.awaitAll(written, Duration.ofSeconds(10));
                rateLines.add(line("commit -> ack at " + rate + "/s (open model)", phase.latencies));
                rateLines.add(line("  commit -> sent", phase.toSent));
                rateLines.add(line("  sent -> ack", phase.toAck));
                rateLines.add(during.table());
            }

            Phase full = acknowledgements.phase();
            long start = System.nanoTime();
            ThreadTimes before = ThreadTimes.now();
            long written = write(store, LOAD, full);
            ThreadTimes during = loadEnd.minus(before);
            long stopped = System.nanoTime();
            long waitingAtStop = pending(mongo, collection);
            boolean emptied = awaitEmpty(mongo, collection, Duration.ofSeconds(180));
            long drained = System.nanoTime();
            full.awaitAll(written, Duration.ofSeconds(10));
            relay.stop();

            double loadSeconds = (stopped - start) / 1e9;
            System.out.printf("%nOutboxRelayBenchmark: %d writers for %.1f s, relay with %d publishers%n", WRITERS,
                    loadSeconds, properties.publishers());
            rateLines.forEach(System.out::println);
            System.out.println(line("commit -> ack at full rate", full.latencies));
            System.out.println(line("  commit -> sent", full.toSent));
            System.out.println(line("  sent -> ack", full.toAck));
            System.out.println(during.table());
            System.out.printf("writes/s                                %10.1f%n", written / loadSeconds);
            System.out.printf("events published/s (until outbox empty) %10.1f%n", written / ((drained - start) / 1e9));
            System.out.printf("aggregates waiting when writers stopped %10d%n", waitingAtStop);
            System.out.printf("outbox empty after the stop (s)         %10.1f%n", (drained - stopped) / 1e9);
            assertThat(emptied).isTrue();
            assertThat(full.latencies.getTotalCount()).isEqualTo(written);
        } finally {
            kafka.destroy();
        }
    }

    private static String line(String what, Histogram latencies) {
        return String.format("%-40s p50 %7.1f  p99 %7.1f  max %7.1f ms (%d events)", what,
                latencies.getValueAtPercentile(50) / 1000.0, latencies.getValueAtPercentile(99) / 1000.0,
                latencies.getMaxValue() / 1000.0, latencies.getTotalCount());
    }

    private static void insert(AggregateStore<Organization> store, Phase phase) {
        String id = UUID.randomUUID().toString();
        phase.started(id);
        store.insert(id, new Organization(id), List.of(new OrganizationRegistered(id, "Organisme " + id,
                "1234567890", "OBNL", "06", List.of())));
        phase.committed(id, System.nanoTime());
    }

    private static long write(AggregateStore<Organization> store, Duration length, Phase phase) throws Exception {
        AtomicLong written = new AtomicLong();
        long deadline = System.nanoTime() + length.toNanos();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                running.add(writers.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        insert(store, phase);
                        written.incrementAndGet();
                    }
                }));
            }
            for (Future<?> writer : running) {
                writer.get();
            }
        } finally {
            loadEnd = ThreadTimes.now(); // before the writers' threads end
            writers.shutdown();
        }
        return written.get();
    }

    /** Writes started at {@code rate} per second on a schedule (open model), each on a pool thread. */
    private static long writeAtRate(AggregateStore<Organization> store, int rate, Duration length, Phase phase)
            throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> running = new ArrayList<>();
        try {
            long start = System.nanoTime();
            long count = length.toSeconds() * rate;
            for (long i = 0; i < count; i++) {
                long intended = start + i * 1_000_000_000L / rate;
                long wait = intended - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                running.add(writers.submit(() -> insert(store, phase)));
            }
            for (Future<?> writer : running) {
                writer.get();
            }
            return count;
        } finally {
            loadEnd = ThreadTimes.now(); // before the writers' threads end
            writers.shutdown();
        }
    }

    private static long pending(MongoTemplate mongo, String collection) {
        return mongo.getCollection(collection).countDocuments(Filters.exists("outbox.0.id"));
    }

    private static boolean awaitEmpty(MongoTemplate mongo, String collection, Duration patience)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (pending(mongo, collection) == 0) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** The producer's acknowledgement of each event, stamped when its future completes, keyed by aggregate id. */
    static final class StampingTemplate extends KafkaTemplate<String, byte[]> {

        private final Acknowledgements acknowledgements;

        StampingTemplate(ProducerFactory<String, byte[]> factory, Acknowledgements acknowledgements) {
            super(factory);
            this.acknowledgements = acknowledgements;
        }

        @Override
        public CompletableFuture<SendResult<String, byte[]>> send(ProducerRecord<String, byte[]> record) {
            acknowledgements.sent(record.key(), System.nanoTime());
            return super.send(record).whenComplete((result, failure) -> {
                if (failure == null) {
                    acknowledgements.acknowledged(record.key(), System.nanoTime());
                }
            });
        }
    }

    /** Which phase each aggregate was written in, so that its acknowledgement lands in that phase's histogram. */
    static final class Acknowledgements {

        private final Map<String, Phase> phases = new ConcurrentHashMap<>();

        Phase phase() {
            return new Phase(phases);
        }

        void acknowledged(String id, long nanos) {
            Phase phase = phases.get(id);
            if (phase != null) {
                phase.acknowledged(id, nanos);
            }
        }

        void sent(String id, long nanos) {
            Phase phase = phases.get(id);
            if (phase != null) {
                phase.sent(id, nanos);
            }
        }
    }

    /**
     * Pairs each write's commit with its event's acknowledgement, whichever comes first (a sweep may publish an event
     * before its {@code insert} returned to the writer: that counts as 0).
     */
    static final class Phase {

        final Histogram latencies = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(5), 3);
        /** The stages: commit -> the first send of the aggregate's event, that send -> its acknowledgement. */
        final Histogram toSent = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(5), 3);
        final Histogram toAck = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(5), 3);
        private final Map<String, Phase> phases;
        private final Map<String, long[]> halves = new ConcurrentHashMap<>();
        private final Map<String, Long> sentAt = new ConcurrentHashMap<>();

        void sent(String id, long nanos) {
            sentAt.putIfAbsent(id, nanos);
        }

        Phase(Map<String, Phase> phases) {
            this.phases = phases;
        }

        void started(String id) {
            phases.put(id, this);
        }

        void committed(String id, long nanos) {
            pair(id, 0, nanos);
        }

        void acknowledged(String id, long nanos) {
            pair(id, 1, nanos);
        }

        private void pair(String id, int half, long nanos) {
            long[] both = halves.compute(id, (key, known) -> {
                long[] times = known == null ? new long[] {-1, -1} : known;
                if (times[half] < 0) {
                    times[half] = nanos; // the first acknowledgement counts (a duplicate publication does not)
                }
                return times;
            });
            if (both[0] >= 0 && both[1] >= 0 && halves.remove(id, both)) {
                latencies.recordValue(Math.max(0, both[1] - both[0]) / 1000);
                Long sent = sentAt.remove(id);
                if (sent != null) {
                    // A send made before the insert returned (from the writer's thread) counts as 0.
                    toSent.recordValue(Math.max(0, sent - both[0]) / 1000);
                    toAck.recordValue(Math.max(0, both[1] - sent) / 1000);
                }
                phases.remove(id);
            }
        }

        void awaitAll(long count, Duration patience) throws InterruptedException {
            long deadline = System.nanoTime() + patience.toNanos();
            while (latencies.getTotalCount() < count && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
    }

    /**
     * Per group of this JVM's threads (named as Linux shows them, digits dropped): CPU time, time runnable but waiting
     * for a core (the scheduler's run queue), and the rest (parked, blocked, sleeping), from
     * {@code /proc/self/task/<tid>/schedstat}. Empty where /proc is not readable.
     */
    record ThreadTimes(long wallNanos, Map<String, long[]> byGroup) {

        static ThreadTimes now() {
            Map<String, long[]> groups = new java.util.TreeMap<>();
            java.io.File[] tasks = new java.io.File("/proc/self/task").listFiles();
            for (java.io.File task : tasks == null ? new java.io.File[0] : tasks) {
                try {
                    String name = java.nio.file.Files.readString(task.toPath().resolve("comm")).trim()
                            .replaceAll("[0-9]+", "#");
                    String[] stat = java.nio.file.Files.readString(task.toPath().resolve("schedstat")).trim().split(" ");
                    long[] sums = groups.computeIfAbsent(name, n -> new long[3]);
                    sums[0] += Long.parseLong(stat[0]);
                    sums[1] += Long.parseLong(stat[1]);
                    sums[2]++;
                } catch (java.io.IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
            return new ThreadTimes(System.nanoTime(), groups);
        }

        /** What happened since {@code before} (threads that ended meanwhile are not counted). */
        ThreadTimes minus(ThreadTimes before) {
            Map<String, long[]> groups = new java.util.TreeMap<>();
            byGroup.forEach((name, now) -> {
                long[] then = before.byGroup.getOrDefault(name, new long[3]);
                groups.put(name, new long[] {now[0] - then[0], now[1] - then[1], now[2]});
            });
            return new ThreadTimes(wallNanos - before.wallNanos, groups);
        }

        String table() {
            StringBuilder out = new StringBuilder(String.format(
                    "  threads (%.1f s)                  count   CPU s  run queue s  run queue / (CPU + run queue)%n",
                    wallNanos / 1e9));
            byGroup.entrySet().stream().filter(e -> e.getValue()[0] + e.getValue()[1] > wallNanos / 200)
                    .sorted((a, b) -> Long.compare(b.getValue()[0] + b.getValue()[1], a.getValue()[0] + a.getValue()[1]))
                    .forEach(e -> out.append(String.format("  %-32s %5d %7.2f %12.2f %8.0f %%%n", e.getKey(),
                            e.getValue()[2], e.getValue()[0] / 1e9, e.getValue()[1] / 1e9,
                            100.0 * e.getValue()[1] / Math.max(1, e.getValue()[0] + e.getValue()[1]))));
            return out.toString().stripTrailing();
        }
    }
}
