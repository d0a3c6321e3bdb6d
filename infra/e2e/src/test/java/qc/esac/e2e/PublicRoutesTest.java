package qc.esac.e2e;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What is open without a token is decided twice, by design (the gateway and each service authorize on their
 * own): the gateway's public routes must be exactly the paths the services open, or anonymous clients get a 401
 * at the gateway for what the service would serve, or reach what the gateway meant to guard.
 */
class PublicRoutesTest {

    private static final Path ROOT = Path.of(System.getProperty("esac.root", "../.."));
    private static final List<String> SERVICES =
            List.of("membership-service", "training-service", "insurance-service", "projects-service");

    @Test
    void theGatewayOpensExactlyWhatTheServicesOpen() throws IOException {
        Set<String> opened = new TreeSet<>();
        for (String service : SERVICES) {
            Map<String, Object> security = path(yaml(ROOT.resolve(service).resolve("src/main/resources/application.yml")),
                    "esac", "security");
            list(security, "public-paths").forEach(p -> opened.add("GET " + p));
            list(security, "public-post-paths").forEach(p -> opened.add("POST " + p));
        }
        Map<String, Object> gatewaySecurity = path(yaml(ROOT.resolve("gateway/src/main/resources/application.yml")),
                "esac", "gateway", "security");
        Set<String> gateway = new TreeSet<>(list(gatewaySecurity, "public-routes"));

        assertThat(opened).as("paths the services open").isNotEmpty();
        assertThat(gateway).as("the gateway's public routes (gateway/src/main/resources/application.yml)")
                .isEqualTo(opened);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> path(Map<String, Object> root, String... keys) {
        Map<String, Object> node = root;
        for (String key : keys) {
            node = (Map<String, Object>) node.getOrDefault(key, Map.of());
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Map<String, Object> node, String key) {
        return (List<String>) node.getOrDefault(key, List.of());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            // The first document of the file: the defaults (later ones are profile-specific).
            return (Map<String, Object>) new Yaml().loadAll(in).iterator().next();
        }
    }
}
