package qc.esac.e2e;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The healthchecks of compose.yaml, taken from the file and run as Docker runs a CMD-SHELL test in the image
 * ({@code /bin/sh -c}, and /bin/sh is dash on the Debian/Ubuntu-based JRE image), against the real components
 * of the end-to-end stack: healthy when the component is ready, unhealthy when nothing answers. Only the port
 * differs (the stack's components do not all listen on 8080).
 */
class ComposeHealthcheckIT {

    private static final Path ROOT = Path.of(System.getProperty("esac.root", "../.."));
    private static final List<String> COMPONENTS = List.of("membership-service", "training-service",
            "insurance-service", "projects-service", "gateway");
    /** The check compose.yaml had before: bash's /dev/tcp, which dash does not know. */
    private static final String BASH_ONLY_CHECK = "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET "
            + "/actuator/health/readiness HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q ' 200 ' <&3";

    @Test
    @SuppressWarnings("unchecked")
    void eachServiceHealthcheckPassesUnderDashAgainstTheRunningComponentAndFailsWithoutIt() throws Exception {
        FullStack stack = FullStack.get();
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) DeploymentFilesTest
                .yaml(ROOT.resolve("infra/compose/compose.yaml")).get(0).get("services");
        for (String component : COMPONENTS) {
            List<String> test = (List<String>) ((Map<String, Object>) services.get(component).get("healthcheck")).get("test");
            assertThat(test.get(0)).isEqualTo("CMD-SHELL");
            String command = test.get(1);
            assertThat(command).contains("127.0.0.1:8080/");
            int port = stack.component(component, "/").getPort();

            assertThat(dash(command.replace("127.0.0.1:8080/", "127.0.0.1:" + port + "/")))
                    .as("%s healthy under dash", component).isZero();
            assertThat(dash(BASH_ONLY_CHECK.replace("/8080 ", "/" + port + " ")))
                    .as("the former check fails under dash even on a ready %s", component).isNotZero();
        }
        int closed = qc.esac.local.FreePort.any();
        String command = ((List<String>) ((Map<String, Object>) services.get("membership-service").get("healthcheck"))
                .get("test")).get(1);
        assertThat(dash(command.replace("127.0.0.1:8080/", "127.0.0.1:" + closed + "/")))
                .as("unhealthy when nothing answers").isNotZero();
    }

    private static int dash(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("dash", "-c", command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as(output).isTrue();
        return process.exitValue();
    }
}
