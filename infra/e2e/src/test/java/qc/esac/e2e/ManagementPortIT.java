package qc.esac.e2e;

import org.junit.jupiter.api.Test;
import qc.esac.local.FreePort;
import qc.esac.local.LocalStack;
import qc.esac.local.ManagedProcess;
import qc.esac.local.StackComponent;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway as Kubernetes runs it (MANAGEMENT_SERVER_PORT, infra/k8s/service-base): its API port, the one the
 * Ingress routes to, no longer serves /actuator/prometheus; the management port, open to Prometheus only, does,
 * with the probes. Started from its executable jar, alone (the issuer is only needed once a token arrives).
 */
class ManagementPortIT {

    private static final Path ROOT = Path.of(System.getProperty("esac.root", "../.."));
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void metricsAreServedOnTheManagementPortOnly() throws Exception {
        StackComponent gateway = LocalStack.COMPONENTS.stream().filter(c -> c.name().equals("gateway")).findFirst()
                .orElseThrow();
        int port = FreePort.any();
        int management = FreePort.any();
        try (ManagedProcess process = ManagedProcess.start("gateway", gateway.jar(ROOT), management,
                List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"), Map.of(
                        "PORT", Integer.toString(port),
                        "MANAGEMENT_SERVER_PORT", Integer.toString(management),
                        "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", "http://127.0.0.1:1/realms/esac"),
                ROOT.resolve("infra/e2e/target/service-logs/gateway-management-port.log"))) {
            process.awaitReady("/actuator/health/readiness", Duration.ofSeconds(120));

            HttpResponse<String> metrics = get(management, "/actuator/prometheus");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("jvm_memory_used_bytes");

            HttpResponse<String> throughTheIngressPort = get(port, "/actuator/prometheus");
            assertThat(throughTheIngressPort.statusCode()).isNotEqualTo(200);
            assertThat(throughTheIngressPort.body()).doesNotContain("jvm_memory_used_bytes");
        }
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
