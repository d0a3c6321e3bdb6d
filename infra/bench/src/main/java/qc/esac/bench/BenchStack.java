package qc.esac.bench;

import qc.esac.demo.ClientCredentials;
import qc.esac.local.LocalOptions;
import qc.esac.local.LocalStack;
import qc.esac.local.ManagedProcess;
import qc.esac.local.StackComponent;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The whole platform for a benchmark: infra/local's {@link LocalStack} (broker and store in this JVM, the
 * identity provider, the four services and the gateway each in its own JVM), started from empty stores on
 * ports moved by an offset, with the gateway's rate limits raised so that they are not what is measured.
 */
final class BenchStack implements AutoCloseable {

    /** Every per-caller quota of the gateway, high enough never to answer 429 here (production: 20/s). */
    private static final String UNLIMITED = "1000000";

    private final LocalStack stack;
    private final Path data;
    private final boolean ownData;
    /** The demo loader's client (staff of every network), renewed before its token expires. */
    private final ClientCredentials token;

    private BenchStack(LocalStack stack, Path data, boolean ownData, ClientCredentials token) {
        this.stack = stack;
        this.data = data;
        this.ownData = ownData;
        this.token = token;
    }

    /**
     * @param dataDirectory where the broker and the store keep their files; null: a new temporary directory,
     *                      deleted on close
     */
    static BenchStack start(Path root, int portOffset, Path dataDirectory, Map<String, String> environment)
            throws IOException {
        for (StackComponent component : LocalStack.COMPONENTS) {
            requireFree(component.port() + portOffset, component.name());
        }
        boolean own = dataDirectory == null;
        Path data = own ? Files.createTempDirectory("esac-bench") : dataDirectory;
        Map<String, String> env = new HashMap<>();
        for (String group : new String[]{"MEMBERSHIP", "TRAINING", "INSURANCE", "PROJECTS"}) {
            env.put("ESAC_GATEWAY_RATELIMIT_GROUPS_" + group + "_REPLENISHRATE", UNLIMITED);
            env.put("ESAC_GATEWAY_RATELIMIT_GROUPS_" + group + "_BURSTCAPACITY", UNLIMITED);
        }
        env.put("ESAC_GATEWAY_RATELIMIT_FALLBACK_REPLENISHRATE", UNLIMITED);
        env.put("ESAC_GATEWAY_RATELIMIT_FALLBACK_BURSTCAPACITY", UNLIMITED);
        // One token for the whole run, however long (the issuer's default is 15 minutes).
        env.put("ESAC_IDENTITY_ACCESS_TOKEN_LIFETIME", "12h");
        env.putAll(environment);
        LocalStack stack = new LocalStack(LocalOptions.defaults().withDataDirectory(data).withPorts(0, 0), root,
                portOffset, env);
        try {
            // Seven JVMs starting at once on two cores: on a machine shared with other builds a service has taken
            // more than five minutes.
            stack.start(Duration.ofMinutes(10));
            ClientCredentials staff = ClientCredentials.demoLoader(stack.process("identity").uri("/"));
            staff.get(); // the first token now: a stack that cannot issue one fails here, not mid-run
            return new BenchStack(stack, data, own, staff);
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private static void requireFree(int port, String component) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " (" + component + ") is in use: another stack runs "
                    + "there; choose another --port-offset");
        }
    }


    String staffToken() {
        return token.get();
    }

    /** A component's base address, e.g. {@code base("gateway")}. */
    URI base(String component) {
        return stack.process(component).uri("/");
    }

    String kafka() {
        return stack.infrastructureAddresses().kafkaBootstrapServers();
    }

    String mongo() {
        return stack.infrastructureAddresses().mongoConnectionString();
    }

    /** Resident memory in MiB: the whole stack, then each process (this JVM holds the broker and the store). */
    Map<String, Long> residentMib() {
        Map<String, Long> memory = new LinkedHashMap<>();
        memory.put("total", stack.residentKib() / 1024);
        memory.put("broker+store+bench", qc.esac.local.ProcessMemory.residentKib(ProcessHandle.current().pid()) / 1024);
        for (StackComponent component : LocalStack.COMPONENTS) {
            ManagedProcess process = stack.process(component.name());
            memory.put(component.name(), process.residentKib() / 1024);
        }
        return memory;
    }

    /**
     * CPU time (user and system) each process has used since it started, in nanoseconds: this JVM (the broker, the
     * store and the load generator) first, then each component; -1 where it cannot be read.
     */
    Map<String, Long> cpuNanos() {
        Map<String, Long> cpu = new LinkedHashMap<>();
        cpu.put("broker+store+bench", cpuNanos(ProcessHandle.current()));
        for (StackComponent component : LocalStack.COMPONENTS) {
            cpu.put(component.name(), ProcessHandle.of(stack.process(component.name()).pid())
                    .map(BenchStack::cpuNanos).orElse(-1L));
        }
        return cpu;
    }

    private static long cpuNanos(ProcessHandle process) {
        return process.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(-1L);
    }

    Path logs() {
        return stack.logDirectory();
    }

    @Override
    public void close() {
        stack.close();
        if (ownData) {
            // The broker's and the store's files go; the components' logs stay for a look afterwards.
            for (String files : new String[]{"kafka", "mongo"}) {
                try (Stream<Path> paths = Files.walk(data.resolve(files))) {
                    paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                } catch (IOException e) {
                    System.err.println("Could not delete " + data.resolve(files) + ": " + e.getMessage());
                }
            }
        }
    }
}
