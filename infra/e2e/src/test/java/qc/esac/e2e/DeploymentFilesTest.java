package qc.esac.e2e;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployment files (infra/compose, infra/k8s) cannot run here (no Docker, no cluster), so they are checked
 * statically: every file parses, and every environment variable they set is one the component reads, either
 * as a {@code ${VARIABLE}} placeholder of its configuration or, by Spring's relaxed binding, as a property
 * its executable jar declares in its configuration metadata.
 */
class DeploymentFilesTest {

    private static final Path ROOT = Path.of(System.getProperty("esac.root", "../.."));
    private static final List<String> SERVICES =
            List.of("membership-service", "training-service", "insurance-service", "projects-service");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final Map<String, Set<String>> readByComponent = new HashMap<>();

    @Test
    void composeSetsOnlyVariablesItsComponentsRead() throws IOException {
        Map<String, Object> compose = yaml(ROOT.resolve("infra/compose/compose.yaml")).get(0);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        List<String> components = new ArrayList<>(SERVICES);
        components.add("gateway");
        assertThat(services).containsKeys(components.toArray(String[]::new));
        for (String component : components) {
            @SuppressWarnings("unchecked")
            Map<String, Object> environment = (Map<String, Object>) services.get(component).get("environment");
            assertThat(environment).as("environment of %s in compose.yaml", component).isNotEmpty();
            assertThat(unread(component, environment.keySet()))
                    .as("variables compose.yaml gives %s that it does not read", component).isEmpty();
        }
    }

    @Test
    void composeMountsFilesThatExist() throws IOException {
        Map<String, Object> compose = yaml(ROOT.resolve("infra/compose/compose.yaml")).get(0);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        List<String> mounts = new ArrayList<>();
        services.values().forEach(service -> {
            if (service.get("volumes") instanceof List<?> volumes) {
                volumes.stream().map(String::valueOf).filter(v -> v.startsWith("./"))
                        .forEach(v -> mounts.add(v.substring(0, v.indexOf(':'))));
            }
        });
        assertThat(mounts).as("the Keycloak realm is mounted").contains("./keycloak");
        mounts.forEach(mount -> assertThat(ROOT.resolve("infra/compose").resolve(mount)).exists());
        assertThat(ROOT.resolve("infra/compose/keycloak/esac-realm.json")).isRegularFile();
    }

    @Test
    void kubernetesManifestsParseAndSetOnlyVariablesTheComponentsRead() throws IOException {
        Map<String, Set<String>> variablesByFile = new HashMap<>();
        try (Stream<Path> files = Files.walk(ROOT.resolve("infra/k8s"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                List<Map<String, Object>> documents = yaml(file);
                assertThat(documents).as(file.toString()).isNotEmpty();
                Set<String> variables = new TreeSet<>();
                for (Map<String, Object> document : documents) {
                    collectVariables(document, variables);
                }
                variablesByFile.put(ROOT.resolve("infra/k8s").relativize(file).toString(), variables);
            }
        }
        // Shared settings reach every service (the gateway only its identity settings); the gateway's own
        // settings are in its directory; the rest of a service's are in its directory.
        // The Secrets are created by the operator from the example files' variables (README.md).
        Set<String> shared = new TreeSet<>(variablesByFile.get("platform-config.yaml"));
        shared.addAll(variablesByFile.get("service-base/deployment.yaml"));
        shared.addAll(exampleEnvVariables("platform-secrets.example.env"));
        assertThat(shared).contains("MONGODB_URI", "MANAGEMENT_SERVER_PORT");
        assertThat(shared).isNotEmpty();
        for (String service : SERVICES) {
            Set<String> own = new TreeSet<>(shared);
            own.addAll(variablesByFile.getOrDefault(service + "/kustomization.yaml", Set.of()));
            if (service.equals("insurance-service")) {
                own.addAll(exampleEnvVariables("insurance-secrets.example.env"));
                assertThat(own).contains("INSURANCE_ENCRYPTION_PASSWORD", "INSURANCE_ENCRYPTION_SALT");
            }
            assertThat(unread(service, own)).as("variables the manifests give %s that it does not read", service)
                    .isEmpty();
        }
        Set<String> gateway = new TreeSet<>(variablesByFile.get("gateway/kustomization.yaml"));
        gateway.add("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI");
        assertThat(unread("gateway", gateway)).as("variables the manifests give the gateway that it does not read")
                .isEmpty();
    }

    private static Set<String> exampleEnvVariables(String file) throws IOException {
        Set<String> variables = new TreeSet<>();
        for (String line : Files.readAllLines(ROOT.resolve("infra/k8s").resolve(file))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                variables.add(line.substring(0, line.indexOf('=')));
            }
        }
        return variables;
    }

    @Test
    void theCheckRejectsAVariableNobodyReads() {
        assertThat(unread("membership-service", Set.of("MONGODB_URI", "MONGO_URL", "SPRING_KAFKA_BOOTSTRAP_SERVERS",
                "SPRING_KAFKA_BOOTSTRAP_SERVER_LIST"))).containsExactlyInAnyOrder("MONGO_URL",
                "SPRING_KAFKA_BOOTSTRAP_SERVER_LIST");
    }

    private Set<String> unread(String component, Set<String> variables) {
        Set<String> read = readByComponent.computeIfAbsent(component, DeploymentFilesTest::variablesRead);
        Set<String> unread = new TreeSet<>();
        for (String variable : variables) {
            if (!read.contains(variable) && !read.contains(relaxed(variable))) {
                unread.add(variable);
            }
        }
        return unread;
    }

    /** Placeholders of the component's configuration files, and its configuration properties in relaxed form. */
    private static Set<String> variablesRead(String component) {
        Set<String> read = new HashSet<>();
        read.add("JAVA_TOOL_OPTIONS");
        Path resources = ROOT.resolve(component).resolve("src/main/resources");
        try (Stream<Path> files = Files.list(resources)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("application")).toList()) {
                Matcher matcher = PLACEHOLDER.matcher(Files.readString(file));
                while (matcher.find()) {
                    read.add(matcher.group(1));
                }
            }
            read.addAll(declaredProperties(component));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return read;
    }

    /** Every property declared in the configuration metadata of the libraries inside the component's jar. */
    private static Set<String> declaredProperties(String component) throws IOException {
        Path jar;
        try (Stream<Path> files = Files.list(ROOT.resolve(component).resolve("target"))) {
            jar = files.filter(f -> f.getFileName().toString().matches(Pattern.quote(component) + "-\\d.*\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("Package " + component + " first"));
        }
        Set<String> properties = new HashSet<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : zip.stream().filter(e -> e.getName().endsWith(".jar")).toList()) {
                try (JarInputStream library = new JarInputStream(zip.getInputStream(entry))) {
                    for (JarEntry inner; (inner = library.getNextJarEntry()) != null; ) {
                        if (inner.getName().equals("META-INF/spring-configuration-metadata.json")) {
                            JSON.readTree(library.readAllBytes()).path("properties")
                                    .forEach(property -> properties.add(relaxed(property.path("name").asString())));
                        }
                    }
                }
            }
        }
        return properties;
    }

    /** Relaxed binding's comparison form: {@code spring.kafka.bootstrap-servers} = {@code SPRING_KAFKA_BOOTSTRAP_SERVERS}. */
    private static String relaxed(String name) {
        return name.toUpperCase().replaceAll("[^A-Z0-9]", "");
    }

    /** Environment variable names set anywhere in a manifest: env entries, ConfigMap and Secret data, generators, patches. */
    @SuppressWarnings("unchecked")
    private static void collectVariables(Object node, Set<String> into) {
        if (node instanceof Map<?, ?> map) {
            if (map.get("name") instanceof String name && map.containsKey("value") && name.matches("[A-Z][A-Z0-9_]*")) {
                into.add(name);
            }
            for (String dataKey : List.of("data", "stringData")) {
                if (map.get(dataKey) instanceof Map<?, ?> data) {
                    data.keySet().forEach(key -> into.add((String) key));
                }
            }
            if (map.get("literals") instanceof List<?> literals) { // Kustomize generators: NAME=value
                literals.forEach(literal -> into.add(String.valueOf(literal).split("=", 2)[0]));
            }
            if (map.get("patch") instanceof String patch) {
                new Yaml().loadAll(patch).forEach(parsed -> collectVariables(parsed, into));
            }
            map.values().forEach(value -> collectVariables(value, into));
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectVariables(item, into));
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> yaml(Path file) throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        List<Map<String, Object>> documents = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            for (Object document : new Yaml(options).loadAll(in)) {
                if (document != null) {
                    documents.add((Map<String, Object>) document);
                }
            }
        }
        return documents;
    }
}
