package qc.esac.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Layout of the data directory: Kafka log dirs and the store file live side by side under one root. */
final class DataDirectory {

    /**
     * Written on first use. {@link #delete()} refuses to wipe a non-empty directory without it, so a
     * mistyped {@code --data-dir ~ --reset} cannot delete someone's home directory.
     */
    static final String MARKER = ".esac-local";

    private final Path root;

    DataDirectory(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    Path kafkaLogDirectory() {
        return root.resolve("kafka");
    }

    /** Node 1 keeps the single broker's directory; the others of a cluster have their own beside it. */
    Path kafkaLogDirectory(int nodeId) {
        return nodeId == 1 ? kafkaLogDirectory() : root.resolve("kafka-" + nodeId);
    }

    Path mongoStoreFile() {
        return root.resolve("mongo").resolve("esac.mv.db");
    }

    void prepare() {
        try {
            Files.createDirectories(kafkaLogDirectory());
            Files.createDirectories(mongoStoreFile().getParent());
            Path marker = root.resolve(MARKER);
            if (Files.notExists(marker)) {
                Files.writeString(marker, "Data of the ESAC local infrastructure (Kafka logs, MongoDB store).\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare data directory " + root, e);
        }
    }

    void delete() {
        if (Files.notExists(root)) {
            return;
        }
        if (Files.notExists(root.resolve(MARKER)) && !isEmpty()) {
            throw new IllegalStateException("Refusing to delete " + root
                    + ": it was not created by the ESAC local infrastructure (no " + MARKER + " file)");
        }
        try (Stream<Path> paths = Files.walk(root)) {
            // Children before parents, so each directory is empty when its turn comes.
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete data directory " + root, e);
        }
    }

    private boolean isEmpty() {
        try (Stream<Path> entries = Files.list(root)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
