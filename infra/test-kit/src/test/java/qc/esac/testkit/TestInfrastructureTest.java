package qc.esac.testkit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestInfrastructureTest {

    private final TestInfrastructure infrastructure = TestInfrastructure.get();

    @Test
    void storeIsReachableThroughTheOfficialDriver() {
        try (MongoClient client = MongoClients.create(infrastructure.mongoUri())) {
            var collection = client.getDatabase("testkit").getCollection("probe");
            collection.insertOne(new Document("_id", "a").append("n", 1));
            assertThat(collection.find(new Document("_id", "a")).first()).containsEntry("n", 1);
        }
    }

    @Test
    void brokerOutageMakesTheBrokerUnreachableUntilItEnds() throws Exception {
        String topic = "testkit-outage-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(topic, "k", "before")).get(30, TimeUnit.SECONDS);
            try (TestInfrastructure.BrokerOutage ignored = infrastructure.brokerOutage()) {
                assertThatThrownBy(() -> producer.send(new ProducerRecord<>(topic, "k", "during"))
                        .get(5, TimeUnit.SECONDS))
                        .isInstanceOfAny(ExecutionException.class, TimeoutException.class);
            }
            producer.send(new ProducerRecord<>(topic, "k", "after")).get(30, TimeUnit.SECONDS);
        }
        assertThat(consumeAll(topic)).contains("before", "after");
    }

    private KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 3_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000),
                new StringSerializer(), new StringSerializer());
    }

    private List<String> consumeAll(String topic) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "testkit-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (values.size() < 2 && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
