package qc.esac.fault;

import org.apache.kafka.common.Uuid;
import qc.esac.local.KafkaNode;
import qc.esac.local.ManagedProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The suite's 3-node Kafka cluster (three replicas, {@code min.insync.replicas} 2, as infra/local configures a
 * cluster), each node in a JVM of its own (infra/local's {@link KafkaNode}, run from this suite's jar) so that a
 * broker failure is a real SIGKILL: no controlled shutdown, no flush, its logs recovered at the next start.
 */
final class BrokerCluster implements AutoCloseable {

    static final int NODES = 3;
    private static final Duration READY = Duration.ofMinutes(4);

    private final Path jar;
    private final Path logs;
    private final List<List<String>> arguments = new ArrayList<>();
    private final ManagedProcess[] nodes = new ManagedProcess[NODES + 1];
    private final int[] ports = new int[NODES + 1];

    private BrokerCluster(Path jar, Path data, Path logs) {
        this.jar = jar;
        this.logs = logs;
        String clusterId = Uuid.randomUuid().toString();
        int[] controllerPorts = new int[NODES + 1];
        for (int node = 1; node <= NODES; node++) {
            ports[node] = freePort();
            controllerPorts[node] = freePort();
        }
        String voters = IntStream.rangeClosed(1, NODES).mapToObj(node -> node + "@127.0.0.1:" + controllerPorts[node])
                .collect(Collectors.joining(","));
        arguments.add(List.of());
        for (int node = 1; node <= NODES; node++) {
            arguments.add(List.of(data.resolve("kafka-" + node).toString(), Integer.toString(node),
                    Integer.toString(ports[node]), Integer.toString(controllerPorts[node]), voters,
                    Integer.toString(NODES), clusterId));
        }
    }

    /** The cluster's nodes, not started yet: {@link #start(int...)} them all (then {@link #close} in the end). */
    static BrokerCluster of(Path jar, Path data, Path logs) {
        return new BrokerCluster(jar, data, logs);
    }

    /** Starts nodes (killed before, or never started) on their ports and logs, together, and waits for them. */
    void start(int... nodeIds) {
        List<CompletableFuture<Void>> starting = new ArrayList<>();
        for (int node : nodeIds) {
            // A thread each: a node is ready only once a quorum is, so they must start at the same time.
            starting.add(CompletableFuture.runAsync(() -> startNode(node),
                    task -> new Thread(task, "start-kafka-" + node).start()));
        }
        starting.forEach(CompletableFuture::join);
    }

    private void startNode(int node) {
        Path log = logs.resolve("kafka-" + node + ".log");
        long readyBefore = readyLines(log);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xms128m", "-Xmx384m",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", jar.toString(),
                "-Dloader.main=" + KafkaNode.class.getName(),
                "org.springframework.boot.loader.launch.PropertiesLauncher"));
        command.addAll(arguments.get(node));
        ManagedProcess process = ManagedProcess.startCommand("kafka-" + node, command, ports[node], Map.of(), log);
        synchronized (this) {
            nodes[node] = process;
        }
        long deadline = System.nanoTime() + READY.toNanos();
        while (readyLines(log) <= readyBefore) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka node " + node + " ended while starting; see " + log);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Kafka node " + node + " not ready within " + READY + "; see " + log);
            }
            sleep(200);
        }
    }

    /** SIGKILL: the node's JVM ends at once, and this waits until it is gone. */
    void kill(int node) {
        ManagedProcess process;
        synchronized (this) {
            process = nodes[node];
        }
        process.kill();
    }

    String bootstrapServers() {
        return IntStream.rangeClosed(1, NODES).mapToObj(node -> "127.0.0.1:" + ports[node])
                .collect(Collectors.joining(","));
    }

    @Override
    public synchronized void close() {
        for (ManagedProcess node : nodes) {
            if (node != null) {
                node.close();
            }
        }
    }

    private static long readyLines(Path log) {
        try {
            if (!Files.exists(log)) {
                return 0;
            }
            try (var lines = Files.lines(log, java.nio.charset.StandardCharsets.ISO_8859_1)) {
                return lines.filter(line -> line.startsWith(KafkaNode.READY)).count();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
