package qc.esac.e2e;

import qc.esac.testkit.ServiceProcess;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The services of the end-to-end suite, started once for the test JVM from their executable jars. */
final class Platform {

    private static final Path ROOT = Path.of(System.getProperty("esac.root", "../.."));
    private static final String VERSION = System.getProperty("esac.version", "0.1.0-SNAPSHOT");
    private static volatile Platform instance;

    final ServiceProcess membership;
    final ServiceProcess training;

    private Platform(ServiceProcess membership, ServiceProcess training) {
        this.membership = membership;
        this.training = training;
    }

    static synchronized Platform get() {
        if (instance == null) {
            ServiceProcess membership = start("membership-service");
            ServiceProcess training = start("training-service");
            CompletableFuture.allOf(
                    CompletableFuture.runAsync(() -> membership.awaitReady(Duration.ofSeconds(120))),
                    CompletableFuture.runAsync(() -> training.awaitReady(Duration.ofSeconds(120)))).join();
            instance = new Platform(membership, training);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                membership.close();
                training.close();
            }));
        }
        return instance;
    }

    private static ServiceProcess start(String service) {
        Path jar = ROOT.resolve(service).resolve("target").resolve(service + "-" + VERSION + ".jar");
        return ServiceProcess.start(service, jar, ROOT.resolve("infra/e2e/target/service-logs"), Map.of());
    }
}
