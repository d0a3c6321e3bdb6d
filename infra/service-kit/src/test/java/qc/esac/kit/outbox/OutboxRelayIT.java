package qc.esac.kit.outbox;

import qc.esac.testkit.time.MutableClock;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonValue;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import qc.esac.kit.messaging.MessagingAutoConfiguration;
import org.springframework.kafka.support.SendResult;
import org.apache.kafka.clients.producer.ProducerRecord;
import qc.esac.events.Topics;
import qc.esac.events.membership.OrganizationRegistered;
import qc.esac.testkit.TestInfrastructure;
import qc.esac.testkit.TopicProbe;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relay on the real broker and store, run by several instances: each event is published once in the
 * normal case, in order per aggregate, and none is lost when an instance dies holding a lease.
 */
class OutboxRelayIT {

    private static final Duration LEASE = Duration.ofSeconds(30);
    private static MongoClient client;
    private static MongoTemplate mongo;
    private static KafkaTemplate<String, byte[]> kafka;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-04-01T12:00:00Z"));
    private String collection;
    private AggregateStore<Organization> store;

    record Organization(String name) {
    }

    @BeforeAll
    static void connect() {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        client = MongoClients.create(infrastructure.mongoUri());
        mongo = new MongoTemplate(client, "outbox-relay-it");
        // As the service kit configures it, with a send timeout of 4 s.
        Map<String, Object> config = MessagingAutoConfiguration.eventProducerConfig(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers()),
                Duration.ofSeconds(4));
        kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config, new StringSerializer(),
                new ByteArraySerializer()));
    }

    @AfterAll
    static void disconnect() {
        kafka.destroy();
        client.close();
    }

    @BeforeEach
    void freshCollection() {
        collection = "relay_" + UUID.randomUUID().toString().replace("-", "");
        // The store's own relay is never started: only the instances under test publish.
        store = stores(relay()).forCollection(collection, Organization.class);
    }

    @Test
    void twoInstancesSweepingTogetherPublishEachEventOnceAndInOrder() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            Versioned<Organization> created = store.insert(id, new Organization("v1"), List.of(event(id, "v1")));
            store.update(id, created.version(), new Organization("v2"), List.of(event(id, "v2"), event(id, "v3")));
        }
        OutboxRelay first = relay();
        OutboxRelay second = relay();
        first.register(collection);
        second.register(collection);

        try (TopicProbe probe = TopicProbe.from(Topics.MEMBERSHIP)) {
            CompletableFuture<Integer> a = CompletableFuture.supplyAsync(first::sweep);
            CompletableFuture<Integer> b = CompletableFuture.supplyAsync(second::sweep);
            assertThat(a.get() + b.get()).isEqualTo(60);

            List<ConsumerRecord<String, byte[]>> records = probe.collect(r -> ids.contains(r.key()),
                    Duration.ofSeconds(3));
            assertThat(records).hasSize(60);
            assertThat(records.stream().map(r -> TopicProbe.header(r, "ce_id")).distinct()).hasSize(60);
            Map<String, List<String>> sequences = records.stream().collect(Collectors.groupingBy(
                    ConsumerRecord::key, Collectors.mapping(r -> TopicProbe.header(r, "ce_aggregatesequence"),
                            Collectors.toList())));
            assertThat(sequences).hasSize(20)
                    .allSatisfy((id, seq) -> assertThat(seq).containsExactly("1", "2", "3"));
        }
        assertThat(mongo.getCollection(collection).countDocuments(Filters.exists("outbox.0.id"))).isZero();
    }

    @Test
    void anAggregateLeasedByADeadInstanceIsPublishedByAnotherOnceTheLeaseExpires() {
        String id = UUID.randomUUID().toString();
        store.insert(id, new Organization("v1"), List.of(event(id, "v1")));
        // What an instance leaves behind when it dies between claiming the aggregate and publishing it.
        mongo.getCollection(collection).updateOne(Filters.eq("_id", id), Updates.set("outboxLease",
                new Document("owner", "dead-instance").append("until", Date.from(clock.instant().plus(LEASE)))));
        OutboxRelay survivor = relay();
        survivor.register(collection);

        try (TopicProbe probe = TopicProbe.from(Topics.MEMBERSHIP)) {
            assertThat(survivor.sweep()).as("the lease still holds").isZero();
            clock.advance(LEASE.plusSeconds(1));
            assertThat(survivor.sweep()).isEqualTo(1);
            assertThat(probe.await(TopicProbe.subject(id), 1, Duration.ofSeconds(10))).hasSize(1);
        }
        assertThat(store.find(id)).isPresent();
        Document document = mongo.getCollection(collection).find(Filters.eq("_id", id)).first();
        assertThat(document.getList("outbox", Document.class)).isEmpty();
        assertThat(document.get("outboxLease")).isNull();
    }

    @Test
    void anEventStaysInTheOutboxUntilKafkaAcknowledgesIt() {
        String id = UUID.randomUUID().toString();
        store.insert(id, new Organization("v1"), List.of(event(id, "v1")));
        OutboxRelay relay = relay();
        relay.register(collection);
        try (TestInfrastructure.BrokerOutage ignored = TestInfrastructure.get().brokerOutage()) {
            assertThat(relay.sweep()).isZero();
        }
        assertThat(pending(id)).hasSize(1);
        try (TopicProbe probe = TopicProbe.from(Topics.MEMBERSHIP)) {
            assertThat(relay.sweep()).isEqualTo(1);
            assertThat(probe.await(TopicProbe.subject(id), 1, Duration.ofSeconds(10))).hasSize(1);
        }
        assertThat(pending(id)).isEmpty();
    }

    @Test
    void aWriteMadeWhileThePublisherHoldsTheLeaseIsPublishedByTheSamePublicationInOrder() {
        String id = UUID.randomUUID().toString();
        Versioned<Organization> created = store.insert(id, new Organization("v1"), List.of(event(id, "v1")));
        // Another request writes the aggregate while its first event is on its way to Kafka.
        AtomicBoolean written = new AtomicBoolean();
        KafkaTemplate<String, byte[]> writingMeanwhile = new KafkaTemplate<>(kafka.getProducerFactory()) {
            @Override
            public CompletableFuture<SendResult<String, byte[]>> send(ProducerRecord<String, byte[]> record) {
                if (written.compareAndSet(false, true)) {
                    store.update(id, created.version(), new Organization("v2"), List.of(event(id, "v2")));
                }
                return super.send(record);
            }
        };
        OutboxRelay relay = new OutboxRelay(mongo, writingMeanwhile, properties(), clock, backlog());
        relay.register(collection);

        try (TopicProbe probe = TopicProbe.from(Topics.MEMBERSHIP)) {
            assertThat(relay.publish(collection, id)).isTrue();
            List<ConsumerRecord<String, byte[]>> records = probe.await(TopicProbe.subject(id), 2, Duration.ofSeconds(10));
            assertThat(records).extracting(r -> TopicProbe.header(r, "ce_aggregatesequence")).containsExactly("1", "2");
        }
        assertThat(pending(id)).isEmpty();
        assertThat(mongo.getCollection(collection).find(Filters.eq("_id", id)).first().get("outboxLease")).isNull();
    }

    @Test
    void aStartedRelayPublishesBurstsOfWritesInBatchesEachEventOnceAndInOrder() throws Exception {
        OutboxRelay relay = relay();
        AggregateStore<Organization> writes = stores(relay).forCollection(collection, Organization.class);
        relay.start();
        try (TopicProbe probe = TopicProbe.from(Topics.MEMBERSHIP)) {
            List<String> ids = new ArrayList<>();
            List<CompletableFuture<Void>> writers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String id = UUID.randomUUID().toString();
                ids.add(id);
                writers.add(CompletableFuture.runAsync(() -> {
                    Versioned<Organization> created = writes.insert(id, new Organization("v1"), List.of(event(id, "v1")));
                    Versioned<Organization> second = writes.update(id, created.version(), new Organization("v2"),
                            List.of(event(id, "v2")));
                    writes.update(id, second.version(), new Organization("v3"), List.of(event(id, "v3"), event(id, "v4")));
                }));
            }
            CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get();

            List<ConsumerRecord<String, byte[]>> records = probe.await(r -> ids.contains(r.key()), 160,
                    Duration.ofSeconds(20));
            assertThat(records.stream().map(r -> TopicProbe.header(r, "ce_id")).distinct()).hasSize(160);
            Map<String, List<String>> sequences = records.stream().collect(Collectors.groupingBy(
                    ConsumerRecord::key, Collectors.mapping(r -> TopicProbe.header(r, "ce_aggregatesequence"),
                            Collectors.toList())));
            assertThat(sequences).hasSize(40)
                    .allSatisfy((id, seq) -> assertThat(seq).containsExactly("1", "2", "3", "4"));
            awaitEmptyOutboxes();
        } finally {
            relay.stop();
        }
    }

    @Test
    void eventsWrittenWhileTheirAggregateIsBeingPublishedStayInTheOutboxAndFollowInOrder() throws Exception {
        String id = UUID.randomUUID().toString();
        AtomicBoolean written = new AtomicBoolean();
        List<AggregateStore<Organization>> writes = new ArrayList<>();
        // Completed by the test thread once insert returns: the relay may send before that (it publishes right after
        // the write), and reading the version earlier failed the send instead of writing meanwhile.
        CompletableFuture<Versioned<Organization>> created = new CompletableFuture<>();
        // Another request writes the aggregate after the batch claimed it, while its first event is on its way.
        KafkaTemplate<String, byte[]> writingMeanwhile = new KafkaTemplate<>(kafka.getProducerFactory()) {
            @Override
            public CompletableFuture<SendResult<String, byte[]>> send(ProducerRecord<String, byte[]> record) {
                if (id.equals(record.key()) && written.compareAndSet(false, true)) {
                    // The release of the first publication must leave these two in the outbox.
                    writes.get(0).update(id, created.join().version(), new Organization("v2"),
                            List.of(event(id, "v2"), event(id, "v3")));
                }
                return super.send(record);
            }
        };
        OutboxRelay relay = new OutboxRelay(mongo, writingMeanwhile, properties(), clock, backlog());
        writes.add(stores(relay).forCollection(collection, Organization.class));
        relay.start();
        try (TopicProbe probe = TopicProbe.from(Topics.MEMBERSHIP)) {
            created.complete(writes.get(0).insert(id, new Organization("v1"), List.of(event(id, "v1"))));
            List<ConsumerRecord<String, byte[]>> records = probe.await(TopicProbe.subject(id), 3, Duration.ofSeconds(10));
            assertThat(records).extracting(r -> TopicProbe.header(r, "ce_aggregatesequence")).containsExactly("1", "2", "3");
            awaitEmptyOutboxes();
        } finally {
            relay.stop();
        }
        assertThat(written).isTrue();
        assertThat(mongo.getCollection(collection).find(Filters.eq("_id", id)).first().get("outboxLease")).isNull();
    }

    @Test
    void anAggregateLeasedByAnotherInstanceWhenWrittenIsPublishedOnceThatInstanceLetsItGo() throws Exception {
        OutboxRelay relay = relay();
        AggregateStore<Organization> writes = stores(relay).forCollection(collection, Organization.class);
        relay.tick(); // the first pass is a full sweep; the started relay's passes are then those between full sweeps
        String id = UUID.randomUUID().toString();
        Versioned<Organization> created = store.insert(id, new Organization("v1"), List.of(event(id, "v1")));
        mongo.getCollection(collection).updateOne(Filters.eq("_id", id), Updates.set("outboxLease",
                new Document("owner", "other-instance").append("until", Date.from(clock.instant().plus(LEASE)))));
        relay.start();
        try (TopicProbe probe = TopicProbe.from(Topics.MEMBERSHIP)) {
            writes.update(id, created.version(), new Organization("v2"), List.of(event(id, "v2")));
            // The other instance publishes what it claimed and lets the aggregate go, unaware of the second event.
            Thread.sleep(300);
            mongo.getCollection(collection).updateOne(Filters.eq("_id", id), Updates.combine(
                    Updates.unset("outboxLease"), Updates.popFirst("outbox")));
            List<ConsumerRecord<String, byte[]>> records = probe.await(TopicProbe.subject(id), 1, Duration.ofSeconds(10));
            assertThat(records).extracting(r -> TopicProbe.header(r, "ce_aggregatesequence")).containsExactly("2");
            awaitEmptyOutboxes();
        } finally {
            relay.stop();
        }
    }

    @Test
    void aCreateMadeWhileTheRelayRunsIsPublishedWithOneStoreWriteAndNoClaimOrRead() throws Exception {
        // The relay's own store commands on the collection, seen through a client of its own.
        List<String> commands = new CopyOnWriteArrayList<>();
        try (MongoClient listened = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(TestInfrastructure.get().mongoUri()))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        BsonValue target = event.getCommand().get(event.getCommandName());
                        if (target != null && target.isString() && collection.equals(target.asString().getValue())) {
                            commands.add(event.getCommandName());
                        }
                    }
                }).build())) {
            // No sweep while the test runs: only the publication of the write is seen.
            OutboxRelay relay = new OutboxRelay(new MongoTemplate(listened, "outbox-relay-it"), kafka,
                    new OutboxProperties(Duration.ofHours(1), Duration.ofHours(1), LEASE, Duration.ofSeconds(4), 100, 2),
                    clock, backlog());
            AggregateStore<Organization> writes = stores(relay).forCollection(collection, Organization.class);
            relay.start();
            try (TopicProbe probe = TopicProbe.from(Topics.MEMBERSHIP)) {
                commands.clear();
                String id = UUID.randomUUID().toString();
                writes.insert(id, new Organization("v1"), List.of(event(id, "v1"), event(id, "v2")));
                assertThat(probe.await(TopicProbe.subject(id), 2, Duration.ofSeconds(10)))
                        .extracting(r -> TopicProbe.header(r, "ce_aggregatesequence")).containsExactly("1", "2");
                awaitEmptyOutboxes();
            } finally {
                relay.stop();
            }
            assertThat(commands).as("the release alone: the insert took the lease, the events were in hand")
                    .containsExactly("update");
        }
    }

    @Test
    void aCreatesOwnLeaseKeepsAnotherInstanceOffUntilItsEventsArePublished() throws Exception {
        CountDownLatch sending = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        KafkaTemplate<String, byte[]> held = new KafkaTemplate<>(kafka.getProducerFactory()) {
            @Override
            public CompletableFuture<SendResult<String, byte[]>> send(ProducerRecord<String, byte[]> record) {
                sending.countDown();
                try {
                    proceed.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.send(record);
            }
        };
        OutboxRelay relay = new OutboxRelay(mongo, held, properties(), clock, backlog());
        AggregateStore<Organization> writes = stores(relay).forCollection(collection, Organization.class);
        OutboxRelay other = relay();
        other.register(collection);
        relay.start();
        try (TopicProbe probe = TopicProbe.from(Topics.MEMBERSHIP)) {
            String id = UUID.randomUUID().toString();
            writes.insert(id, new Organization("v1"), List.of(event(id, "v1")));
            assertThat(other.sweep()).as("the create's lease holds from its insert on").isZero();
            assertThat(sending.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(other.sweep()).isZero();
            proceed.countDown();
            awaitEmptyOutboxes();
            assertThat(other.sweep()).isZero();
            assertThat(probe.collect(TopicProbe.subject(id), Duration.ofSeconds(2))).hasSize(1);
        } finally {
            proceed.countDown();
            relay.stop();
        }
    }

    @Test
    void aCreatesOwnLeaseLeftBehindIsTakenOverByThisInstancesSweepOnceTooOldToSendUnderButNotByAnothers() {
        OutboxRelay relay = new OutboxRelay(mongo, kafka,
                new OutboxProperties(Duration.ofHours(1), Duration.ofHours(1), LEASE, Duration.ofSeconds(4), 100, 2),
                clock, backlog());
        relay.register(collection);
        OutboxRelay other = relay();
        other.register(collection);
        relay.start();
        try (TopicProbe probe = TopicProbe.from(Topics.MEMBERSHIP)) {
            String id = UUID.randomUUID().toString();
            // A create whose publication was never queued (the queue was full, or the relay was stopping).
            store.insert(id, new Organization("v1"), List.of(event(id, "v1")));
            mongo.getCollection(collection).updateOne(Filters.eq("_id", id),
                    Updates.set("outboxLease", relay.leaseForWrite()));

            assertThat(relay.sweep()).as("young: left to the publisher that has its events in hand").isZero();
            // Old enough that no publisher sends under it any more (lease 30 s, send timeout 4 s + 5 s).
            clock.advance(Duration.ofSeconds(21));
            assertThat(other.sweep()).as("another instance waits for the lease").isZero();
            assertThat(relay.sweep()).isEqualTo(1);
            assertThat(probe.await(TopicProbe.subject(id), 1, Duration.ofSeconds(10))).hasSize(1);
            assertThat(mongo.getCollection(collection).find(Filters.eq("_id", id)).first().get("outboxLease")).isNull();
            assertThat(pending(id)).isEmpty();
        } finally {
            relay.stop();
        }
    }

    @Test
    void onceItsTopicTakesEventsACreatesEventsAreSentFromTheWritersThreadBeforeTheInsertReturns() throws Exception {
        Map<String, String> sentOn = new ConcurrentHashMap<>();
        KafkaTemplate<String, byte[]> recording = new KafkaTemplate<>(kafka.getProducerFactory()) {
            @Override
            public CompletableFuture<SendResult<String, byte[]>> send(ProducerRecord<String, byte[]> record) {
                sentOn.putIfAbsent(record.key(), Thread.currentThread().getName());
                return super.send(record);
            }
        };
        OutboxRelay relay = new OutboxRelay(mongo, recording, properties(), clock, backlog());
        AggregateStore<Organization> writes = stores(relay).forCollection(collection, Organization.class);
        relay.start();
        try (TopicProbe probe = TopicProbe.from(Topics.MEMBERSHIP)) {
            String first = UUID.randomUUID().toString();
            writes.insert(first, new Organization("v1"), List.of(event(first, "v1")));
            assertThat(probe.await(TopicProbe.subject(first), 1, Duration.ofSeconds(10))).hasSize(1);
            awaitEmptyOutboxes();
            String second = UUID.randomUUID().toString();
            writes.insert(second, new Organization("v1"), List.of(event(second, "v1"), event(second, "v2")));
            assertThat(sentOn).as("sent before insert returned").containsKey(second);
            assertThat(probe.await(TopicProbe.subject(second), 2, Duration.ofSeconds(10)))
                    .extracting(r -> TopicProbe.header(r, "ce_aggregatesequence")).containsExactly("1", "2");
            awaitEmptyOutboxes();
            // Before its topic has taken an event (a fresh start, a broker outage) a publisher sends: the producer
            // may have to wait for the broker, and a request thread must not.
            assertThat(sentOn.get(first)).startsWith("outbox-publish-");
            assertThat(sentOn.get(second)).isEqualTo(Thread.currentThread().getName());
        } finally {
            relay.stop();
        }
    }

    @Test
    void aCreateSentFromItsWritersThreadDuringABrokerOutageIsNotLostAndDoesNotHoldTheWriter() throws Exception {
        OutboxRelay relay = relay();
        AggregateStore<Organization> writes = stores(relay).forCollection(collection, Organization.class);
        relay.start();
        try (TopicProbe probe = TopicProbe.from(Topics.MEMBERSHIP)) {
            String before = UUID.randomUUID().toString();
            writes.insert(before, new Organization("v1"), List.of(event(before, "v1")));
            assertThat(probe.await(TopicProbe.subject(before), 1, Duration.ofSeconds(10))).hasSize(1);
            String during = UUID.randomUUID().toString();
            try (TestInfrastructure.BrokerOutage ignored = TestInfrastructure.get().brokerOutage()) {
                // Long enough for the producer to find that no broker answers: a producer that then fell back to its
                // bootstrap servers would forget the topic's partitions and hold every sender up to max.block.ms.
                Thread.sleep(2_500);
                long start = System.nanoTime();
                writes.insert(during, new Organization("v1"), List.of(event(during, "v1")));
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
                // The producer gives up after its delivery timeout (4 s here); the event stays in the outbox.
                Thread.sleep(5_000);
                assertThat(pending(during)).hasSize(1);
            }
            assertThat(probe.await(TopicProbe.subject(during), 1, Duration.ofSeconds(20))).hasSize(1);
            awaitEmptyOutboxes();
        } finally {
            relay.stop();
        }
    }

    @Test
    void aPublisherDoesNotWaitForABatchsAcknowledgementsBeforePublishingTheNextWrites() throws Exception {
        String slow = UUID.randomUUID().toString();
        String next = UUID.randomUUID().toString();
        Versioned<Organization> slowCreated = store.insert(slow, new Organization("v1"), List.of(event(slow, "v1")));
        Versioned<Organization> nextCreated = store.insert(next, new Organization("v1"), List.of(event(next, "v1")));
        mongo.getCollection(collection).updateMany(Filters.exists("_id"), Updates.set("outbox", List.of()));
        CompletableFuture<Void> acknowledge = new CompletableFuture<>();
        KafkaTemplate<String, byte[]> holding = new KafkaTemplate<>(kafka.getProducerFactory()) {
            @Override
            public CompletableFuture<SendResult<String, byte[]>> send(ProducerRecord<String, byte[]> record) {
                CompletableFuture<SendResult<String, byte[]>> sent = super.send(record);
                return slow.equals(record.key()) ? acknowledge.thenCompose(ignored -> sent) : sent;
            }
        };
        // One publisher, no sweep: only the queue publishes; a send timeout longer than the wait below.
        OutboxRelay relay = new OutboxRelay(mongo, holding,
                new OutboxProperties(Duration.ofHours(1), Duration.ofHours(1), LEASE, Duration.ofSeconds(20), 100, 1),
                clock, backlog());
        AggregateStore<Organization> writes = stores(relay).forCollection(collection, Organization.class);
        relay.start();
        try (TopicProbe probe = TopicProbe.from(Topics.MEMBERSHIP)) {
            writes.update(slow, slowCreated.version(), new Organization("v2"), List.of(event(slow, "v2")));
            Thread.sleep(200); // the publisher has taken the slow one's batch
            writes.update(next, nextCreated.version(), new Organization("v2"), List.of(event(next, "v2")));
            assertThat(probe.await(TopicProbe.subject(next), 1, Duration.ofSeconds(10))).hasSize(1);
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (!pending(next).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(pending(next)).as("released while the other batch waits for Kafka").isEmpty();
            assertThat(pending(slow)).hasSize(1);
            acknowledge.complete(null);
            awaitEmptyOutboxes();
        } finally {
            acknowledge.complete(null);
            relay.stop();
        }
    }

    @Test
    void theBacklogGaugeFollowsWritesAndPublicationsWithoutWaitingForASweep() {
        OutboxBacklog backlog = backlog();
        OutboxRelay relay = new OutboxRelay(mongo, kafka, properties(), clock, backlog);
        AggregateStore<Organization> writes = stores(relay).forCollection(collection, Organization.class);
        String id = UUID.randomUUID().toString();
        Versioned<Organization> created = writes.insert(id, new Organization("v1"), List.of(event(id, "v1")));
        clock.advance(Duration.ofSeconds(7));
        writes.update(id, created.version(), new Organization("v2"), List.of(event(id, "v2"), event(id, "v3")));
        assertThat(backlog.pending()).isEqualTo(3);
        assertThat(backlog.oldestAgeSeconds()).isEqualTo(7);

        try (TopicProbe probe = TopicProbe.from(Topics.MEMBERSHIP)) {
            assertThat(relay.publish(collection, id)).isTrue();
            assertThat(probe.await(TopicProbe.subject(id), 3, Duration.ofSeconds(10))).hasSize(3);
        }
        assertThat(backlog.pending()).isZero();
        assertThat(backlog.oldestAgeSeconds()).isZero();
    }

    private void awaitEmptyOutboxes() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (mongo.getCollection(collection).countDocuments(Filters.exists("outbox.0.id")) > 0
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(mongo.getCollection(collection).countDocuments(Filters.exists("outbox.0.id"))).isZero();
        assertThat(mongo.getCollection(collection).countDocuments(Filters.exists("outboxLease"))).isZero();
    }

    private List<Document> pending(String id) {
        return mongo.getCollection(collection).find(Filters.eq("_id", id)).first().getList("outbox", Document.class);
    }

    private OutboxRelay relay() {
        return new OutboxRelay(mongo, kafka, properties(), clock, backlog());
    }

    private static OutboxProperties properties() {
        return new OutboxProperties(Duration.ofSeconds(1), Duration.ofSeconds(30), LEASE, Duration.ofSeconds(4), 100, 2);
    }

    private OutboxBacklog backlog() {
        return new OutboxBacklog(mongo, clock, new SimpleMeterRegistry());
    }

    private AggregateStores stores(OutboxRelay relay) {
        OutboxEventFactory events = new OutboxEventFactory(JsonMapper.builder().build(), clock,
                new StaticListableBeanFactory().getBeanProvider(io.micrometer.tracing.Tracer.class));
        return new AggregateStores(mongo, events, relay);
    }

    private static OrganizationRegistered event(String id, String name) {
        return new OrganizationRegistered(id, name, "1234567890", "OBNL", "06", List.of());
    }
}
