package qc.esac.events.compat;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * The build check of principle 5: every current schema has a snapshot in {@code released-schemas/}, every
 * snapshot still has a current schema at the same path, and the current one breaks no consumer of it.
 */
class ReleasedSchemasCompatibilityTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    // Surefire runs tests from the module directory. Current schemas are read from the sources, not
    // the classpath, so a schema deleted from src/ is not hidden by a stale copy in target/classes.
    private static final Path RELEASED = Path.of("released-schemas");
    private static final Path CURRENT = Path.of("src", "main", "resources", "schemas");

    @Test
    void currentSchemasKeepEveryReleasedContract() {
        assertThat(ReleasedSchemas.schemas(RELEASED)).as("released schemas under " + RELEASED.toAbsolutePath())
                .isNotEmpty();

        List<String> problems = ReleasedSchemas.problems(RELEASED, CURRENT);

        if (!problems.isEmpty()) {
            fail("Event schemas and their released snapshots disagree; publish a breaking change as a new type"
                    + " version (.v2) instead:%n%s", String.join(System.lineSeparator(), problems));
        }
    }

    @Test
    void everyCurrentSchemaIsReleased() {
        assertThat(ReleasedSchemas.schemas(RELEASED)).containsAll(ReleasedSchemas.schemas(CURRENT));
    }

    /** The check is not vacuous: for each schema, a deliberately incompatible edit fails it. */
    @TestFactory
    Stream<DynamicTest> anIncompatibleChangeToAnyReleasedSchemaFailsTheCheck(@TempDir Path temp) throws IOException {
        copy(CURRENT, temp.resolve("current"));
        return ReleasedSchemas.schemas(RELEASED).stream().map(schema -> dynamicTest(schema, () -> {
            Path current = temp.resolve("current");
            Path file = current.resolve(schema);
            byte[] original = Files.readAllBytes(file);
            try {
                ObjectNode broken = (ObjectNode) JSON.readTree(original);
                String property = broken.withObject("/properties").propertyNames().iterator().next();
                broken.withObject("/properties").remove(property);
                Files.write(file, JSON.writeValueAsBytes(broken));

                assertThat(ReleasedSchemas.problems(RELEASED, current)).as("removing " + property)
                        .anySatisfy(problem -> assertThat(problem).startsWith(schema + " ").contains(property));
            } finally {
                Files.write(file, original);
            }
        }));
    }

    @Test
    void aSchemaWithoutSnapshotOrASnapshotWithoutSchemaFailsTheCheck(@TempDir Path temp) throws IOException {
        copy(CURRENT, temp.resolve("current"));
        copy(RELEASED, temp.resolve("released"));
        String schema = ReleasedSchemas.schemas(RELEASED).get(0);
        Files.delete(temp.resolve("released").resolve(schema));
        Files.copy(CURRENT.resolve(schema), temp.resolve("released").resolve(schema.replace(".v1.", ".v9.")));

        assertThat(ReleasedSchemas.problems(temp.resolve("released"), temp.resolve("current")))
                .anySatisfy(problem -> assertThat(problem).startsWith(schema + ": no released snapshot"))
                .anySatisfy(problem -> assertThat(problem).contains("has no current schema"));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
