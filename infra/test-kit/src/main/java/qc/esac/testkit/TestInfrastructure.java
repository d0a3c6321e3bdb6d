package qc.esac.testkit;

import de.bwaldvogel.mongo.MongoServer;
import qc.esac.store.StandInStores;
import org.apache.kafka.common.network.ListenerName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.utility.DockerImageName;

import java.net.InetSocketAddress;
import java.util.Locale;

/**
 * One Kafka broker and one MongoDB store for the whole test JVM, started on first use and stopped when the
 * JVM exits. On a machine with Docker they are real containers (Testcontainers); without Docker, a real
 * Kafka KRaft broker in this JVM and mongo-java-server (MongoDB wire protocol, in memory), both reached
 * through the official clients. The system property {@code esac.test.infrastructure} forces the choice:
 * {@code containers}, {@code embedded} or {@code auto} (the default).
 *
 * <p>Clients always reach the broker through a {@link TcpProxy}, which lets a test take the broker away and
 * bring it back ({@link #brokerOutage()}) without losing what it holds.
 */
public final class TestInfrastructure {

    public static final String MODE_PROPERTY = "esac.test.infrastructure";
    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);
    private static volatile TestInfrastructure instance;

    private final Mode mode;
    private final TcpProxy kafkaProxy;
    private final String mongoUri;
    private final AutoCloseable resources;

    public enum Mode { CONTAINERS, EMBEDDED }

    private TestInfrastructure(Mode mode, TcpProxy kafkaProxy, String mongoUri, AutoCloseable resources) {
        this.mode = mode;
        this.kafkaProxy = kafkaProxy;
        this.mongoUri = mongoUri;
        this.resources = resources;
    }

    /** The shared infrastructure, started on the first call. */
    public static TestInfrastructure get() {
        TestInfrastructure current = instance;
        if (current == null) {
            synchronized (TestInfrastructure.class) {
                current = instance;
                if (current == null) {
                    current = start(chooseMode());
                    instance = current;
                    TestInfrastructure started = current;
                    Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "test-infrastructure-stop"));
                }
            }
        }
        return current;
    }

    public Mode mode() {
        return mode;
    }

    /** Bootstrap address for Kafka clients (the proxy in front of the broker). */
    public String kafkaBootstrapServers() {
        return "127.0.0.1:" + kafkaProxy.port();
    }

    public String mongoUri() {
        return mongoUri;
    }

    /**
     * Makes the broker unreachable for every client until the returned handle is closed. Nothing the broker
     * holds is lost: it comes back as it was, as after a network partition or a broker restart.
     */
    public BrokerOutage brokerOutage() {
        kafkaProxy.cut();
        return kafkaProxy::restore;
    }

    /** Closing the outage brings the broker back. */
    @FunctionalInterface
    public interface BrokerOutage extends AutoCloseable {
        @Override
        void close();
    }

    static Mode chooseMode() {
        String forced = System.getProperty(MODE_PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
        Mode mode = switch (forced) {
            case "containers" -> Mode.CONTAINERS;
            case "embedded" -> Mode.EMBEDDED;
            case "auto" -> DockerClientFactory.instance().isDockerAvailable() ? Mode.CONTAINERS : Mode.EMBEDDED;
            default -> throw new IllegalArgumentException(
                    MODE_PROPERTY + " must be containers, embedded or auto, not " + forced);
        };
        log.info("Test infrastructure: {} (set -D{}=containers|embedded|auto to choose)", mode, MODE_PROPERTY);
        return mode;
    }

    private static TestInfrastructure start(Mode mode) {
        TcpProxy proxy = TcpProxy.open();
        return mode == Mode.CONTAINERS ? startContainers(proxy) : startEmbedded(proxy);
    }

    private static TestInfrastructure startEmbedded(TcpProxy proxy) {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.brokerProperty("advertised.listeners", "EXTERNAL://127.0.0.1:" + proxy.port());
        broker.brokerProperty("auto.create.topics.enable", "true");
        // Offset commits written at once, as by the local stack's and compose's brokers (the kit's README): tests
        // that wait for a listener's commit do not wait up to 5 ms more for each.
        broker.brokerProperty("group.coordinator.append.linger.ms", "0");
        broker.afterPropertiesSet();
        int brokerPort = broker.getCluster().brokers().values().iterator().next()
                .socketServer().boundPort(ListenerName.normalised("EXTERNAL"));
        proxy.forwardTo(brokerPort);
        MongoServer mongo = new MongoServer(StandInStores.inMemory());
        mongo.bind("127.0.0.1", 0);
        InetSocketAddress address = mongo.getLocalAddress();
        String uri = "mongodb://127.0.0.1:" + address.getPort();
        log.info("Embedded Kafka broker on {} (proxy {}), mongo-java-server on {}", brokerPort, proxy.port(), uri);
        return new TestInfrastructure(Mode.EMBEDDED, proxy, uri, () -> {
            broker.destroy();
            mongo.shutdownNow();
        });
    }

    private static TestInfrastructure startContainers(TcpProxy proxy) {
        // A plain apache/kafka container whose broker advertises the proxy's address: every client
        // connection then goes through the proxy, which forwards to the container's mapped port.
        GenericContainer<?> kafka = new GenericContainer<>(DockerImageName.parse("apache/kafka:4.1.1"))
                .withExposedPorts(9092)
                .withEnv("KAFKA_NODE_ID", "1")
                .withEnv("KAFKA_PROCESS_ROLES", "broker,controller")
                .withEnv("KAFKA_LISTENERS", "PLAINTEXT://0.0.0.0:9092,CONTROLLER://0.0.0.0:9093")
                .withEnv("KAFKA_ADVERTISED_LISTENERS", "PLAINTEXT://127.0.0.1:" + proxy.port())
                .withEnv("KAFKA_CONTROLLER_LISTENER_NAMES", "CONTROLLER")
                .withEnv("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT")
                .withEnv("KAFKA_CONTROLLER_QUORUM_VOTERS", "1@localhost:9093")
                .withEnv("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1")
                .withEnv("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
                .withEnv("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1")
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
                .withEnv("KAFKA_NUM_PARTITIONS", "3")
                .waitingFor(Wait.forLogMessage(".*Kafka Server started.*", 1));
        kafka.start();
        proxy.forwardTo(kafka.getMappedPort(9092));
        MongoDBContainer mongo = new MongoDBContainer(DockerImageName.parse("mongo:8.0"));
        mongo.start();
        log.info("Kafka container (proxy {}), MongoDB container {}", proxy.port(), mongo.getConnectionString());
        return new TestInfrastructure(Mode.CONTAINERS, proxy, mongo.getConnectionString(), () -> {
            kafka.stop();
            mongo.stop();
        });
    }

    private void stop() {
        try {
            kafkaProxy.close();
            resources.close();
        } catch (Exception e) {
            log.warn("Test infrastructure did not stop cleanly", e);
        }
    }
}
