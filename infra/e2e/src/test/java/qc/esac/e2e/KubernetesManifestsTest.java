package qc.esac.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes manifests as {@code kubectl kustomize} renders them (offline: no cluster is contacted), checked
 * for what would hurt in production: secrets in the files, a fixed replica count fighting the autoscaler,
 * metrics reachable through the Ingress, open network paths, and topics created from anything but topics.txt.
 */
class KubernetesManifestsTest {

    private static final Path ROOT = Path.of(System.getProperty("esac.root", "../.."));
    private static final Path K8S = ROOT.resolve("infra/k8s");
    private static final List<String> SERVICES =
            List.of("membership-service", "training-service", "insurance-service", "projects-service");

    private static String renderedText;
    private static List<Map<String, Object>> platform;
    private static List<Map<String, Object>> backbone;

    @BeforeAll
    static void render() throws Exception {
        renderedText = kustomize(K8S);
        platform = documents(renderedText);
        backbone = documents(kustomize(K8S.resolve("backbone-access")));
    }

    @Test
    void noSecretIsAppliedFromTheFiles() {
        assertThat(ofKind(platform, "Secret")).as("Secrets are created by the operator, not applied").isEmpty();
        assertThat(renderedText).doesNotContainIgnoringCase("change-me").doesNotContain("0123456789abcdef");
        for (Map<String, Object> deployment : ofKind(platform, "Deployment")) {
            List<String> secrets = new ArrayList<>();
            for (Map<String, Object> source : list(container(deployment).get("envFrom"))) {
                if (source.get("secretRef") instanceof Map<?, ?> ref) {
                    secrets.add((String) ref.get("name"));
                }
            }
            String name = name(deployment);
            if (name.equals("gateway-service")) {
                assertThat(secrets).isEmpty();
            } else {
                assertThat(secrets).as(name).contains("platform-secrets");
            }
            secrets.forEach(secret -> assertThat(K8S.resolve(secret + ".example.env"))
                    .as("how to create %s is documented by its example", secret).isRegularFile());
        }
    }

    @Test
    void theAutoscalerAloneSetsTheReplicaCount() {
        List<Map<String, Object>> autoscalers = ofKind(platform, "HorizontalPodAutoscaler");
        assertThat(autoscalers).hasSize(5);
        for (Map<String, Object> autoscaler : autoscalers) {
            String target = (String) map(map(autoscaler.get("spec")).get("scaleTargetRef")).get("name");
            Map<String, Object> deployment = named(platform, "Deployment", target);
            assertThat(map(deployment.get("spec"))).as(target).doesNotContainKey("replicas");
        }
    }

    @Test
    void metricsAndProbesAreOnTheManagementPortWhichTheIngressNeverReaches() {
        for (Map<String, Object> deployment : ofKind(platform, "Deployment")) {
            Map<String, Object> container = container(deployment);
            Map<String, Integer> ports = new java.util.HashMap<>();
            list(container.get("ports")).forEach(p -> ports.put((String) p.get("name"), (Integer) p.get("containerPort")));
            String managementPort = list(container.get("env")).stream()
                    .filter(e -> "MANAGEMENT_SERVER_PORT".equals(e.get("name"))).map(e -> (String) e.get("value"))
                    .findFirst().orElseThrow(() -> new AssertionError(name(deployment) + " has no management port"));
            assertThat(ports.get("management")).as(name(deployment)).isEqualTo(Integer.parseInt(managementPort))
                    .isNotEqualTo(ports.get("http"));
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                assertThat(map(map(container.get(probe)).get("httpGet")).get("port")).as(probe).isEqualTo("management");
            }
        }
        List<Map<String, Object>> ingresses = ofKind(platform, "Ingress");
        assertThat(ingresses).hasSize(1);
        for (Map<String, Object> rule : list(map(ingresses.get(0).get("spec")).get("rules"))) {
            for (Map<String, Object> path : list(map(rule.get("http")).get("paths"))) {
                Map<String, Object> backend = map(map(path.get("backend")).get("service"));
                assertThat(map(backend.get("port")).get("name")).isEqualTo("http");
                Map<String, Object> service = named(platform, "Service", (String) backend.get("name"));
                Map<String, Object> servicePort = list(map(service.get("spec")).get("ports")).stream()
                        .filter(p -> "http".equals(p.get("name"))).findFirst().orElseThrow();
                assertThat(servicePort.get("targetPort")).isEqualTo("http");
            }
        }
    }

    @Test
    void networkPoliciesLetInOnlyTheExpectedCallers() {
        Map<String, String> gateway = podLabels("gateway-service");
        Map<String, String> membership = podLabels("membership-service");
        Pod ingressController = new Pod("ingress-nginx", Map.of("app", "controller"));
        Pod prometheus = new Pod("monitoring", Map.of("app", "prometheus"));
        Pod gatewayPod = new Pod("esac", gateway);
        Pod servicePod = new Pod("esac", membership);
        Pod stranger = new Pod("esac", Map.of("app", "debug"));

        assertThat(ofKind(platform, "NetworkPolicy")).anySatisfy(policy -> {
            assertThat(map(map(policy.get("spec")).get("podSelector"))).isEmpty();
            assertThat(list(map(policy.get("spec")).get("ingress"))).isEmpty();
        });
        assertThat(allowed(platform, ingressController, "esac", gateway, "http")).isTrue();
        assertThat(allowed(platform, stranger, "esac", gateway, "http")).isFalse();
        assertThat(allowed(platform, ingressController, "esac", gateway, "management")).isFalse();
        assertThat(allowed(platform, prometheus, "esac", gateway, "management")).isTrue();
        for (String service : SERVICES) {
            Map<String, String> labels = podLabels(service);
            assertThat(allowed(platform, gatewayPod, "esac", labels, "http")).as(service).isTrue();
            assertThat(allowed(platform, ingressController, "esac", labels, "http")).as(service).isFalse();
            assertThat(allowed(platform, stranger, "esac", labels, "http")).as(service).isFalse();
            assertThat(allowed(platform, servicePod, "esac", labels, "http")).as("service to service").isFalse();
            assertThat(allowed(platform, prometheus, "esac", labels, "management")).as(service).isTrue();
            assertThat(allowed(platform, gatewayPod, "esac", labels, "management")).as(service).isFalse();
        }
        // The backbone, in its own namespaces: the services (and the topics Job) only, not the gateway.
        Map<String, String> topicsJob = stringMap(map(map(map(named(platform, "Job", "kafka-topics").get("spec"))
                .get("template")).get("metadata")).get("labels"));
        for (String[] backboneMember : new String[][] {{"mongodb", "27017"}, {"kafka", "9092"}}) {
            String namespace = backboneMember[0];
            Object port = Integer.parseInt(backboneMember[1]);
            Map<String, String> member = Map.of("app", namespace);
            for (String service : SERVICES) {
                assertThat(allowed(backbone, new Pod("esac", podLabels(service)), namespace, member, port))
                        .as(service + " to " + namespace).isTrue();
            }
            assertThat(allowed(backbone, new Pod("esac", topicsJob), namespace, member, port)).isTrue();
            assertThat(allowed(backbone, gatewayPod, namespace, member, port)).as("gateway to " + namespace).isFalse();
            assertThat(allowed(backbone, new Pod("monitoring", Map.of()), namespace, member, port)).isFalse();
            assertThat(allowed(backbone, new Pod(namespace, Map.of("app", namespace)), namespace, member, port))
                    .as("replication inside " + namespace).isTrue();
        }
    }

    @Test
    void theTopicsJobAppliesTheOneDeclaration() throws IOException {
        Map<String, Object> job = named(platform, "Job", "kafka-topics");
        Map<String, Object> pod = map(map(map(job.get("spec")).get("template")).get("spec"));
        String configMapName = (String) map(list(pod.get("volumes")).get(0).get("configMap")).get("name");
        Map<String, Object> configMap = named(platform, "ConfigMap", configMapName);
        Map<String, Object> data = map(configMap.get("data"));
        assertThat(data.get("topics.txt")).isEqualTo(Files.readString(K8S.resolve("kafka-topics/topics.txt")));
        assertThat(data.get("create-topics.sh")).isEqualTo(Files.readString(K8S.resolve("kafka-topics/create-topics.sh")));
        assertThat(list(list(pod.get("containers")).get(0).get("command")).toString())
                .contains("create-topics.sh", "topics.txt");
    }

    private record Pod(String namespace, Map<String, String> labels) {
    }

    /** Whether some policy selecting the target pod lets {@code source} in on {@code port} (NetworkPolicy semantics). */
    private static boolean allowed(List<Map<String, Object>> documents, Pod source, String targetNamespace,
            Map<String, String> target, Object port) {
        boolean selected = false;
        for (Map<String, Object> policy : ofKind(documents, "NetworkPolicy")) {
            String namespace = Objects.requireNonNullElse((String) map(policy.get("metadata")).get("namespace"), "esac");
            Map<String, Object> spec = map(policy.get("spec"));
            if (!namespace.equals(targetNamespace) || !matches(map(spec.get("podSelector")), target)) {
                continue;
            }
            selected = true;
            for (Map<String, Object> rule : list(spec.get("ingress"))) {
                boolean portOk = !rule.containsKey("ports")
                        || list(rule.get("ports")).stream().anyMatch(p -> port.equals(p.get("port")));
                boolean sourceOk = !rule.containsKey("from") || list(rule.get("from")).stream().anyMatch(peer -> {
                    boolean namespaceOk = peer.containsKey("namespaceSelector")
                            ? matches(map(peer.get("namespaceSelector")),
                            Map.of("kubernetes.io/metadata.name", source.namespace()))
                            : source.namespace().equals(namespace);
                    boolean podOk = !peer.containsKey("podSelector") || matches(map(peer.get("podSelector")), source.labels());
                    return namespaceOk && podOk;
                });
                if (portOk && sourceOk) {
                    return true;
                }
            }
        }
        return !selected;
    }

    private static boolean matches(Map<String, Object> selector, Map<String, String> labels) {
        boolean labelsOk = stringMap(selector.getOrDefault("matchLabels", Map.of())).entrySet().stream()
                .allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
        boolean expressionsOk = list(selector.getOrDefault("matchExpressions", List.of())).stream().allMatch(e -> {
            assertThat(e.get("operator")).isEqualTo("In");
            return ((List<?>) e.get("values")).contains(labels.get((String) e.get("key")));
        });
        return labelsOk && expressionsOk;
    }

    private static Map<String, String> podLabels(String deployment) {
        return stringMap(map(map(map(named(platform, "Deployment", deployment).get("spec")).get("template"))
                .get("metadata")).get("labels"));
    }

    private static Map<String, Object> container(Map<String, Object> deployment) {
        return list(map(map(map(deployment.get("spec")).get("template")).get("spec")).get("containers")).get(0);
    }

    private static List<Map<String, Object>> ofKind(List<Map<String, Object>> documents, String kind) {
        return documents.stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    private static Map<String, Object> named(List<Map<String, Object>> documents, String kind, String name) {
        return ofKind(documents, kind).stream().filter(d -> name.equals(name(d))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    private static String name(Map<String, Object> document) {
        return (String) map(document.get("metadata")).get("name");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> stringMap(Object value) {
        Map<String, String> strings = new java.util.HashMap<>();
        map(value).forEach((k, v) -> strings.put(k, String.valueOf(v)));
        return strings;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> documents(String text) {
        List<Map<String, Object>> documents = new ArrayList<>();
        new Yaml().loadAll(text).forEach(d -> {
            if (d != null) {
                documents.add((Map<String, Object>) d);
            }
        });
        return documents;
    }

    /** {@code kubectl kustomize}: renders locally, never talks to a cluster. */
    private static String kustomize(Path directory) throws Exception {
        Process process = new ProcessBuilder("kubectl", "kustomize", directory.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("kubectl kustomize " + directory).isZero();
        return output;
    }
}
