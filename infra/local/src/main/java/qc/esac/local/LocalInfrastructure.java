package qc.esac.local;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
}
