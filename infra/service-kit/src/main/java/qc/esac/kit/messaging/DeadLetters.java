package qc.esac.kit.messaging;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.KafkaHeaders;
import qc.esac.events.Topics;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Lists the records of this service's dead-letter topics and replays them to their original topic. Replays
 * are recorded in the service's store ({@code dead_letter_replays}) so "replay all" sends each record once.
 * Every consumer of a topic shares its dead-letter topic: a service sees and replays only the records its own
 * consumer groups put there (Spring Kafka's {@code kafka_dlt-original-consumer-group}), and a replay is addressed
 * to that group ({@link DeadLetterHeaders#REPLAYED_FOR}) so that the other consumers of the topic skip it.
 */
public class DeadLetters {

    static final String REPLAYS = "dead_letter_replays";
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private final Map<String, Object> consumerConfig;
    private final KafkaOperations<String, byte[]> kafka;
    private final MongoTemplate mongo;
    private final KafkaListenerEndpointRegistry listeners;
    private final Clock clock;

    public DeadLetters(Map<String, Object> consumerConfig, KafkaOperations<String, byte[]> kafka, MongoTemplate mongo,
                       KafkaListenerEndpointRegistry listeners, Clock clock) {
        this.consumerConfig = consumerConfig;
        this.kafka = kafka;
        this.mongo = mongo;
        this.listeners = listeners;
        this.clock = clock;
    }

    /** The dead-letter topics of the topics this service consumes. */
    public List<String> topics() {
        TreeSet<String> topics = new TreeSet<>();
        listeners.getListenerContainers().forEach(container -> {
            String[] consumed = container.getContainerProperties().getTopics();
            if (consumed != null) {
                for (String topic : consumed) {
                    topics.add(Topics.deadLetterOf(topic));
                }
            }
        });
        return List.copyOf(topics);
    }

    /** Every record this service's consumers put on {@code topic}, oldest first. */
    public List<DeadLetter> list(String topic) {
        requireDeadLetterTopic(topic);
        Map<String, Document> replays = replays(topic);
        return read(topic).stream().map(record -> toDeadLetter(record, replays)).toList();
    }

    /** The consumer groups of this service's listeners. */
    Set<String> groups() {
        Set<String> groups = new HashSet<>();
        listeners.getListenerContainers().forEach(container -> {
            if (container.getGroupId() != null) {
                groups.add(container.getGroupId());
            }
        });
        return groups;
    }

    /** Sends one dead letter back to its original topic. */
    public Optional<DeadLetter> replay(String topic, int partition, long offset, String by) {
        requireDeadLetterTopic(topic);
        Optional<ConsumerRecord<String, byte[]>> found = read(topic).stream()
                .filter(r -> r.partition() == partition && r.offset() == offset).findFirst();
        found.ifPresent(record -> resend(record, by));
        return found.map(record -> toDeadLetter(record, replays(topic)));
    }

    /** Sends every dead letter of {@code topic} not replayed yet back to its original topic. */
    public int replayAll(String topic, String by) {
        requireDeadLetterTopic(topic);
        Map<String, Document> replays = replays(topic);
        int count = 0;
        for (ConsumerRecord<String, byte[]> record : read(topic)) {
            if (!replays.containsKey(DeadLetter.reference(record.topic(), record.partition(), record.offset()))) {
                resend(record, by);
                count++;
            }
        }
        return count;
    }

    private void resend(ConsumerRecord<String, byte[]> record, String by) {
        String reference = DeadLetter.reference(record.topic(), record.partition(), record.offset());
        String original = header(record.headers(), KafkaHeaders.DLT_ORIGINAL_TOPIC)
                .orElse(record.topic().substring(0, record.topic().length() - Topics.DEAD_LETTER_SUFFIX.length()));
        Headers headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith(DeadLetterHeaders.SPRING_PREFIX) && !header.key().startsWith("esac_")) {
                headers.add(header);
            }
        }
        headers.add(new RecordHeader(DeadLetterHeaders.REPLAYED_FROM, reference.getBytes(StandardCharsets.UTF_8)));
        header(record.headers(), KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP).ifPresent(group ->
                headers.add(new RecordHeader(DeadLetterHeaders.REPLAYED_FOR, group.getBytes(StandardCharsets.UTF_8))));
        try {
            kafka.send(new ProducerRecord<>(original, null, record.key(), record.value(), headers))
                    .get(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("Could not replay " + reference + ": " + e.getMessage(), e);
        }
        mongo.getCollection(REPLAYS).replaceOne(new Document("_id", reference),
                new Document("_id", reference).append("topic", record.topic())
                        .append("replayedAt", Date.from(clock.instant())).append("replayedBy", by),
                new com.mongodb.client.model.ReplaceOptions().upsert(true));
    }

    private List<ConsumerRecord<String, byte[]>> read(String topic) {
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (Consumer<String, byte[]> consumer = new DefaultKafkaConsumerFactory<>(config,
                new StringDeserializer(), new ByteArrayDeserializer()).createConsumer()) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, READ_TIMEOUT);
            if (partitions == null || partitions.isEmpty()) {
                return records;
            }
            List<TopicPartition> assigned = partitions.stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> end = consumer.endOffsets(assigned, READ_TIMEOUT);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (!reachedEnd(consumer, end) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        Set<String> groups = groups();
        // A record without the group header was not written by a listener's error handler: shown to every service.
        records.removeIf(r -> header(r.headers(), KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP)
                .map(group -> !groups.contains(group)).orElse(false));
        records.sort(Comparator.comparing((ConsumerRecord<String, byte[]> r) -> r.timestamp())
                .thenComparing(ConsumerRecord::partition).thenComparing(ConsumerRecord::offset));
        return records;
    }

    private static boolean reachedEnd(Consumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private Map<String, Document> replays(String topic) {
        Map<String, Document> replays = new HashMap<>();
        mongo.getCollection(REPLAYS).find(new Document("topic", topic))
                .forEach(d -> replays.put(d.getString("_id"), d));
        return replays;
    }

    private DeadLetter toDeadLetter(ConsumerRecord<String, byte[]> record, Map<String, Document> replays) {
        Document replay = replays.get(DeadLetter.reference(record.topic(), record.partition(), record.offset()));
        Headers headers = record.headers();
        return new DeadLetter(record.topic(), record.partition(), record.offset(), record.key(),
                Instant.ofEpochMilli(record.timestamp()),
                header(headers, KafkaHeaders.DLT_ORIGINAL_TOPIC).orElse(null),
                intHeader(headers, KafkaHeaders.DLT_ORIGINAL_PARTITION),
                longHeader(headers, KafkaHeaders.DLT_ORIGINAL_OFFSET),
                header(headers, "ce_type").orElse(null),
                header(headers, "ce_id").orElse(null),
                header(headers, DeadLetterHeaders.REASON)
                        .or(() -> header(headers, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).orElse(null),
                replay == null ? null : replay.getDate("replayedAt").toInstant(),
                replay == null ? null : replay.getString("replayedBy"));
    }

    private void requireDeadLetterTopic(String topic) {
        if (!topics().contains(topic)) {
            throw new UnknownDeadLetterTopicException(topic);
        }
    }

    private static Optional<String> header(Headers headers, String key) {
        Header header = headers.lastHeader(key);
        return header == null ? Optional.empty() : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    private static Integer intHeader(Headers headers, String key) {
        Header header = headers.lastHeader(key);
        return header == null || header.value().length != Integer.BYTES ? null : ByteBuffer.wrap(header.value()).getInt();
    }

    private static Long longHeader(Headers headers, String key) {
        Header header = headers.lastHeader(key);
        return header == null || header.value().length != Long.BYTES ? null : ByteBuffer.wrap(header.value()).getLong();
    }

    /** The topic named is not a dead-letter topic of this service. */
    public static class UnknownDeadLetterTopicException extends RuntimeException {
        public UnknownDeadLetterTopicException(String topic) {
            super("Not a dead-letter topic of this service: " + topic);
        }
    }
}
