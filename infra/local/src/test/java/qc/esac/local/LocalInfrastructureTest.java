package qc.esac.local;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end on real servers: what one start writes, the next start reads, and --reset wipes.
 * One scenario rather than separate tests, because each broker start costs seconds.
 */
class LocalInfrastructureTest {

    private static final String TOPIC = "esac.local.check.v1";
    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);
    private static final String GROUP = "esac-local-check";
    private static final String EVENT = "{\"type\":\"membership-activated\"}";
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    Path dataDirectory;

    @Test
    void keepsRecordsAndDocumentsAcrossRestartAndResetWipesThem() throws Exception {
        LocalOptions options = LocalOptions.defaults().withDataDirectory(dataDirectory).withPorts(0, 0);

        try (LocalInfrastructure infrastructure = new LocalInfrastructure(options)) {
            LocalAddresses addresses = infrastructure.start();
            assertThat(addresses.dataDirectory()).isEqualTo(dataDirectory.toAbsolutePath().normalize());
            assertThat(addresses.mongoConnectionString()).startsWith("mongodb://127.0.0.1:");

            produce(addresses, "org-1", EVENT);
            assertThat(consumeAsGroupAndCommit(addresses)).containsExactly(EVENT);

            withOrganizations(addresses, organizations ->
                    organizations.insertOne(new Document("_id", "org-1").append("name", "Coopérative du Quartier")));
            assertThat(findOrganization(addresses)).isNotNull();
        }

        try (LocalInfrastructure infrastructure = new LocalInfrastructure(options)) {
            LocalAddresses addresses = infrastructure.start();

            assertThat(readFromBeginning(addresses)).containsExactly(EVENT);
            assertThat(committedOffset(addresses)).isEqualTo(1);
            assertThat(findOrganization(addresses)).containsEntry("name", "Coopérative du Quartier");
        }

        try (LocalInfrastructure infrastructure = new LocalInfrastructure(options.withReset(true))) {
            LocalAddresses addresses = infrastructure.start();

            assertThat(topicNames(addresses)).doesNotContain(TOPIC);
            assertThat(findOrganization(addresses)).isNull();
        }
    }

    private static void produce(LocalAddresses addresses, String key, String value) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, addresses.kafkaBootstrapServers(),
                // What the platform's outbox relay uses: the broker must accept it with one replica.
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) TIMEOUT.toMillis());
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, key, value)).get();
        }
    }

    /** Through a consumer group, so the offsets topic (one replica) must work too. */
    private static List<String> consumeAsGroupAndCommit(LocalAddresses addresses) {
        try (var consumer = consumer(addresses, GROUP)) {
            consumer.subscribe(Set.of(TOPIC));
            List<String> values = pollUntilOneRecord(consumer);
            consumer.commitSync();
            return values;
        }
    }

    private static List<String> readFromBeginning(LocalAddresses addresses) {
        try (var consumer = consumer(addresses, null)) {
            consumer.assign(Set.of(PARTITION));
            consumer.seekToBeginning(Set.of(PARTITION));
            return pollUntilOneRecord(consumer);
        }
    }

    private static List<String> pollUntilOneRecord(KafkaConsumer<String, String> consumer) {
        List<String> values = new ArrayList<>();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (values.isEmpty() && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                values.add(record.value());
            }
        }
        return values;
    }

    private static KafkaConsumer<String, String> consumer(LocalAddresses addresses, String group) {
        Map<String, Object> config = new java.util.HashMap<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, addresses.kafkaBootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        if (group != null) {
            config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    private static long committedOffset(LocalAddresses addresses) throws Exception {
        try (Admin admin = admin(addresses)) {
            Map<TopicPartition, OffsetAndMetadata> offsets =
                    admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
            return offsets.get(PARTITION).offset();
        }
    }

    private static Set<String> topicNames(LocalAddresses addresses) throws Exception {
        try (Admin admin = admin(addresses)) {
            return admin.listTopics().names().get();
        }
    }

    private static Admin admin(LocalAddresses addresses) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, addresses.kafkaBootstrapServers()));
    }

    private static Document findOrganization(LocalAddresses addresses) {
        Document[] found = new Document[1];
        withOrganizations(addresses, organizations -> found[0] = organizations.find(eq("_id", "org-1")).first());
        return found[0];
    }

    private static void withOrganizations(LocalAddresses addresses, Consumer<MongoCollection<Document>> action) {
        try (MongoClient client = MongoClients.create(addresses.mongoConnectionString())) {
            action.accept(client.getDatabase("esac_local_check").getCollection("organizations"));
        }
    }
}
