package qc.esac.kit.messaging;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListenerContainer;
import qc.esac.events.EventCatalog;
import qc.esac.events.Topics;
import qc.esac.events.membership.OrganizationRegistered;
import qc.esac.testkit.TestEvents;
import qc.esac.testkit.TestInfrastructure;
import qc.esac.testkit.TestTopics;
import qc.esac.testkit.TopicProbe;
import tools.jackson.databind.json.JsonMapper;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchException;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The kit's batch consumption with its error handler in a real listener container, on the test broker: a poison
 * record amid one poll's records, on a topic of three partitions. What the container commits is checked at each
 * commit, before it reaches the broker: a partition's offset never passes a record that is neither applied nor
 * dead-lettered ("nothing lost"), even when the records after the poison one are applied slowly on their redelivery.
 * A partition whose records all came before the poison one in the poll is committed at once, before the records
 * after the poison one are redelivered: a test that waits for one partition's commit has not waited for the others.
 */
class BatchErrorHandlingIT {

    private static final String TYPE = EventCatalog.of(OrganizationRegistered.class).type();
    private static final String NAMES = "names";
    /** Each good record's organization, by "topic-partition@offset". */
    private static final Map<String, String> OFFSET_IDS = new ConcurrentHashMap<>();
    private static final MongoClient CLIENT = MongoClients.create(TestInfrastructure.get().mongoUri());

    private final IncomingEvents incoming = new IncomingEvents(JsonMapper.builder().build());
    private final MongoTemplate mongo = new MongoTemplate(CLIENT, "batch-errors-" + UUID.randomUUID().toString().substring(0, 8));
    private final IdempotentUpdates updates = new IdempotentUpdates(mongo);
    private final EventBatches batches = new EventBatches(incoming, updates);

    @AfterAll
    static void closeClient() {
        CLIENT.close();
    }

    @Test
    void aPartitionIsNeverCommittedPastARecordNeitherAppliedNorDeadLettered() throws Exception {
        String topic = "kit-batch-errors-" + UUID.randomUUID();
        List<Integer> partitions = TestTopics.ensure(topic);
        assertThat(partitions).hasSize(3);
        String poisonKey = "poison-" + UUID.randomUUID();
        // partition 0: two before the poison one, then two after it (one applied slowly on its redelivery);
        // partitions 1 and 2: one organization each, all in the same poll as the poison record.
        Map<TopicPartition, List<Long>> goodOffsets = new ConcurrentHashMap<>();
        List<String> ids = new ArrayList<>();
        String slow = "lente-" + UUID.randomUUID();
        DefaultKafkaProducerFactory<String, byte[]> producers = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
        KafkaTemplate<String, byte[]> producer = new KafkaTemplate<>(producers);
        try {
            for (String id : List.of("avant-1", "avant-2")) {
                send(producer, topic, 0, id + "-" + UUID.randomUUID(), ids, goodOffsets);
            }
            producer.send(new ProducerRecord<>(topic, 0, poisonKey, "pas un événement".getBytes(StandardCharsets.UTF_8)))
                    .get();
            send(producer, topic, 0, slow, ids, goodOffsets);
            send(producer, topic, 0, "apres-" + UUID.randomUUID(), ids, goodOffsets);
            send(producer, topic, 1, "ailleurs-1-" + UUID.randomUUID(), ids, goodOffsets);
            send(producer, topic, 2, "ailleurs-2-" + UUID.randomUUID(), ids, goodOffsets);
        } catch (Exception e) {
            producers.destroy();
            throw e;
        }

        List<String> violations = new CopyOnWriteArrayList<>();
        List<Map<TopicPartition, OffsetAndMetadata>> commits = new CopyOnWriteArrayList<>();
        List<List<String>> batchesSeen = new CopyOnWriteArrayList<>();
        // Committed while the slow record was not yet written: the partitions committed ahead of it.
        Set<TopicPartition> committedAheadOfTheSlowRecord = ConcurrentHashMap.newKeySet();
        Set<String> slowedOnce = ConcurrentHashMap.newKeySet();

        EventDispatcher dispatcher = EventDispatcher.builder()
                .on(OrganizationRegistered.class, (event, registered) -> {
                    if (registered.organizationId().equals(slow) && slowedOnce.add(slow)) {
                        sleep(Duration.ofMillis(800)); // the redelivery after the poison is slow
                    }
                    updates.applyIfNewer(NAMES, registered.organizationId(), event,
                            new Update().set("name", registered.legalName()));
                })
                .reads(OrganizationRegistered.class, NAMES, OrganizationRegistered::organizationId)
                .build();

        DefaultKafkaConsumerFactory<String, byte[]> consumers = new DefaultKafkaConsumerFactory<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        // Every commit the container or its error handler makes is checked against the store before it is sent.
        consumers.addPostProcessor(consumer -> checkingCommits(consumer, offsets -> {
            commits.add(offsets);
            offsets.forEach((partition, committed) -> {
                for (long offset : goodOffsets.getOrDefault(partition, List.of())) {
                    if (offset < committed.offset() && !written(OFFSET_IDS.get(partition + "@" + offset))) {
                        violations.add(partition + "@" + offset + " committed (" + committed.offset()
                                + ") but not applied");
                    }
                }
                if (!written(slow)) {
                    committedAheadOfTheSlowRecord.add(partition);
                }
            });
        }));
        ContainerProperties properties = new ContainerProperties(topic);
        properties.setGroupId("kit-batch-errors-" + UUID.randomUUID());
        properties.setMessageListener((BatchMessageListener<String, byte[]>) records -> {
            batchesSeen.add(records.stream().map(r -> r.partition() + "@" + r.offset()).toList());
            batches.consume(records, dispatcher);
        });
        KafkaMessageListenerContainer<String, byte[]> container = new KafkaMessageListenerContainer<>(consumers,
                properties);
        try (TopicProbe deadLetters = TopicProbe.from(Topics.deadLetterOf(topic))) {
            container.setCommonErrorHandler(KafkaErrorHandling.errorHandler(producer,
                    new KafkaErrorProperties(0, Duration.ofMillis(10), Duration.ofMillis(10)), new SimpleMeterRegistry()));
            container.start();
            try {
                awaitCommittedPastEverything(commits, goodOffsets, Duration.ofSeconds(30));
            } finally {
                container.stop();
                producers.destroy();
            }

            assertThat(violations).as("commits past records not applied; batches %s", batchesSeen).isEmpty();
            assertThat(ids).allSatisfy(id -> assertThat(written(id)).as(id).isTrue());
            List<ConsumerRecord<String, byte[]>> dead = deadLetters.await(r -> true, 1, Duration.ofSeconds(20));
            assertThat(dead).extracting(ConsumerRecord::key).containsExactly(poisonKey);
        }
        // The first poll held the poison record amid the others: the partitions before it in that poll were
        // committed at once, ahead of the slow record after it, and only they were (the other partitions' records
        // were redelivered with it). This is what a test awaiting one partition's commit misses.
        List<String> first = batchesSeen.get(0);
        int poisonAt = first.indexOf("0@2");
        assertThat(poisonAt).as("the first poll %s holds the poison record", first).isNotNegative();
        if (first.stream().map(at -> at.substring(0, at.indexOf('@'))).distinct().count() == 3) {
            Set<TopicPartition> before = new HashSet<>();
            before.add(new TopicPartition(topic, 0)); // its records before the poison one, then the poison one
            first.subList(0, poisonAt).forEach(at -> before.add(
                    new TopicPartition(topic, Integer.parseInt(at.substring(0, at.indexOf('@'))))));
            assertThat(committedAheadOfTheSlowRecord).as("first poll %s", first)
                    .containsExactlyInAnyOrderElementsOf(before);
        }
        System.out.printf("first poll %s; committed before the record after the poison one was applied: %s%n", first,
                committedAheadOfTheSlowRecord);
    }

    /**
     * The order the training IT met once (and the live container above meets whenever the poison record's partition
     * is not the poll's first): a partition whose records all came before the poison one is committed by the error
     * handler at once, while the records after the poison one are only sought back, to be applied by the next poll.
     */
    @Test
    void thePartitionsBeforeThePoisonRecordInThePollAreCommittedAtOnceAndTheRecordsAfterItSoughtBack() throws Exception {
        String topic = "kit-batch-order-" + UUID.randomUUID();
        TopicPartition other = new TopicPartition(topic, 1);
        TopicPartition poisoned = new TopicPartition(topic, 0);
        ConsumerRecord<String, byte[]> elsewhere = consumed(other, 7, "ailleurs");
        ConsumerRecord<String, byte[]> before = consumed(poisoned, 3, "avant");
        ConsumerRecord<String, byte[]> poison = new ConsumerRecord<>(topic, 0, 4, "poison",
                "pas un événement".getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<String, byte[]> after = consumed(poisoned, 5, "apres");
        Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> byPartition = new LinkedHashMap<>();
        byPartition.put(other, List.of(elsewhere));
        byPartition.put(poisoned, List.of(before, poison, after));
        ConsumerRecords<String, byte[]> poll = new ConsumerRecords<>(byPartition, Map.of());
        List<ConsumerRecord<String, byte[]>> list = new ArrayList<>();
        poll.forEach(list::add);

        MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
        consumer.assign(List.of(other, poisoned));
        consumer.updateBeginningOffsets(Map.of(other, 0L, poisoned, 0L));
        MessageListenerContainer container = mock(MessageListenerContainer.class);
        when(container.getContainerProperties()).thenReturn(new ContainerProperties(topic));
        DefaultKafkaProducerFactory<String, byte[]> producers = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
        try {
            var handler = KafkaErrorHandling.errorHandler(new KafkaTemplate<>(producers),
                    new KafkaErrorProperties(0, Duration.ofMillis(10), Duration.ofMillis(10)), new SimpleMeterRegistry());
            Exception thrown = catchException(() -> batches.consume(list, EventDispatcher.builder().build()));

            Exception handled = catchException(() -> handler.handleBatch(thrown, poll, consumer, container, () -> { }));

            assertThat(handled).hasMessageContaining("Seek to current after exception");
            // Committed: the other partition whole, the poisoned one up to the poison record (dead-lettered)...
            assertThat(consumer.committed(Set.of(other, poisoned))).containsEntry(other, new OffsetAndMetadata(8))
                    .containsEntry(poisoned, new OffsetAndMetadata(5));
            // ...and the record after it to be read again: applied only by the next poll.
            assertThat(consumer.position(poisoned)).isEqualTo(5);
        } finally {
            producers.destroy();
        }
    }

    private ConsumerRecord<String, byte[]> consumed(TopicPartition partition, long offset, String id) {
        ProducerRecord<String, byte[]> event = TestEvents.record(OffsetDateTime.now(), partition.topic(),
                UUID.randomUUID().toString(), TYPE, id, 1, """
                        {"organizationId": "%s", "legalName": "Nom", "neq": "1234567890", "legalForm": "OBNL",
                         "regionCode": "05", "sectorCodes": []}""".formatted(id));
        return new ConsumerRecord<>(partition.topic(), partition.partition(), offset, System.currentTimeMillis(),
                TimestampType.CREATE_TIME, -1, -1, id, event.value(), event.headers(), Optional.empty());
    }

    private void send(KafkaTemplate<String, byte[]> producer, String topic, int partition, String id, List<String> ids,
                      Map<TopicPartition, List<Long>> goodOffsets) throws Exception {
        ProducerRecord<String, byte[]> event = TestEvents.record(OffsetDateTime.now(), topic, UUID.randomUUID().toString(),
                TYPE, id, 1, """
                        {"organizationId": "%s", "legalName": "Nom", "neq": "1234567890", "legalForm": "OBNL",
                         "regionCode": "05", "sectorCodes": []}""".formatted(id));
        long offset = producer.send(new ProducerRecord<>(topic, partition, id, event.value(), event.headers())).get()
                .getRecordMetadata().offset();
        ids.add(id);
        goodOffsets.computeIfAbsent(new TopicPartition(topic, partition), p -> new CopyOnWriteArrayList<>()).add(offset);
        OFFSET_IDS.put(new TopicPartition(topic, partition) + "@" + offset, id);
    }

    private boolean written(String id) {
        return mongo.getCollection(NAMES).find(Filters.eq("_id", id)).first() != null;
    }

    private static void awaitCommittedPastEverything(List<Map<TopicPartition, OffsetAndMetadata>> commits,
                                                     Map<TopicPartition, List<Long>> goodOffsets, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Map<TopicPartition, Long> committed = new ConcurrentHashMap<>();
            commits.forEach(c -> c.forEach((p, o) -> committed.merge(p, o.offset(), Math::max)));
            if (goodOffsets.entrySet().stream().allMatch(e -> committed.getOrDefault(e.getKey(), -1L)
                    > Collections.max(e.getValue()))) {
                return;
            }
            sleep(Duration.ofMillis(20));
        }
        throw new AssertionError("not every partition committed past its last record: " + commits);
    }

    /** A consumer whose commits first go through {@code check}. */
    @SuppressWarnings("unchecked")
    private static Consumer<String, byte[]> checkingCommits(Consumer<String, byte[]> consumer,
                                                            java.util.function.Consumer<Map<TopicPartition, OffsetAndMetadata>> check) {
        return (Consumer<String, byte[]>) Proxy.newProxyInstance(Consumer.class.getClassLoader(),
                new Class<?>[] {Consumer.class}, (proxy, method, args) -> {
                    if (method.getName().startsWith("commit") && args != null && args.length > 0
                            && args[0] instanceof Map<?, ?> offsets) {
                        check.accept((Map<TopicPartition, OffsetAndMetadata>) offsets);
                    }
                    try {
                        return method.invoke(consumer, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
