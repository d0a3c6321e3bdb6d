package qc.esac.local;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The platform's topics as declared in {@code infra/k8s/kafka-topics/topics.txt} (packaged in this jar as
 * {@value #RESOURCE}), the file compose and Kubernetes apply with create-topics.sh: created if missing, their
 * configs set if they exist. On fewer brokers than a topic asks for, the replication factor (and
 * min.insync.replicas with it) is lowered to what the cluster can hold; everything else is as declared.
 */
public final class KafkaTopics {

    public static final String RESOURCE = "/kafka-topics/topics.txt";
    private static final Logger log = LoggerFactory.getLogger(KafkaTopics.class);

    /** One line of the file. */
    public record Topic(String name, int partitions, short replicationFactor, Map<String, String> configs) {
    }

    private KafkaTopics() {
    }

    /** The declared topics, in file order. */
    public static List<Topic> declared() {
        try (InputStream in = KafkaTopics.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Topic> parse(String text) {
        List<Topic> topics = new ArrayList<>();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] fields = trimmed.split("\\s+");
            if (fields.length != 4) {
                throw new IllegalArgumentException("Expected: name partitions replication configs, got: " + line);
            }
            Map<String, String> configs = new LinkedHashMap<>();
            for (String config : fields[3].split(",")) {
                String[] pair = config.split("=", 2);
                configs.put(pair[0], pair[1]);
            }
            topics.add(new Topic(fields[0], Integer.parseInt(fields[1]), Short.parseShort(fields[2]), configs));
        }
        return topics;
    }

    /** Creates the missing topics and sets the configs of all of them, on a cluster of {@code brokers} nodes. */
    public static void apply(String bootstrapServers, int brokers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            Map<ConfigResource, Collection<AlterConfigOp>> alterations = new LinkedHashMap<>();
            for (Topic topic : declared()) {
                Map<String, String> configs = fitted(topic, brokers);
                if (!existing.contains(topic.name())) {
                    missing.add(new NewTopic(topic.name(), topic.partitions(),
                            (short) Math.min(topic.replicationFactor(), brokers)).configs(configs));
                } else {
                    alterations.put(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()), configs.entrySet()
                            .stream().map(c -> new AlterConfigOp(new ConfigEntry(c.getKey(), c.getValue()),
                                    AlterConfigOp.OpType.SET)).toList());
                }
            }
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            admin.incrementalAlterConfigs(alterations).all().get(30, TimeUnit.SECONDS);
            log.info("Kafka topics: {} created, {} brought to their declared configs", missing.size(), alterations.size());
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot apply the declared Kafka topics", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> fitted(Topic topic, int brokers) {
        Map<String, String> configs = new LinkedHashMap<>(topic.configs());
        int replicas = Math.min(topic.replicationFactor(), brokers);
        configs.computeIfPresent(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
                (key, value) -> String.valueOf(Math.min(Integer.parseInt(value), Math.max(1, replicas - 1))));
        return configs;
    }
}
