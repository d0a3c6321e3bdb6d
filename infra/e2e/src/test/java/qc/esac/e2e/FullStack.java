package qc.esac.e2e;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import qc.esac.demo.ClientCredentials;
import qc.esac.kit.time.QuebecTime;
import qc.esac.local.KeycloakIdentity;
import qc.esac.local.LocalOptions;
import qc.esac.local.LocalStack;
import qc.esac.testkit.oidc.BrowserLogin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * The whole platform as a newcomer starts it (infra/local's stack: broker and store, identity provider, the
 * four services and the gateway, each component in its own JVM), started once per test JVM on ports that do
 * not collide with a developer's running stack. Tests talk to the gateway only, with tokens from the issuer.
 *
 * <p>Date-driven rules (memberships lapsing, insurance grace ending) run on this stack every second instead of
 * hourly, and its services' days can be moved forward together ({@link #advanceTo}): the services' clocks read
 * their offset from a file (service-kit's {@code ShiftedClock}). Time only moves forward, so a test that moves it
 * takes a stack of its own ({@link #ownedBy}) and runs after the others (junit-platform.properties orders the
 * classes).
 */
final class FullStack {

    private static final Path ROOT = Path.of(System.getProperty("esac.root", "../.."));
    private static final int PORT_OFFSET = 10_000;
    /** A stack of its own ({@link #ownedBy}) listens elsewhere: no waiting for the stopped one's ports. */
    private static final int OWN_PORT_OFFSET = 11_000;
    private static volatile FullStack instance;

    private final LocalStack stack;
    /** The test class that asked for a stack of its own, or null for the shared one. */
    private final Class<?> owner;
    private final Path clockOffsetFile;
    private long daysAhead;

    private FullStack(LocalStack stack, Class<?> owner, Path clockOffsetFile) {
        this.stack = stack;
        this.owner = owner;
        this.clockOffsetFile = clockOffsetFile;
    }

    static synchronized FullStack get() {
        return instance != null ? instance : start(null);
    }

    /**
     * A stack of its own for {@code owner}, started from empty stores: the one running (shared by the classes
     * before) is stopped first, then every call from {@code owner} gets the new one. For a test that must meet no
     * other test's data (the demo content uses the same fixed organizations) and moves the stack's days forward.
     * The suite's classes run one after the other, so nothing else is using the stopped stack.
     */
    static synchronized FullStack ownedBy(Class<?> owner) {
        return ownedBy(owner, null);
    }

    /**
     * A stack of its own for {@code owner} (see {@link #ownedBy(Class)}) whose OIDC provider is {@code keycloak}
     * instead of infra/identity; null: infra/identity.
     */
    static synchronized FullStack ownedBy(Class<?> owner, KeycloakIdentity keycloak) {
        if (instance != null && instance.owner == owner) {
            return instance;
        }
        if (instance != null) {
            instance.stack.close();
            instance = null;
        }
        return start(owner, keycloak);
    }

    private static FullStack start(Class<?> owner) {
        return start(owner, null);
    }

    private static FullStack start(Class<?> owner, KeycloakIdentity keycloak) {
        try {
            Path data = Files.createTempDirectory("esac-e2e-stack");
            Path clockOffset = data.resolve("clock-offset");
            LocalStack stack = new LocalStack(LocalOptions.defaults().withDataDirectory(data).withPorts(0, 0),
                    ROOT, owner == null ? PORT_OFFSET : OWN_PORT_OFFSET, Map.of(
                            "ESAC_CLOCK_OFFSET_FILE", clockOffset.toString(),
                            "ESAC_MEMBERSHIP_STATUS_JOB_INITIAL_DELAY", "PT2S",
                            "ESAC_MEMBERSHIP_STATUS_JOB_INTERVAL", "PT1S",
                            "ESAC_INSURANCE_LIFECYCLE_INITIAL_DELAY", "PT2S",
                            "ESAC_INSURANCE_LIFECYCLE_INTERVAL", "PT1S",
                            "ESAC_OUTBOX_RELAY_INTERVAL", "200ms"), keycloak);
            // Closed when the test run ends (StackCleanup); the hook is for a run stopped before JUnit ends it.
            StackCleanup.closeAtEnd(stack);
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
            stack.start(Duration.ofMinutes(4));
            instance = new FullStack(stack, owner, clockOffset);
            return instance;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An address at the gateway, e.g. {@code gateway("/api/membership/organizations")}. */
    URI gateway(String path) {
        return stack.process("gateway").uri(path);
    }

    /** An address of one component of the stack (by its name in LocalStack.COMPONENTS), bypassing the gateway. */
    URI component(String name, String path) {
        return stack.process(name).uri(path);
    }

    /** The OIDC issuer the stack trusts (infra/identity, or Keycloak's realm). */
    String issuer() {
        return stack.issuer();
    }

    /** An access token from the identity provider for a confidential client (client-credentials grant). */
    String clientToken(String clientId, String secret) {
        if (stack.keycloak()) {
            return KeycloakIdentity.clientToken(stack.issuer(), clientId, secret);
        }
        return new ClientCredentials(stack.process("identity").uri("/"), clientId, secret).get();
    }

    /** A person's access token: the authorization-code flow with PKCE of the web client, through the login form. */
    String personToken(String username) {
        return new BrowserLogin(URI.create(stack.issuer())).login(username, "esac-demo").accessToken();
    }

    /** The services' today (Quebec calendar), moved forward by {@link #advanceTo} if it was. */
    synchronized LocalDate today() {
        return LocalDate.ofInstant(Instant.now().plus(daysAhead, ChronoUnit.DAYS), QuebecTime.ZONE);
    }

    /**
     * Moves every service's clock forward so that their today is {@code date} (or later, if it already is):
     * the scheduled rules then see the days as passed. Services pick the new offset up within a fraction of a
     * second; tests wait for its effects, through the API.
     */
    synchronized void advanceTo(LocalDate date) {
        long days = ChronoUnit.DAYS.between(today(), date);
        if (days <= 0) {
            return;
        }
        daysAhead += days;
        try {
            Path written = Files.writeString(clockOffsetFile.resolveSibling("clock-offset.tmp"), "P" + daysAhead + "D");
            // Written whole, then renamed: a service never reads half an offset.
            Files.move(written, clockOffsetFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits until consumer group {@code group} has committed everything published so far on {@code topic}: the
     * service is done with those events (a bounded wait; fails after {@code timeout}).
     */
    void awaitCaughtUp(String group, String topic, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.infrastructureAddresses().kafkaBootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> partitions = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(10, TimeUnit.SECONDS).get(topic).partitions().stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
            Map<TopicPartition, Long> ends = admin.listOffsets(partitions).all().get(10, TimeUnit.SECONDS).entrySet()
                    .stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
            while (true) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                boolean caughtUp = ends.entrySet().stream().allMatch(end -> end.getValue() == 0
                        || (committed.get(end.getKey()) != null
                        && committed.get(end.getKey()).offset() >= end.getValue()));
                if (caughtUp) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(group + " did not catch up with " + topic + " within " + timeout
                            + ": ends " + ends + ", committed " + committed);
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not read the offsets of " + group, e);
        }
    }

    /** The demo loader: staff of every network (infra/identity's DemoDirectory). */
    String staffToken() {
        return clientToken("esac-chargement-demo", "chargement-demo-secret");
    }

    /** The demo partner: read scopes only. */
    String partnerToken() {
        return clientToken("partenaire-demo", "partenaire-demo-secret");
    }
}
