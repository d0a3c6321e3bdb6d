package qc.esac.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import qc.esac.demo.ClientCredentials;

/**
 * Keycloak as the stack's OIDC provider instead of infra/identity: the Maven Central distribution
 * ({@code org.keycloak:keycloak-quarkus-dist}, unpacked by {@code start.sh --identity keycloak} or by the
 * end-to-end suite's build) in development mode, in-memory database, with the production realm
 * (infra/compose/keycloak/esac-realm.json) plus the demo directory's people and clients, re-imported at each
 * start. The realm with the demo is written by the identity jar itself ({@code keycloak-demo-realm}), so the
 * demo people and clients are defined in one place (infra/identity's DemoDirectory).
 *
 * @param home     the unpacked distribution ({@code keycloak-<version>}, with {@code bin/kc.sh})
 * @param javaHome a JDK Keycloak runs on (21 or later)
 */
public record KeycloakIdentity(Path home, Path javaHome) {

    /** The distribution this repository is tested with: the root pom's {@code keycloak.version}. */
    public static final String VERSION = version();
    public static final String REALM = "esac";
    /** Answers 200 once the realm is imported and served. */
    public static final String READINESS_PATH = "/realms/" + REALM + "/.well-known/openid-configuration";
    /**
     * How long Keycloak may take to be ready: its first start on a fresh distribution prepares its build
     * (Quarkus augmentation: ~20 s on a quiet machine, over 2 minutes measured under a load of 30).
     */
    public static final Duration FIRST_START = Duration.ofMinutes(8);
    /** Where the in-repo issuer's web client sends people back; Keycloak's realm allows it too (BrowserLogin). */
    static final String WEB_REDIRECT_URI = "http://localhost:3000/callback";

    private static String version() {
        try (var in = KeycloakIdentity.class.getResourceAsStream("keycloak.properties")) {
            if (in == null) {
                throw new IllegalStateException("keycloak.properties is missing from infra/local's build");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public KeycloakIdentity {
        if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            throw new IllegalArgumentException("No Keycloak distribution at " + home + " (bin/kc.sh missing)");
        }
        if (!Files.isExecutable(javaHome.resolve("bin/java"))) {
            throw new IllegalArgumentException("No JDK at " + javaHome);
        }
    }

    /**
     * From {@code ESAC_KEYCLOAK_HOME} (required) and {@code ESAC_KEYCLOAK_JAVA_HOME} (else the first JDK 21 or
     * later found in {@code /usr/lib/jvm}, else this JVM's when it is recent enough).
     */
    public static KeycloakIdentity fromEnvironment(Map<String, String> environment) {
        String home = environment.get("ESAC_KEYCLOAK_HOME");
        if (home == null || home.isBlank()) {
            throw new IllegalArgumentException("ESAC_KEYCLOAK_HOME must name an unpacked Keycloak " + VERSION
                    + " distribution (infra/local/start.sh --identity keycloak fetches one)");
        }
        String javaHome = environment.get("ESAC_KEYCLOAK_JAVA_HOME");
        return new KeycloakIdentity(Path.of(home), javaHome != null && !javaHome.isBlank() ? Path.of(javaHome)
                : findJdk21().orElseThrow(() -> new IllegalArgumentException("Keycloak " + VERSION
                        + " needs a JDK 21 or later: set ESAC_KEYCLOAK_JAVA_HOME")));
    }

    /** A JDK of release 21 or later: in /usr/lib/jvm (newest first), else the running one. */
    static Optional<Path> findJdk21() {
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> candidates = Files.list(jvms)) {
                Optional<Path> found = candidates.filter(jdk -> Files.isExecutable(jdk.resolve("bin/java")))
                        .filter(jdk -> featureRelease(jdk) >= 21)
                        .max((a, b) -> Integer.compare(featureRelease(a), featureRelease(b)));
                if (found.isPresent()) {
                    return found;
                }
            } catch (IOException e) {
                // fall through to the running JVM
            }
        }
        return Runtime.version().feature() >= 21 ? Optional.of(Path.of(System.getProperty("java.home")))
                : Optional.empty();
    }

    /** {@code JAVA_VERSION="25.0.1"} of a JDK's {@code release} file; 0 when unknown. */
    static int featureRelease(Path jdk) {
        try (Stream<String> lines = Files.lines(jdk.resolve("release"))) {
            return lines.filter(line -> line.startsWith("JAVA_VERSION="))
                    .map(line -> line.substring("JAVA_VERSION=".length()).replace("\"", ""))
                    .map(version -> version.split("[.+-]")[0])
                    .map(Integer::parseInt).findFirst().orElse(0);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * One client-credentials token from Keycloak's token endpoint. Keycloak's tokens last 15 minutes: longer than a
     * demo load.
     */
    public static String clientToken(String issuer, String clientId, String secret) {
        return ClientCredentials.atTokenEndpoint(java.net.URI.create(issuer + "/protocol/openid-connect/token"),
                clientId, secret).get();
    }

    /** The issuer ({@code iss}) of the tokens, as everything on this machine reaches it. */
    public static String issuer(String baseUrl) {
        return baseUrl + "/realms/" + REALM;
    }

    /**
     * Writes the realm with the demo directory (running the identity jar), then starts Keycloak on
     * {@code port}; call {@link ManagedProcess#awaitReady} with {@link #READINESS_PATH} next.
     */
    ManagedProcess start(Path root, Path identityJar, int port, String gatewayUrl, Path log) {
        Path realm = home.resolve("data/import/esac-realm.json");
        writeDemoRealm(root, identityJar, realm, log.resolveSibling("keycloak-realm.log"));
        List<String> command = List.of("bash", home.resolve("bin/kc.sh").toString(), "start-dev", "--import-realm",
                "--db=dev-mem", "--http-host=127.0.0.1", "--http-port=" + port);
        Map<String, String> environment = Map.of(
                "JAVA_HOME", javaHome.toString(),
                // A laptop runs the whole stack: a bounded heap instead of a share of the machine's memory.
                "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m",
                // Placeholders of the realm file: where the web client and the API docs send people back.
                "ESAC_GATEWAY_URL", gatewayUrl,
                "ESAC_WEB_REDIRECT_URI", WEB_REDIRECT_URI);
        return ManagedProcess.startCommand("identity", command, port, environment, log);
    }

    private static void writeDemoRealm(Path root, Path identityJar, Path realm, Path log) {
        Path production = root.resolve("infra/compose/keycloak/esac-realm.json");
        try {
            Files.createDirectories(realm.getParent());
            Files.createDirectories(log.getParent());
            Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", identityJar.toString(), "keycloak-demo-realm", production.toString(), realm.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!writer.waitFor(Duration.ofMinutes(1).toMillis(), TimeUnit.MILLISECONDS) || writer.exitValue() != 0) {
                writer.destroyForcibly();
                throw new IllegalStateException("Could not write the Keycloak realm with the demo directory; see " + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
