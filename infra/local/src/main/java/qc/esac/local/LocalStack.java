package qc.esac.local;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;

/**
 * The whole platform on one machine: the broker and the store (in this JVM), then the identity provider, the
 * four services and the gateway, each in its own JVM from its executable jar, as in production.
 *
 * <pre>{@code
 * try (LocalStack stack = new LocalStack(options, root, 0)) {
 *     stack.start(Duration.ofMinutes(3));
 *     ...
 * }
 * }</pre>
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

    /** The platform's processes and their configuration: the one place that says how they are wired. */
    public static final List<StackComponent> COMPONENTS = List.of(
            new StackComponent("identity", "infra/identity", "identity", 9000, "/actuator/health/readiness",
                    addresses -> Map.of("ESAC_IDENTITY_ISSUER", addresses.issuer(),
                            // A kept signing key: tokens stay valid across restarts of the stack.
                            "ESAC_IDENTITY_KEY_FILE",
                            addresses.infrastructure().dataDirectory().resolve("identity/signing-key.pem").toString(),
                            // The web portal signs in at the gateway (qc.esac.gateway.portal), wherever it listens.
                            "ESAC_IDENTITY_PORTAL_REDIRECT_URIS", addresses.url("gateway") + "/login/oauth2/code/esac",
                            "ESAC_IDENTITY_PORTAL_POST_LOGOUT_REDIRECT_URIS", addresses.url("gateway") + "/")),
            service("membership-service", 8081),
            service("training-service", 8082),
            service("insurance-service", 8083),
            service("projects-service", 8084),
            new StackComponent("gateway", "gateway", "gateway", 8080, "/actuator/health/readiness",
                    addresses -> Map.of(
                            "MEMBERSHIP_URI", addresses.url("membership-service"),
                            "TRAINING_URI", addresses.url("training-service"),
                            "INSURANCE_URI", addresses.url("insurance-service"),
                            "PROJECTS_URI", addresses.url("projects-service"),
                            "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", addresses.issuer(),
                            "ESAC_DOCS_OPENID_CONNECT_URL", addresses.issuer() + "/.well-known/openid-configuration",
                            // Events name their schema at the gateway, which serves it (/schemas/...).
                            "ESAC_EVENTS_SCHEMA_BASE_URL", addresses.url("gateway"))));

    private final LocalOptions options;
    private final LocalInfrastructure infrastructure;
    private final Path root;
    private final int portOffset;
    private final Path logDirectory;
    private final Map<String, String> extraEnvironment;
    /** Keycloak in place of infra/identity; null for infra/identity (the default). */
    private final KeycloakIdentity keycloak;
    private final List<ManagedProcess> processes = new ArrayList<>();
    /** What the components are told of the broker and the store (the fault suite puts a proxy in between). */
    private java.util.function.UnaryOperator<LocalAddresses> infrastructureSeen = java.util.function.UnaryOperator.identity();
    private StackAddresses addresses;

    /**
     * @param root       the repository root (where the components' {@code target/} jars are)
     * @param portOffset added to every component's port (0: gateway on 8080), so that a second stack (the
     *                   end-to-end suite's) can run beside a developer's
     */
    public LocalStack(LocalOptions options, Path root, int portOffset) {
        this(options, root, portOffset, Map.of());
    }

    /**
     * @param extraEnvironment added to every component's environment (a test stack's job intervals or clock,
     *                         for instance); the wiring of the components wins over it
     */
    public LocalStack(LocalOptions options, Path root, int portOffset, Map<String, String> extraEnvironment) {
        this(options, root, portOffset, extraEnvironment, null);
    }

    /**
     * @param keycloak Keycloak as the OIDC provider (on the identity component's port, named "identity" too),
     *                 or null for infra/identity
     */
    public LocalStack(LocalOptions options, Path root, int portOffset, Map<String, String> extraEnvironment,
                      KeycloakIdentity keycloak) {
        this.keycloak = keycloak;
        this.extraEnvironment = Map.copyOf(extraEnvironment);
        this.options = options;
        this.infrastructure = new LocalInfrastructure(options);
        this.root = root.toAbsolutePath().normalize();
        this.portOffset = portOffset;
        this.logDirectory = options.dataDirectory().resolve("logs");
    }

    private static StackComponent service(String name, int port) {
        return new StackComponent(name, name, name, port, "/actuator/health/readiness", addresses -> Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", addresses.infrastructure().kafkaBootstrapServers(),
                "MONGODB_URI", addresses.infrastructure().mongoConnectionString(),
                "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", addresses.issuer(),
                "ESAC_EVENTS_SCHEMA_BASE_URL", addresses.url("gateway")));
    }

    /**
     * Partners read events on their own listener (default port 9094 + the offset) with the issuer's tokens: infra/identity's
     * JWK set, or Keycloak's realm certificates.
     */
    private PartnerListener partnerListener(Map<String, String> urls) {
        int port = FreePort.orAny(PartnerListener.DEFAULT_PORT + portOffset);
        if (keycloak == null) {
            return PartnerListener.forIssuer(port, urls.get("identity"));
        }
        String issuer = urls.get(StackAddresses.ISSUER);
        return new PartnerListener(port, issuer, issuer + "/protocol/openid-connect/certs",
                PartnerListener.PLATFORM_AUDIENCE, List.of(PartnerListener.DEMO_PARTNER));
    }

    /** Starts everything and returns once every component reports ready; stops what started on failure. */
    public synchronized List<ManagedProcess> start(Duration timeout) {
        if (!processes.isEmpty()) {
            return List.copyOf(processes);
        }
        // Before anything starts: a taken port found later would leave half a stack to stop, and a component on a
        // taken port fails with a bind error deep in its own log.
        requirePortsFree();
        try {
            Map<String, String> urls = new HashMap<>();
            COMPONENTS.forEach(component -> urls.put(component.name(), "http://127.0.0.1:" + port(component)));
            if (keycloak != null) {
                urls.put(StackAddresses.ISSUER, KeycloakIdentity.issuer(urls.get("identity")));
            }
            StackAddresses addresses = new StackAddresses(
                    infrastructureSeen.apply(infrastructure.start(partnerListener(urls))), urls);
            this.addresses = addresses;
            for (StackComponent component : COMPONENTS) {
                if (keycloak != null && component.name().equals("identity")) {
                    processes.add(keycloak.start(root, component.jar(root), port(component),
                            addresses.url("gateway"), logDirectory.resolve("keycloak.log")));
                    continue;
                }
                Map<String, String> environment = new HashMap<>(extraEnvironment);
                environment.putAll(component.environment().apply(addresses));
                environment.put("PORT", Integer.toString(port(component)));
                processes.add(ManagedProcess.start(component.name(), component.jar(root), port(component),
                        StackComponent.jvmOptions(component.name(), Objects.requireNonNullElse(
                                environment.remove(StackComponent.EXTRA_JVM_OPTIONS),
                                Objects.requireNonNullElse(System.getenv(StackComponent.EXTRA_JVM_OPTIONS), ""))), environment, logDirectory.resolve(component.name() + ".log")));
            }
            // They start in parallel; each is ready when its own checks pass (services: broker and store).
            CompletableFuture.allOf(COMPONENTS.stream()
                    .map(component -> CompletableFuture.runAsync(() -> process(component.name())
                            .awaitReady(readinessPath(component), readinessTimeout(component, timeout))))
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

    /**
     * Every port the stack listens on that is known up front (each component's, and the broker's and the store's
     * when they are not "any free port") must be free.
     *
     * @throws IllegalStateException naming the first taken port and what needed it
     */
    void requirePortsFree() {
        Map<Integer, String> wanted = new java.util.LinkedHashMap<>();
        if (options.kafkaPort() != 0) {
            wanted.put(options.kafkaPort(), "Kafka");
        }
        if (options.controllerPort() != 0) {
            wanted.put(options.controllerPort(), "the Kafka controller");
        }
        if (options.mongoPort() != 0) {
            wanted.put(options.mongoPort(), "the store");
        }
        COMPONENTS.forEach(component -> wanted.put(port(component), component.name()));
        wanted.forEach((port, what) -> {
            if (!FreePort.isFree(port)) {
                throw new IllegalStateException("Port " + port + " (" + what + ") is already in use: another stack "
                        + "or program listens there. Stop it, or move this stack with --port-offset (and "
                        + "--kafka-port/--mongo-port); nothing was started");
            }
        });
    }

    /**
     * Changes what the components are told of the broker and the store before {@link #start}: the fault suite
     * (infra/fault) gives them a proxy in front of the store, which it can make stall.
     */
    public LocalStack infrastructureAsSeenByComponents(java.util.function.UnaryOperator<LocalAddresses> mapping) {
        this.infrastructureSeen = mapping;
        return this;
    }

    /** The infrastructure itself (its brokers can be stopped and started again: the fault suite). */
    public LocalInfrastructure infrastructure() {
        return infrastructure;
    }

    /** Kills a component at once (SIGKILL: no shutdown hook, no graceful stop) and waits until it is gone. */
    public synchronized void kill(String name) {
        process(name).kill();
    }

    /**
     * Starts a component again (after {@link #kill} or a crash) with its usual configuration plus
     * {@code extraEnvironment}, and waits until it is ready.
     */
    public ManagedProcess restart(String name, Map<String, String> extraEnvironment, Duration timeout) {
        ManagedProcess started;
        StackComponent component = COMPONENTS.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No component " + name));
        synchronized (this) {
            ManagedProcess old = process(name);
            old.close();
            Map<String, String> environment = new HashMap<>(this.extraEnvironment);
            environment.putAll(extraEnvironment);
            environment.putAll(component.environment().apply(addresses));
            environment.put("PORT", Integer.toString(port(component)));
            started = ManagedProcess.start(component.name(), component.jar(root), port(component),
                    StackComponent.jvmOptions(component.name(), null), environment,
                    logDirectory.resolve(component.name() + ".log"));
            processes.set(processes.indexOf(old), started);
        }
        return started.awaitReady(component.readinessPath(), timeout);
    }

    /** Keycloak's first start on a fresh distribution prepares its build first (minutes on a busy machine). */
    private Duration readinessTimeout(StackComponent component, Duration timeout) {
        boolean keycloakStarting = keycloak != null && component.name().equals("identity");
        return keycloakStarting && timeout.compareTo(KeycloakIdentity.FIRST_START) < 0 ? KeycloakIdentity.FIRST_START
                : timeout;
    }

    private String readinessPath(StackComponent component) {
        return keycloak != null && component.name().equals("identity") ? KeycloakIdentity.READINESS_PATH
                : component.readinessPath();
    }

    /** The OIDC issuer the gateway and the services trust: infra/identity's address, or Keycloak's realm. */
    public String issuer() {
        String base = process("identity").uri("/").toString().replaceAll("/$", "");
        return keycloak != null ? KeycloakIdentity.issuer(base) : base;
    }

    /** Whether Keycloak stands in for infra/identity. */
    public boolean keycloak() {
        return keycloak != null;
    }

    private int port(StackComponent component) {
        return component.port() + portOffset;
    }

    /** The running process of a component, by name. */
    public ManagedProcess process(String name) {
        return processes.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException(name + " is not running"));
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
        boolean demo = !arguments.remove("--no-demo");
        KeycloakIdentity keycloak = null;
        int portOffset = 0;
        LocalOptions options;
        try {
            int offsetAt = arguments.indexOf("--port-offset");
            if (offsetAt >= 0 && offsetAt + 1 < arguments.size()) {
                // A second stack beside a running one: every component's port moves by this much.
                String offset = arguments.remove(offsetAt + 1);
                arguments.remove(offsetAt);
                try {
                    portOffset = Integer.parseInt(offset.trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--port-offset must be a number, got: " + offset);
                }
            }
            int identityAt = arguments.indexOf("--identity");
            if (identityAt >= 0 && identityAt + 1 < arguments.size()) {
                // Which OIDC provider: infra/identity (default) or Keycloak (ESAC_KEYCLOAK_HOME, set by start.sh).
                String identity = arguments.remove(identityAt + 1);
                arguments.remove(identityAt);
                switch (identity) {
                    case "keycloak" -> keycloak = KeycloakIdentity.fromEnvironment(System.getenv());
                    case "local" -> keycloak = null;
                    default -> throw new IllegalArgumentException("--identity must be local or keycloak, got: " + identity);
                }
            }
            options = LocalOptions.fromCommandLine(arguments.toArray(String[]::new), System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(LocalOptions.USAGE);
            System.exit(2);
            return;
        }
        Path root = Path.of(System.getenv().getOrDefault("ESAC_ROOT", "."));
        LocalInfrastructure infrastructureAlone = new LocalInfrastructure(options);
        LocalStack stack = new LocalStack(options, root, portOffset, Map.of(), keycloak);
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
                if (demo) {
                    DemoContentOnce.load(stack, options.dataDirectory());
                }
            }
        } catch (RuntimeException e) {
            log.error("The local stack failed to start: {}", e.getMessage());
            System.exit(1);
            return;
        }
        stopped.await();
    }
}
