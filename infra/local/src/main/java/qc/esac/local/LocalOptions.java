package qc.esac.local;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * How the local stack starts: where its data lives and which ports it listens on.
 * A port of 0 means "any free port" (handy for tests and for running two stacks side by side).
 */
public record LocalOptions(Path dataDirectory, int kafkaPort, int controllerPort, int mongoPort, boolean reset,
        int brokers) {

    public static final Path DEFAULT_DATA_DIRECTORY = Path.of(".local-data");
    public static final int DEFAULT_KAFKA_PORT = 9092;
    public static final int DEFAULT_MONGO_PORT = 27017;
    /** Only the broker talks to its controller, so nobody needs to know this port in advance. */
    public static final int DEFAULT_CONTROLLER_PORT = 0;

    private static final Set<String> VALUED_OPTIONS =
            Set.of("--data-dir", "--kafka-port", "--mongo-port", "--controller-port", "--brokers");

    static final String USAGE = """
            Usage: java -jar local.jar [options]
              (starts the broker, the store, the identity provider, the four services and the gateway)
              --infra-only              start only the broker and the store
              --data-dir <path>         data directory (env ESAC_LOCAL_DATA_DIR, default .local-data)
              --kafka-port <port>       Kafka PLAINTEXT listener (env ESAC_KAFKA_PORT, default 9092)
              --mongo-port <port>       MongoDB wire protocol (env ESAC_MONGO_PORT, default 27017)
              --controller-port <port>  KRaft controller listener (env ESAC_KAFKA_CONTROLLER_PORT, default: any free port)
              --brokers <n>             Kafka nodes (env ESAC_KAFKA_BROKERS, default 1); 3 = replication as in
                                        production (3 replicas, 2 in sync); the others listen on any free port.
                                        Fixed for a data directory: change it with --reset
              --reset                   delete the data directory before starting
              --no-demo                 do not load the demo content (loaded once, on the first start, otherwise)
              --port-offset <n>         add n to every component's port (gateway 8080+n), to run beside another stack
              --identity local|keycloak the OIDC provider: infra/identity (default) or Keycloak (start.sh fetches it)
              --help                    print this help
            A port of 0 means any free port.""";

    public LocalOptions(Path dataDirectory, int kafkaPort, int controllerPort, int mongoPort, boolean reset) {
        this(dataDirectory, kafkaPort, controllerPort, mongoPort, reset, 1);
    }

    public LocalOptions {
        if (brokers < 1 || brokers > 9) {
            throw new IllegalArgumentException("brokers must be between 1 and 9, got: " + brokers);
        }
        if (dataDirectory == null) {
            throw new IllegalArgumentException("data directory is required");
        }
        dataDirectory = dataDirectory.toAbsolutePath().normalize();
        checkPort("kafka port", kafkaPort);
        checkPort("controller port", controllerPort);
        checkPort("mongo port", mongoPort);
    }

    /** Defaults only, ignoring the environment: what programmatic callers usually start from. */
    public static LocalOptions defaults() {
        return new LocalOptions(DEFAULT_DATA_DIRECTORY, DEFAULT_KAFKA_PORT, DEFAULT_CONTROLLER_PORT,
                DEFAULT_MONGO_PORT, false);
    }

    /** Command-line flags win over environment variables, which win over defaults. */
    public static LocalOptions fromCommandLine(String[] args, Map<String, String> environment) {
        Path dataDirectory = Path.of(environment.getOrDefault("ESAC_LOCAL_DATA_DIR", DEFAULT_DATA_DIRECTORY.toString()));
        int kafkaPort = port("ESAC_KAFKA_PORT", environment.get("ESAC_KAFKA_PORT"), DEFAULT_KAFKA_PORT);
        int mongoPort = port("ESAC_MONGO_PORT", environment.get("ESAC_MONGO_PORT"), DEFAULT_MONGO_PORT);
        int controllerPort = port("ESAC_KAFKA_CONTROLLER_PORT", environment.get("ESAC_KAFKA_CONTROLLER_PORT"),
                DEFAULT_CONTROLLER_PORT);
        int brokers = count("ESAC_KAFKA_BROKERS", environment.get("ESAC_KAFKA_BROKERS"));
        boolean reset = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--reset")) {
                reset = true;
                continue;
            }
            int equals = arg.indexOf('=');
            String name = equals >= 0 ? arg.substring(0, equals) : arg;
            if (!VALUED_OPTIONS.contains(name)) {
                throw new IllegalArgumentException("Unknown option: " + arg);
            }
            String value;
            if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("Missing value for " + name);
            }
            switch (name) {
                case "--data-dir" -> dataDirectory = Path.of(value);
                case "--kafka-port" -> kafkaPort = port(name, value, DEFAULT_KAFKA_PORT);
                case "--mongo-port" -> mongoPort = port(name, value, DEFAULT_MONGO_PORT);
                case "--brokers" -> brokers = count(name, value);
                default -> controllerPort = port(name, value, DEFAULT_CONTROLLER_PORT);
            }
        }
        return new LocalOptions(dataDirectory, kafkaPort, controllerPort, mongoPort, reset, brokers);
    }

    public LocalOptions withBrokers(int count) {
        return new LocalOptions(dataDirectory, kafkaPort, controllerPort, mongoPort, reset, count);
    }

    public LocalOptions withDataDirectory(Path directory) {
        return new LocalOptions(directory, kafkaPort, controllerPort, mongoPort, reset, brokers);
    }

    public LocalOptions withPorts(int kafka, int mongo) {
        return new LocalOptions(dataDirectory, kafka, controllerPort, mongo, reset, brokers);
    }

    public LocalOptions withReset(boolean resetFirst) {
        return new LocalOptions(dataDirectory, kafkaPort, controllerPort, mongoPort, resetFirst, brokers);
    }

    private static int port(String name, String value, int defaultPort) {
        if (value == null || value.isBlank()) {
            return defaultPort;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number, got: " + value);
        }
    }

    private static int count(String name, String value) {
        if (value == null || value.isBlank()) {
            return 1;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, got: " + value);
        }
    }

    private static void checkPort(String name, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(name + " must be between 0 and 65535, got: " + port);
        }
    }
}
