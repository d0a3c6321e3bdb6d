package qc.esac.testkit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads what is published to a topic from the moment the probe is opened, for assertions on events:
 * "this event came out, once, with these headers".
 */
public final class TopicProbe implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
    private final Map<ConsumerRecord<String, byte[]>, Long> readAt = new IdentityHashMap<>();

    private TopicProbe(KafkaConsumer<String, byte[]> consumer) {
        this.consumer = consumer;
    }

    /** Opens a probe positioned at the current end of {@code topic} (created if it does not exist yet). */
    public static TopicProbe from(String topic) {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = TestTopics.ensure(topic).stream()
                .map(p -> new TopicPartition(topic, p)).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // fixes the starting point now, not at the first poll
        return new TopicProbe(consumer);
    }

    /** Waits until {@code count} records match, and returns the matching ones (at least {@code count}). */
    public List<ConsumerRecord<String, byte[]>> await(Predicate<ConsumerRecord<String, byte[]>> matching, int count,
                                                      Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (matches(matching).size() < count && System.nanoTime() < deadline) {
            poll();
        }
        List<ConsumerRecord<String, byte[]>> found = matches(matching);
        if (found.size() < count) {
            throw new AssertionError("Expected " + count + " matching records within " + timeout + ", saw "
                    + found.size() + " (of " + seen.size() + " records)");
        }
        return found;
    }

    /** Keeps reading for {@code period} and returns every record matching, however many (possibly none). */
    public List<ConsumerRecord<String, byte[]>> collect(Predicate<ConsumerRecord<String, byte[]>> matching,
                                                        Duration period) {
        long deadline = System.nanoTime() + period.toNanos();
        while (System.nanoTime() < deadline) {
            poll();
        }
        return matches(matching);
    }

    private void poll() {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            seen.add(record);
            readAt.put(record, System.nanoTime());
        }
    }

    /** When this probe read {@code record}, on the {@link System#nanoTime()} clock. */
    public long readAtNanos(ConsumerRecord<String, byte[]> record) {
        return readAt.get(record);
    }

    private List<ConsumerRecord<String, byte[]>> matches(Predicate<ConsumerRecord<String, byte[]>> matching) {
        return seen.stream().filter(matching).toList();
    }

    /** A predicate on the CloudEvents {@code subject} header. */
    public static Predicate<ConsumerRecord<String, byte[]>> subject(String subject) {
        return record -> subject.equals(header(record, "ce_subject"));
    }

    public static String header(ConsumerRecord<?, ?> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
