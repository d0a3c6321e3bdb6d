package qc.esac.e2e;

import qc.esac.local.FreePort;
import qc.esac.local.LocalStack;
import qc.esac.local.ManagedProcess;
import qc.esac.local.StackComponent;
import qc.esac.testkit.TestInfrastructure;
import qc.esac.testkit.jwt.TestTokens;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The services of the end-to-end suite, started once for the test JVM from their executable jars, in their own
 * JVMs, on the test JVM's broker and store and accepting the test-kit's tokens.
 */
final class Platform {

    private static final Path ROOT = Path.of(System.getProperty("esac.root", "../.."));
    private static final Path LOGS = ROOT.resolve("infra/e2e/target/service-logs");
    private static volatile Platform instance;

    final ManagedProcess membership;
    final ManagedProcess training;

    private Platform(ManagedProcess membership, ManagedProcess training) {
        this.membership = membership;
        this.training = training;
    }

    static synchronized Platform get() {
        if (instance == null) {
            ManagedProcess membership = start("membership-service");
            ManagedProcess training = start("training-service");
            AutoCloseable both = () -> List.of(membership, training).parallelStream().forEach(ManagedProcess::close);
            // Closed when the test run ends (StackCleanup); the hook is for a run stopped before JUnit ends it.
            StackCleanup.closeAtEnd(both);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    both.close();
                } catch (Exception ignored) {
                    // the JVM is exiting
                }
            }));
            CompletableFuture.allOf(
                    CompletableFuture.runAsync(() -> membership.awaitReady("/actuator/health/readiness",
                            Duration.ofSeconds(120))),
                    CompletableFuture.runAsync(() -> training.awaitReady("/actuator/health/readiness",
                            Duration.ofSeconds(120)))).join();
            instance = new Platform(membership, training);
        }
        return instance;
    }

    private static ManagedProcess start(String name) {
        StackComponent component = LocalStack.COMPONENTS.stream()
                .filter(c -> c.name().equals(name)).findFirst().orElseThrow();
        TestInfrastructure infrastructure = TestInfrastructure.get();
        int port = FreePort.any();
        Map<String, String> environment = Map.of(
                "PORT", Integer.toString(port),
                "KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers(),
                "MONGODB_URI", infrastructure.mongoUri(),
                "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_PUBLIC_KEY_LOCATION", "file:" + testPublicKey(),
                "ESAC_OUTBOX_RELAY_INTERVAL", "200ms");
        return ManagedProcess.start(name, component.jar(ROOT), port, List.of("-Xmx384m", "-XX:TieredStopAtLevel=1"),
                environment, LOGS.resolve(name + ".log"));
    }

    private static Path testPublicKey() {
        try (InputStream key = Platform.class.getResourceAsStream(
                "/" + TestTokens.PUBLIC_KEY_LOCATION.substring("classpath:".length()))) {
            Path file = Files.createTempFile("esac-test-jwt", ".pem");
            Files.copy(key, file, StandardCopyOption.REPLACE_EXISTING);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
