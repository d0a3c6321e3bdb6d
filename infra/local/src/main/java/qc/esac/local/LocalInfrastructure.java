package qc.esac.local;

import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The platform's local infrastructure in one JVM: a Kafka KRaft broker (or a cluster of them, {@code --brokers 3})
 * with the platform's declared topics ({@link KafkaTopics}) and a MongoDB-protocol store, all keeping their data
 * under one directory so a restart finds topics, records and documents again.
 *
 * <pre>{@code
 * try (LocalInfrastructure infra = new LocalInfrastructure(LocalOptions.defaults())) {
 *     LocalAddresses addresses = infra.start();
 *     ...
 * }
 * }</pre>
 */
public final class LocalInfrastructure implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalInfrastructure.class);

    private final LocalOptions options;
    private MongoStore mongo;
    private final List<KafkaBroker> kafka = new ArrayList<>();
    private LocalAddresses addresses;
    /** How each node of a cluster was started, so that a stopped node can start again as itself. */
    private final List<java.util.function.Supplier<KafkaBroker>> nodeStarters = new ArrayList<>();

    public LocalInfrastructure(LocalOptions options) {
        this.options = options;
    }

    /** Starts both servers (once) and returns their addresses when they accept clients. */
    public synchronized LocalAddresses start() {
        return start(null);
    }

    /**
     * As {@link #start()}, the broker also listening for partners (single node only: a cluster keeps its internal
     * listeners alone); {@code partners} null for none.
     */
    public synchronized LocalAddresses start(PartnerListener partners) {
        if (addresses != null) {
            return addresses;
        }
        DataDirectory data = new DataDirectory(options.dataDirectory());
        if (options.reset()) {
            log.info("Deleting {} (--reset)", data.root());
            data.delete();
        }
        data.prepare();
        try {
            // The store first: it binds in milliseconds, so a taken port fails before Kafka's slower start.
            mongo = MongoStore.start(data.mongoStoreFile(), options.mongoPort());
            startKafka(data, options.brokers() == 1 ? partners : null);
            KafkaTopics.apply(bootstrapServers(), options.brokers());
            if (partners != null && options.brokers() == 1) {
                PartnerAcls.apply(bootstrapServers(), partners.partners());
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        addresses = new LocalAddresses(bootstrapServers(), mongo.connectionString(), data.root());
        return addresses;
    }

    /**
     * One node, or a cluster whose nodes start together (a node is up only once a quorum of controllers is):
     * node 1 on the configured ports, the others on any free ports.
     */
    private void startKafka(DataDirectory data, PartnerListener partners) {
        int brokers = checkBrokerCount(data);
        if (brokers == 1) {
            int controllerPort = FreePort.orAny(options.controllerPort());
            kafka.add(KafkaBroker.start(data.kafkaLogDirectory(), KafkaBrokerConfig.NODE_ID,
                    FreePort.orAny(options.kafkaPort()), controllerPort,
                    KafkaBrokerConfig.NODE_ID + "@" + KafkaBrokerConfig.HOST + ":" + controllerPort, 1,
                    Uuid.randomUuid().toString(), partners));
            return;
        }
        int[] ports = new int[brokers + 1];
        int[] controllerPorts = new int[brokers + 1];
        int[] free = FreePort.distinct(2 * brokers);
        for (int node = 1; node <= brokers; node++) {
            ports[node] = node == 1 && options.kafkaPort() != 0 ? options.kafkaPort() : free[2 * node - 2];
            controllerPorts[node] = node == 1 && options.controllerPort() != 0 ? options.controllerPort()
                    : free[2 * node - 1];
        }
        String voters = IntStream.rangeClosed(1, brokers)
                .mapToObj(node -> node + "@" + KafkaBrokerConfig.HOST + ":" + controllerPorts[node])
                .collect(Collectors.joining(","));
        String clusterId = Uuid.randomUuid().toString();
        nodeStarters.clear();
        IntStream.rangeClosed(1, brokers).forEach(node -> nodeStarters.add(() -> KafkaBroker.start(
                data.kafkaLogDirectory(node), node, ports[node], controllerPorts[node], voters, brokers, clusterId)));
        List<CompletableFuture<KafkaBroker>> starting = nodeStarters.stream()
                .map(CompletableFuture::supplyAsync)
                .toList();
        RuntimeException failure = null;
        for (CompletableFuture<KafkaBroker> node : starting) {
            try {
                kafka.add(node.join());
            } catch (CompletionException e) {
                failure = e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** A data directory keeps the cluster it was formatted for: its node count is written beside the logs. */
    private int checkBrokerCount(DataDirectory data) {
        Path file = data.root().resolve("kafka-brokers");
        try {
            boolean formatted = Files.exists(data.kafkaLogDirectory().resolve("meta.properties"));
            int recorded = Files.exists(file) ? Integer.parseInt(Files.readString(file).strip()) : formatted ? 1 : 0;
            if (recorded != 0 && recorded != options.brokers()) {
                throw new IllegalStateException("The data directory " + data.root() + " holds a Kafka cluster of "
                        + recorded + " node(s), not " + options.brokers() + ": start with --brokers " + recorded
                        + ", or add --reset to start afresh");
            }
            Files.writeString(file, options.brokers() + "\n");
            return options.brokers();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String bootstrapServers() {
        return kafka.stream().map(KafkaBroker::bootstrapServers).collect(Collectors.joining(","));
    }

    /**
     * Stops node {@code nodeId} (1-based) of the cluster, as a broker failure would (tests). Outside this object's
     * lock: nodes stopped at the same time must really stop together (a node stopping after the others lost the
     * controller quorum waits for it), and a node starting again must not wait for another's stop.
     */
    public void stopBroker(int nodeId) {
        KafkaBroker node;
        synchronized (this) {
            node = kafka.get(nodeId - 1);
        }
        node.close();
    }

    /**
     * Starts stopped nodes of a cluster again on their ports and log directories, together (a node is up only
     * once a quorum of controllers is: after the whole cluster stopped, they must start at the same time).
     */
    public void startBrokers(int... nodeIds) {
        List<CompletableFuture<KafkaBroker>> starting;
        synchronized (this) {
            if (nodeStarters.isEmpty()) {
                throw new IllegalStateException("Only the nodes of a started cluster (--brokers 3) can start again");
            }
            starting = java.util.Arrays.stream(nodeIds)
                    .mapToObj(node -> CompletableFuture.supplyAsync(nodeStarters.get(node - 1))).toList();
        }
        for (int i = 0; i < nodeIds.length; i++) {
            KafkaBroker started = starting.get(i).join();
            synchronized (this) {
                kafka.set(nodeIds[i] - 1, started);
            }
        }
    }

    /** Stops both servers; safe to call more than once. The stack can be started again afterwards. */
    @Override
    public synchronized void close() {
        try {
            // Each node once: a node a test already stopped is not stopped again.
            kafka.parallelStream().forEach(KafkaBroker::close);
        } finally {
            kafka.clear();
            addresses = null;
            if (mongo != null) {
                mongo.close();
                mongo = null;
            }
        }
    }
}
