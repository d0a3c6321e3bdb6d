package qc.esac.bench;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Consumers that read a topic from its current end, without a group (nothing committed, nothing shared). */
final class Topics {

    /** The membership service's topic (infra/event-contracts' {@code Topics.MEMBERSHIP}). */
    static final String MEMBERSHIP = "esac.membership.events.v1";
    /** Where Kafka keeps the consumer groups' committed offsets. */
    static final String CONSUMER_OFFSETS = "__consumer_offsets";

    private Topics() {
    }

    static KafkaConsumer<byte[], byte[]> fromEnd(String bootstrapServers, String topic) {
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.EXCLUDE_INTERNAL_TOPICS_CONFIG, false,
                ConsumerConfig.CLIENT_ID_CONFIG, "esac-bench-" + topic),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = partitions(consumer, topic);
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // the starting point is now, not the first poll
        return consumer;
    }

    /** The topic's partitions; asking creates it if the broker creates topics on demand (the local one does). */
    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            List<PartitionInfo> found = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (found != null && !found.isEmpty()) {
                return found.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Topic " + topic + " has no partitions");
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
