package qc.esac.events.compat;

import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The build check of the event contracts: every current schema has a released snapshot (what partners rely on),
 * and no current schema breaks a consumer of its snapshot ({@link SchemaCompatibility}).
 */
public final class ReleasedSchemas {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReleasedSchemas() {
    }

    /**
     * The problems between the snapshots under {@code released} and the schemas under {@code current} (both laid
     * out {@code <context>/<event>.vN.json}), one line each; empty when every contract holds.
     */
    public static List<String> problems(Path released, Path current) {
        List<String> problems = new ArrayList<>();
        for (String schema : schemas(released)) {
            Path now = current.resolve(schema);
            if (!Files.isRegularFile(now)) {
                problems.add(schema + ": released schema has no current schema at schemas/" + schema
                        + " (a shipped event type cannot be deleted within its version)");
                continue;
            }
            SchemaCompatibility.breakingChanges(read(released.resolve(schema)), read(now))
                    .forEach(change -> problems.add(schema + " " + change));
        }
        for (String schema : schemas(current)) {
            if (!Files.isRegularFile(released.resolve(schema))) {
                problems.add(schema + ": no released snapshot, so nothing protects its consumers; snapshot it"
                        + " (cp src/main/resources/schemas/" + schema + " released-schemas/" + schema + ")");
            }
        }
        return problems;
    }

    /** The schema files under {@code root}, as relative paths with forward slashes, sorted. */
    static List<String> schemas(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".json"))
                    .map(f -> root.relativize(f).toString().replace('\\', '/')).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static tools.jackson.databind.JsonNode read(Path file) {
        return JSON.readTree(file.toFile());
    }
}
