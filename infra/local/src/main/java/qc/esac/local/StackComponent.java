package qc.esac.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One process of the local stack.
 *
 * @param name          what the console and the log file call it
 * @param module        the Maven module directory, relative to the repository root
 * @param artifactId    the module's artifact id
 * @param port          the HTTP port it listens on (plus the stack's port offset)
 * @param readinessPath answers 200 once it can serve
 * @param environment   its configuration, given the addresses of the infrastructure and of the other components
 */
public record StackComponent(String name, String module, String artifactId, int port, String readinessPath,
                             Function<StackAddresses, Map<String, String>> environment) {

    /**
     * JVM options of every component: modest heaps and a serial collector, since a laptop runs them all. C1 only:
     * measured on the 2-core machine (issue 12, BENCHMARKS.md), C2 made membership spend 10 min of compilation
     * instead of 26 s over a benchmark's run and three to four times the CPU per create in its first minutes; a stack
     * that lives for minutes never repays that.
     */
    static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-Xss512k", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=64m", "-Dspring.jmx.enabled=false");

    /**
     * The gateway's: the same, but with C2 (tiered, one C1 and one C2 compiler thread). It is on every call's path and
     * lives as long as the stack; measured on the 2-core machine (gateway README), once warm it spends about half the
     * CPU per call that C1's code does (0.77 against 1.36-1.56 ms on an authenticated read, 0.44-0.54 against
     * 1.03-1.10 ms on an anonymous one), after a first minute or two of load in which it is slower.
     */
    static final List<String> GATEWAY_JVM_OPTIONS = Stream.concat(
            JVM_OPTIONS.stream().filter(option -> !option.startsWith("-XX:TieredStopAtLevel=")),
            Stream.of("-XX:CICompilerCount=2")).toList();

    /**
     * Environment variable of the stack (not of the components) holding JVM options added after {@link #JVM_OPTIONS},
     * separated by spaces; a later option wins (e.g. {@code -XX:TieredStopAtLevel=4} for the C2 compiler in
     * benchmarks, {@code -XX:StartFlightRecording=...} to profile).
     */
    public static final String EXTRA_JVM_OPTIONS = "ESAC_JVM_OPTIONS";

    /**
     * The options of the component named {@code component} ({@link #GATEWAY_JVM_OPTIONS} or {@link #JVM_OPTIONS}),
     * then {@code extra} (options separated by spaces; null or blank for none).
     */
    static List<String> jvmOptions(String component, String extra) {
        return jvmOptions("gateway".equals(component) ? GATEWAY_JVM_OPTIONS : JVM_OPTIONS, extra);
    }

    private static List<String> jvmOptions(List<String> base, String extra) {
        if (extra == null || extra.isBlank()) {
            return base;
        }
        return Stream.concat(base.stream(), Stream.of(extra.trim().split("\\s+"))).toList();
    }

    /** The executable jar {@code ./mvnw package} built: {@code <module>/target/<artifactId>-<version>.jar}. */
    public Path jar(Path root) {
        Path target = root.resolve(module).resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(file -> file.getFileName().toString().matches(
                            Pattern.quote(artifactId) + "-\\d[^/]*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No jar of " + name + " in " + target
                            + ": build the platform first (./mvnw -DskipTests package)"));
        } catch (IOException e) {
            throw new IllegalStateException("No " + target + ": build the platform first (./mvnw -DskipTests package)");
        }
    }
}
