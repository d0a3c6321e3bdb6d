package qc.esac.local;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real Kafka broker in this JVM, started the way {@code kafka-server-start.sh} does in KRaft mode:
 * format the storage once, then run a {@link KafkaRaftServer} with both roles.
 */
final class KafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private boolean closed;

    private KafkaBroker(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /** Returns once the broker is registered, unfenced and accepting client requests. */
    static KafkaBroker start(Path logDirectory, int port, int controllerPort) {
        return start(logDirectory, KafkaBrokerConfig.NODE_ID, port, controllerPort,
                KafkaBrokerConfig.NODE_ID + "@" + KafkaBrokerConfig.HOST + ":" + controllerPort, 1,
                Uuid.randomUuid().toString());
    }

    /**
     * One node of a cluster ({@code voters} names them all). Returns once it is registered and unfenced, which
     * needs a quorum of controllers: start the nodes of a cluster together, not one after the other.
     */
    static KafkaBroker start(Path logDirectory, int nodeId, int port, int controllerPort, String voters, int brokers,
            String clusterId) {
        return start(logDirectory, nodeId, port, controllerPort, voters, brokers, clusterId, null);
    }

    /** A single node with the partners' listener too (see {@link PartnerListener}); its ACLs applied. */
    static KafkaBroker start(Path logDirectory, int port, int controllerPort, PartnerListener partners) {
        KafkaBroker broker = start(logDirectory, KafkaBrokerConfig.NODE_ID, port, controllerPort,
                KafkaBrokerConfig.NODE_ID + "@" + KafkaBrokerConfig.HOST + ":" + controllerPort, 1,
                Uuid.randomUuid().toString(), partners);
        try {
            KafkaTopics.apply(broker.bootstrapServers(), 1);
            PartnerAcls.apply(broker.bootstrapServers(), partners.partners());
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    static KafkaBroker start(Path logDirectory, int nodeId, int port, int controllerPort, String voters, int brokers,
            String clusterId, PartnerListener partners) {
        if (partners != null) {
            allowUrl(partners.jwksUrl());
        }
        KafkaConfig config = new KafkaConfig(KafkaBrokerConfig.properties(logDirectory, nodeId, port, controllerPort,
                voters, brokers, partners));
        formatIfNew(logDirectory, nodeId, clusterId);
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            server.startup();
        } catch (RuntimeException e) {
            server.shutdown(); // release ports and the log directory lock before reporting
            throw new IllegalStateException("Kafka broker failed to start on " + KafkaBrokerConfig.HOST + ":" + port, e);
        }
        return new KafkaBroker(server, KafkaBrokerConfig.HOST + ":" + port);
    }

    /**
     * Kafka only fetches OAuth URLs listed in this system property (empty by default since 4.0: none), a guard
     * against a configuration that makes the broker call anywhere. The broker runs in this JVM, so it is set here.
     */
    private static synchronized void allowUrl(String url) {
        String property = "org.apache.kafka.sasl.oauthbearer.allowed.urls";
        String allowed = System.getProperty(property, "");
        if (!java.util.Arrays.asList(allowed.split(",")).contains(url)) {
            System.setProperty(property, allowed.isEmpty() ? url : allowed + "," + url);
        }
    }

    /**
     * Formatting writes a new cluster id; doing it again would orphan the existing metadata log,
     * so an already formatted directory (it has meta.properties) is used as it is.
     */
    private static void formatIfNew(Path logDirectory, int nodeId, String clusterId) {
        if (Files.exists(logDirectory.resolve(MetaPropertiesEnsemble.META_PROPERTIES_NAME))) {
            return;
        }
        log.info("Formatting Kafka storage in {} (cluster id {})", logDirectory, clusterId);
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(nodeId)
                    .setClusterId(clusterId)
                    .setControllerListenerName(KafkaBrokerConfig.CONTROLLER_LISTENER)
                    .addDirectory(logDirectory.toString())
                    .setMetadataLogDirectory(logDirectory.toString())
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format Kafka storage in " + logDirectory, e);
        }
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    /** Controlled shutdown: leadership is handed over and logs are flushed before the process goes. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.shutdown();
        server.awaitShutdown();
    }
}
