package qc.esac.local;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;

/**
 * The whole platform on one machine: the broker and the store (in this JVM), then the identity provider, the
 * four services and the gateway, each in its own JVM from its executable jar, as in production.
 *
 * <pre>{@code
 * try (LocalStack stack = new LocalStack(options, root)) {
 *     stack.start(Duration.ofMinutes(3));
 *     ...
 * }
 * }</pre>
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    public static final int GATEWAY_PORT = 8080;
    public static final int IDENTITY_PORT = 9000;
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

    /** The platform's processes and their configuration: the one place that says how they are wired. */
    public static final List<StackComponent> COMPONENTS = List.of(
            new StackComponent("identity", "infra/identity", "identity", IDENTITY_PORT, "/actuator/health/readiness",
                    addresses -> Map.of("ISSUER_URI", addresses.issuer())),
            service("membership-service", 8081),
            service("training-service", 8082),
            service("insurance-service", 8083),
            service("projects-service", 8084),
            new StackComponent("gateway", "gateway", "gateway", GATEWAY_PORT, "/actuator/health/readiness",
                    addresses -> Map.of(
                            "MEMBERSHIP_URI", "http://127.0.0.1:8081",
                            "TRAINING_URI", "http://127.0.0.1:8082",
                            "INSURANCE_URI", "http://127.0.0.1:8083",
                            "PROJECTS_URI", "http://127.0.0.1:8084",
                            "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", addresses.issuer())));

    private final LocalInfrastructure infrastructure;
    private final Path root;
    private final Path logDirectory;
    private final List<ManagedProcess> processes = new ArrayList<>();

    /** @param root the repository root (where the components' {@code target/} jars are) */
    public LocalStack(LocalOptions options, Path root) {
        this.infrastructure = new LocalInfrastructure(options);
        this.root = root.toAbsolutePath().normalize();
        this.logDirectory = options.dataDirectory().resolve("logs");
    }

    private static StackComponent service(String name, int port) {
        return new StackComponent(name, name, name, port, "/actuator/health/readiness", addresses -> Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", addresses.infrastructure().kafkaBootstrapServers(),
                "MONGODB_URI", addresses.infrastructure().mongoConnectionString(),
                "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", addresses.issuer()));
    }

    /** Starts everything and returns once every component reports ready; stops what started on failure. */
    public synchronized List<ManagedProcess> start(Duration timeout) {
        if (!processes.isEmpty()) {
            return List.copyOf(processes);
        }
        try {
            StackAddresses addresses = new StackAddresses(infrastructure.start(), "http://127.0.0.1:" + IDENTITY_PORT);
            for (StackComponent component : COMPONENTS) {
                Map<String, String> environment = new HashMap<>(component.environment().apply(addresses));
                environment.put("PORT", Integer.toString(component.port()));
                processes.add(ManagedProcess.start(component.name(), component.jar(root), component.port(),
                        StackComponent.JVM_OPTIONS, environment, logDirectory.resolve(component.name() + ".log")));
            }
            // They start in parallel; each is ready when its own checks pass (services: broker and store).
            CompletableFuture.allOf(COMPONENTS.stream()
                    .map(component -> CompletableFuture.runAsync(() -> processOf(component)
                            .awaitReady(component.readinessPath(), timeout)))
                    .toArray(CompletableFuture[]::new)).join();
            return List.copyOf(processes);
        } catch (CompletionException e) {
            close();
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private ManagedProcess processOf(StackComponent component) {
        return processes.stream().filter(p -> p.name().equals(component.name())).findFirst().orElseThrow();
    }

    /** Resident memory of the whole stack in KiB: this JVM (broker and store) plus every component. */
    public long residentKib() {
        long total = ProcessMemory.residentKib(ProcessHandle.current().pid());
        for (ManagedProcess process : processes) {
            total += Math.max(0, process.residentKib());
        }
        return total;
    }

    public Path logDirectory() {
        return logDirectory;
    }

    public LocalAddresses infrastructureAddresses() {
        return infrastructure.start();
    }

    /** Stops the gateway, then the services (in parallel), then the identity provider, the broker and the store. */
    @Override
    public synchronized void close() {
        stop("gateway");
        // Each service stops consuming, finishes what it handles and flushes its producer.
        CompletableFuture.allOf(processes.stream()
                .filter(process -> !process.name().equals("identity"))
                .map(process -> CompletableFuture.runAsync(process::close))
                .toArray(CompletableFuture[]::new)).join();
        stop("identity");
        processes.clear();
        infrastructure.close();
    }

    private void stop(String name) {
        processes.stream().filter(process -> process.name().equals(name)).forEach(ManagedProcess::close);
    }

    /**
     * {@code java -jar local.jar [options]}: starts the whole stack, or with {@code --infra-only} only the broker
     * and the store. Runs until Ctrl-C (or SIGTERM), then stops everything cleanly.
     */
    public static void main(String[] args) throws InterruptedException {
        List<String> arguments = new ArrayList<>(List.of(args));
        if (arguments.contains("--help") || arguments.contains("-h")) {
            System.out.println(LocalOptions.USAGE);
            return;
        }
        boolean infraOnly = arguments.remove("--infra-only");
        LocalOptions options;
        try {
            options = LocalOptions.fromCommandLine(arguments.toArray(String[]::new), System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(LocalOptions.USAGE);
            System.exit(2);
            return;
        }
        Path root = Path.of(System.getenv().getOrDefault("ESAC_ROOT", "."));
        LocalInfrastructure infrastructureAlone = new LocalInfrastructure(options);
        LocalStack stack = new LocalStack(options, root);
        CountDownLatch stopped = new CountDownLatch(1);
        // Registered before starting, so that Ctrl-C during startup also stops what already runs.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Stopping");
            if (infraOnly) {
                infrastructureAlone.close();
            } else {
                stack.close();
            }
            log.info("Stopped");
            stopped.countDown();
        }, "esac-local-shutdown"));
        try {
            if (infraOnly) {
                ReadyBanner.infrastructure(infrastructureAlone.start());
            } else {
                stack.start(STARTUP_TIMEOUT);
                ReadyBanner.stack(stack);
            }
        } catch (RuntimeException e) {
            log.error("The local stack failed to start: {}", e.getMessage());
            System.exit(1);
            return;
        }
        stopped.await();
    }
}
