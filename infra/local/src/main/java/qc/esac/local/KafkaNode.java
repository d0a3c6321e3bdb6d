package qc.esac.local;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * One node of a Kafka cluster in a JVM of its own, so that it can be killed (SIGKILL, no controlled shutdown):
 * the fault suite (infra/fault) runs its 3-node cluster this way. Prints {@link #READY} once the node is
 * registered and unfenced, then runs until the process ends.
 * Arguments: log directory, node id, port, controller port, voters ({@code id@host:port,...}), node count,
 * cluster id.
 */
public final class KafkaNode {

    public static final String READY = "Kafka node ready on";

    private KafkaNode() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 7) {
            throw new IllegalArgumentException(
                    "Usage: KafkaNode <log directory> <node id> <port> <controller port> <voters> <nodes> <cluster id>");
        }
        KafkaBroker broker = KafkaBroker.start(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                Integer.parseInt(args[3]), args[4], Integer.parseInt(args[5]), args[6]);
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-node-stop"));
        System.out.println(READY + " " + broker.bootstrapServers());
        new CountDownLatch(1).await();
    }
}
