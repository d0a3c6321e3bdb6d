package qc.esac.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What compose.yaml promises and Docker cannot check here: Kafka keeps its data in the volume, the topics come
 * from the one declaration, the healthchecks use what the image has, and one issuer URL works for the host's
 * browser and for the containers. ({@link ComposeHealthcheckIT} runs the healthchecks themselves.)
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of(System.getProperty("esac.root", "../.."));
    private static final Path COMPOSE = ROOT.resolve("infra/compose");
    /** Where the apache/kafka image's default server.properties puts the logs when KAFKA_LOG_DIRS is not set. */
    private static final String IMAGE_DEFAULT_LOG_DIRS = "/tmp/kraft-combined-logs";
    private static final List<String> COMPONENTS = List.of("membership-service", "training-service",
            "insurance-service", "projects-service", "gateway");

    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void parse() throws IOException {
        services = (Map<String, Map<String, Object>>) DeploymentFilesTest.yaml(COMPOSE.resolve("compose.yaml")).get(0)
                .get("services");
    }

    @Test
    void eachKafkaNodeWritesItsLogsInItsVolume() {
        List<String> brokers = services.keySet().stream()
                .filter(name -> String.valueOf(services.get(name).get("image")).startsWith("apache/kafka")
                        && environment(name).containsKey("KAFKA_NODE_ID")).toList();
        assertThat(brokers).hasSize(3);
        for (String broker : brokers) {
            String logDirs = String.valueOf(environment(broker).getOrDefault("KAFKA_LOG_DIRS", IMAGE_DEFAULT_LOG_DIRS));
            List<?> volumes = (List<?>) services.get(broker).get("volumes");
            assertThat(volumes).as(broker).hasSize(1);
            String[] volume = String.valueOf(volumes.get(0)).split(":");
            assertThat(volume[0]).as("a named volume, kept across recreations").doesNotStartWith(".").doesNotStartWith("/");
            assertThat(volume[1]).as("%s writes in %s", broker, logDirs).isEqualTo(logDirs);
            assertThat(environment(broker)).containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                    .containsEntry("KAFKA_MIN_INSYNC_REPLICAS", "2").containsEntry("KAFKA_DEFAULT_REPLICATION_FACTOR", "3")
                    .containsEntry("KAFKA_GROUP_COORDINATOR_APPEND_LINGER_MS", "0");
        }
    }

    @Test
    void keycloakIsTheVersionTheRepositoryIsTestedWith() {
        // The root pom's keycloak.version (passed by surefire): what infra/local and KeycloakPlatformIT run.
        String tested = System.getProperty("esac.keycloak.version");
        assertThat(tested).as("esac.keycloak.version, from the root pom").isNotBlank();
        assertThat(services.get("keycloak").get("image")).isEqualTo("quay.io/keycloak/keycloak:" + tested);
    }

    @Test
    @SuppressWarnings("unchecked")
    void topicsAreCreatedFromTheOneDeclarationBeforeTheServicesStart() {
        Map<String, Object> topics = services.get("kafka-topics");
        assertThat((List<String>) topics.get("volumes")).containsExactly("../k8s/kafka-topics:/topics:ro");
        assertThat(COMPOSE.resolve("../k8s/kafka-topics/topics.txt")).isRegularFile();
        assertThat((List<String>) topics.get("command"))
                .containsExactly("sh", "/topics/create-topics.sh", "/topics/topics.txt");
        for (String service : COMPONENTS.subList(0, 4)) {
            Map<String, Object> dependsOn = (Map<String, Object>) services.get(service).get("depends_on");
            assertThat((Map<String, Object>) dependsOn.get("kafka-topics")).as(service)
                    .containsEntry("condition", "service_completed_successfully");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theServicesHealthchecksUseWhatTheImageInstalls() throws IOException {
        String dockerfile = Files.readString(COMPOSE.resolve("Dockerfile"));
        String runtimeStage = dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));
        for (String component : COMPONENTS) {
            List<String> test = (List<String>) ((Map<String, Object>) services.get(component).get("healthcheck")).get("test");
            assertThat(test.get(0)).isEqualTo("CMD-SHELL");
            assertThat(test.get(1)).as("bash-only constructs fail under the image's dash").doesNotContain("/dev/tcp")
                    .startsWith("curl ");
            assertThat(runtimeStage).containsPattern("apt-get install[^\\n]*\\bcurl\\b");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void browsersAndContainersShareOneIssuer() {
        Map<String, Object> keycloak = environment("keycloak");
        URI hostname = URI.create(String.valueOf(keycloak.get("KC_HOSTNAME")));
        assertThat(hostname.getHost()).as("what the host's browser reaches").isEqualTo("localhost");
        assertThat((List<String>) services.get("keycloak").get("ports"))
                .contains(hostname.getPort() + ":" + hostname.getPort());
        String issuer = hostname + "/realms/esac";
        for (String component : COMPONENTS) {
            Map<String, Object> environment = environment(component);
            assertThat(environment.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI")).as(component)
                    .isEqualTo(issuer);
            // Inside the network "localhost" is the container itself: keys come through Keycloak's service name.
            URI keys = URI.create(String.valueOf(environment.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI")));
            assertThat(keys.getHost()).as(component).isEqualTo("keycloak");
            assertThat(keys.getPort()).isEqualTo(hostname.getPort());
            assertThat(keys.getPath()).isEqualTo("/realms/esac/protocol/openid-connect/certs");
        }
        assertThat(String.valueOf(environment("gateway").get("ESAC_DOCS_OPENID_CONNECT_URL"))).startsWith(issuer + "/");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(String service) {
        return (Map<String, Object>) services.get(service).get("environment");
    }
}
