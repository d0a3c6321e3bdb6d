package qc.esac.kit.outbox;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import qc.esac.events.membership.OrganizationRegistered;
import qc.esac.testkit.TestInfrastructure;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prints whether the relay keeps up with writers: 16 threads create aggregates (one event each) as fast as the store
 * takes them for 20 s while the relay (default settings, the kit's producer settings) publishes them to the embedded
 * broker; then how many events still waited when the writers stopped and how long the relay took to empty the
 * outboxes. One JVM, so it isolates the relay from HTTP and from the other services. Not part of the build:
 * {@code ./mvnw -B -pl infra/service-kit -am verify -Dtest=OutboxRelayBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class OutboxRelayBenchmark {

    private static final int WRITERS = 16;
    private static final Duration LOAD = Duration.ofSeconds(20);

    record Organization(String name) {
    }

    @Test
    void theRelayAgainstSixteenWriters() throws Exception {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        KafkaTemplate<String, byte[]> kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config,
                new StringSerializer(), new ByteArraySerializer()));
        try (MongoClient client = MongoClients.create(infrastructure.mongoUri())) {
            MongoTemplate mongo = new MongoTemplate(client, "outbox-relay-benchmark");
            String collection = "bench_" + UUID.randomUUID().toString().replace("-", "");
            Clock clock = Clock.systemUTC();
            OutboxProperties properties = new OutboxProperties(null, null, null, null, null, null);
            OutboxRelay relay = new OutboxRelay(mongo, kafka, properties, clock,
                    new OutboxBacklog(mongo, clock, new SimpleMeterRegistry()));
            OutboxEventFactory events = new OutboxEventFactory(JsonMapper.builder().build(), clock,
                    new StaticListableBeanFactory().getBeanProvider(io.micrometer.tracing.Tracer.class));
            AggregateStore<Organization> store = new AggregateStores(mongo, events, relay)
                    .forCollection(collection, Organization.class);
            // Warm-up: the producer's metadata, the JIT.
            relay.start();
            write(store, Duration.ofSeconds(5));
            awaitEmpty(mongo, collection, Duration.ofSeconds(120));

            long start = System.nanoTime();
            long written = write(store, LOAD);
            long stopped = System.nanoTime();
            long waitingAtStop = pending(mongo, collection);
            boolean emptied = awaitEmpty(mongo, collection, Duration.ofSeconds(180));
            long drained = System.nanoTime();
            relay.stop();

            double loadSeconds = (stopped - start) / 1e9;
            System.out.printf("%nOutboxRelayBenchmark: %d writers for %.1f s, relay with %d publishers%n", WRITERS,
                    loadSeconds, properties.publishers());
            System.out.printf("writes/s                                %10.1f%n", written / loadSeconds);
            System.out.printf("events published/s (until outbox empty) %10.1f%n", written / ((drained - start) / 1e9));
            System.out.printf("aggregates waiting when writers stopped %10d%n", waitingAtStop);
            System.out.printf("outbox empty after the stop (s)         %10.1f%n", (drained - stopped) / 1e9);
            assertThat(emptied).isTrue();
        } finally {
            kafka.destroy();
        }
    }

    private static long write(AggregateStore<Organization> store, Duration length) throws Exception {
        AtomicLong written = new AtomicLong();
        long deadline = System.nanoTime() + length.toNanos();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                running.add(writers.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        String id = UUID.randomUUID().toString();
                        store.insert(id, new Organization(id), List.of(new OrganizationRegistered(id, "Organisme " + id,
                                "1234567890", "OBNL", "06", List.of())));
                        written.incrementAndGet();
                    }
                }));
            }
            for (Future<?> writer : running) {
                writer.get();
            }
        } finally {
            writers.shutdown();
        }
        return written.get();
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
}
