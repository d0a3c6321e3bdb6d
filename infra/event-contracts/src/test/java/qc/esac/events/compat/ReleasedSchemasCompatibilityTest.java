package qc.esac.events.compat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The build check of principle 5: every schema that shipped (a snapshot in {@code released-schemas/})
 * still has a current schema at the same path, and the current one breaks no consumer of it.
 */
class ReleasedSchemasCompatibilityTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    // Surefire runs tests from the module directory. Current schemas are read from the sources, not
    // the classpath, so a schema deleted from src/ is not hidden by a stale copy in target/classes.
    private static final Path RELEASED = Path.of("released-schemas");
    private static final Path CURRENT = Path.of("src", "main", "resources", "schemas");

    @Test
    void currentSchemasKeepEveryReleasedContract() throws IOException {
        List<Path> released = releasedSchemas();
        assertThat(released).as("released schemas under " + RELEASED.toAbsolutePath()).isNotEmpty();

        List<String> problems = new ArrayList<>();
        for (Path file : released) {
            String relative = RELEASED.relativize(file).toString().replace('\\', '/');
            Path current = CURRENT.resolve(RELEASED.relativize(file));
            if (!Files.isRegularFile(current)) {
                problems.add(relative + ": released schema has no current schema at schemas/" + relative
                        + " (a shipped event type cannot be deleted within its version)");
                continue;
            }
            SchemaCompatibility.breakingChanges(JSON.readTree(file.toFile()), JSON.readTree(current.toFile()))
                    .forEach(change -> problems.add(relative + " " + change));
        }

        if (!problems.isEmpty()) {
            fail("Breaking changes to released event schemas; publish a new type version (.v2) instead:%n%s",
                    String.join(System.lineSeparator(), problems));
        }
    }

    private static List<Path> releasedSchemas() throws IOException {
        assertThat(RELEASED).isDirectory();
        try (Stream<Path> files = Files.walk(RELEASED)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }
}
