package qc.esac.local;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kafka as in production, on three real KRaft nodes in this JVM ({@code --brokers 3}): the declared topics
 * (topics.txt) get three replicas, two in sync, the declared retention; and a producer with acks=all keeps
 * writing while one node is down. One scenario: each cluster start costs seconds.
 */
class KafkaClusterTest {

    @TempDir
    Path dataDirectory;

    @Test
    void declaredTopicsAreReplicatedAndSurviveABrokerOutage() throws Exception {
        LocalOptions options = LocalOptions.defaults().withDataDirectory(dataDirectory).withPorts(0, 0).withBrokers(3);
        List<KafkaTopics.Topic> declared = KafkaTopics.declared();
        assertThat(declared).extracting(KafkaTopics.Topic::name)
                .contains("esac.membership.events.v1", "esac.membership.events.v1.DLT", "esac.training.events.v1",
                        "esac.insurance.events.v1", "esac.projects.events.v1");

        try (LocalInfrastructure infrastructure = new LocalInfrastructure(options)) {
            String bootstrap = infrastructure.start().kafkaBootstrapServers();
            assertThat(bootstrap.split(",")).hasSize(3);

            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                List<String> names = declared.stream().map(KafkaTopics.Topic::name).toList();
                Map<String, TopicDescription> topics = admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS);
                Map<ConfigResource, Config> configs = admin.describeConfigs(names.stream()
                        .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList())
                        .all().get(30, TimeUnit.SECONDS);
                for (KafkaTopics.Topic topic : declared) {
                    TopicDescription description = topics.get(topic.name());
                    assertThat(description.partitions()).as(topic.name()).hasSize(topic.partitions())
                            .allSatisfy(partition -> assertThat(partition.replicas()).hasSize(3));
                    Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()));
                    assertThat(config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value()).as(topic.name()).isEqualTo("2");
                    assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("delete");
                    String retention = config.get(TopicConfig.RETENTION_MS_CONFIG).value();
                    if (topic.name().endsWith(".DLT")) {
                        assertThat(Long.parseLong(retention)).as(topic.name()).isGreaterThanOrEqualTo(30L * 24 * 3600 * 1000);
                    } else {
                        assertThat(retention).as("events are replayable: kept forever").isEqualTo("-1");
                    }
                }
            }

            String topic = "esac.membership.events.v1";
            try (KafkaProducer<String, String> producer = producer(bootstrap)) {
                assertThat(send(producer, topic, "before", 20)).hasSize(20);
                infrastructure.stopBroker(2);
                // Two replicas of three are still in sync: acks=all writes go on (min.insync.replicas=2).
                assertThat(send(producer, topic, "during", 50)).hasSize(50)
                        .allSatisfy(written -> assertThat(written.hasOffset()).isTrue());

                // The node comes back as itself (same ports and logs) and the cluster takes writes as before.
                infrastructure.startBrokers(2);
                assertThat(send(producer, topic, "after", 20)).hasSize(20);
                // All three at once, started again together (the fault suite's last broker fault).
                java.util.concurrent.CompletableFuture.allOf(java.util.stream.IntStream.rangeClosed(1, 3)
                        .mapToObj(node -> java.util.concurrent.CompletableFuture.runAsync(
                                () -> infrastructure.stopBroker(node)))
                        .toArray(java.util.concurrent.CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
                infrastructure.startBrokers(1, 2, 3);
                assertThat(send(producer, topic, "restarted", 20)).hasSize(20);
            }
            // Nothing written before, during or after the outages is missing.
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                long total = admin.listOffsets(admin.describeTopics(List.of(topic)).allTopicNames()
                                .get(30, TimeUnit.SECONDS).get(topic).partitions().stream()
                                .collect(java.util.stream.Collectors.toMap(
                                        p -> new org.apache.kafka.common.TopicPartition(topic, p.partition()),
                                        p -> org.apache.kafka.clients.admin.OffsetSpec.latest())))
                        .all().get(30, TimeUnit.SECONDS).values().stream()
                        .mapToLong(org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
                assertThat(total).isEqualTo(20 + 50 + 20 + 20);
            }
        }
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    /** Sends and waits for every acknowledgement (a failed write throws). */
    private static List<RecordMetadata> send(KafkaProducer<String, String> producer, String topic, String prefix,
            int count) throws Exception {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sent.add(producer.send(new ProducerRecord<>(topic, "org-" + (i % 7), prefix + "-" + i)));
        }
        List<RecordMetadata> acknowledged = new ArrayList<>();
        for (Future<RecordMetadata> future : sent) {
            acknowledged.add(future.get(90, TimeUnit.SECONDS));
        }
        return acknowledged;
    }
}
