package qc.esac.local;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/**
 * The platform's local infrastructure in one JVM: a Kafka KRaft broker and a MongoDB-protocol store,
 * both keeping their data under one directory so a restart finds topics, records and documents again.
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
    private KafkaBroker kafka;
    private LocalAddresses addresses;

    public LocalInfrastructure(LocalOptions options) {
        this.options = options;
    }

    /** Starts both servers (once) and returns their addresses when they accept clients. */
    public synchronized LocalAddresses start() {
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
            kafka = KafkaBroker.start(data.kafkaLogDirectory(),
                    FreePort.orAny(options.kafkaPort()), FreePort.orAny(options.controllerPort()));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        addresses = new LocalAddresses(kafka.bootstrapServers(), mongo.connectionString(), data.root());
        return addresses;
    }

    /** Stops both servers; safe to call more than once. The stack can be started again afterwards. */
    @Override
    public synchronized void close() {
        try {
            if (kafka != null) {
                kafka.close();
            }
        } finally {
            kafka = null;
            addresses = null;
            if (mongo != null) {
                mongo.close();
                mongo = null;
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            System.out.println(LocalOptions.USAGE);
            return;
        }
        LocalOptions options;
        try {
            options = LocalOptions.fromCommandLine(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(LocalOptions.USAGE);
            System.exit(2);
            return;
        }
        LocalInfrastructure infrastructure = new LocalInfrastructure(options);
        CountDownLatch stopped = new CountDownLatch(1);
        // Registered before start so that Ctrl-C during startup also stops what was already started.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Stopping local infrastructure");
            infrastructure.close();
            log.info("Stopped");
            stopped.countDown();
        }, "esac-local-shutdown"));
        LocalAddresses addresses;
        try {
            addresses = infrastructure.start();
        } catch (RuntimeException e) {
            log.error("Local infrastructure failed to start", e);
            System.exit(1);
            return;
        }
        printReady(addresses);
        stopped.await();
    }

    private static void printReady(LocalAddresses addresses) {
        // JVM uptime, so the figure includes class loading and everything before main.
        double seconds = ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
        System.out.println("Kafka bootstrap servers: " + addresses.kafkaBootstrapServers());
        System.out.println("MongoDB connection string: " + addresses.mongoConnectionString());
        System.out.println("Data directory: " + addresses.dataDirectory());
        System.out.printf("ESAC local infrastructure ready in %.1f s (Ctrl-C to stop)%n", seconds);
    }
}
