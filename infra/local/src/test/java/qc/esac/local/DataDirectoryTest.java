package qc.esac.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class DataDirectoryTest {

    @TempDir
    Path parent;

    @Test
    void deletesWhatItPrepared() throws Exception {
        DataDirectory data = new DataDirectory(parent.resolve("data"));
        data.prepare();
        Files.writeString(data.kafkaLogDirectory().resolve("meta.properties"), "node.id=1");

        data.delete();

        assertThat(data.root()).doesNotExist();
    }

    @Test
    void refusesToDeleteADirectoryItDidNotCreate() throws Exception {
        Path someoneElses = Files.createDirectories(parent.resolve("home"));
        Files.writeString(someoneElses.resolve("thesis.txt"), "do not lose");

        assertThatIllegalStateException()
                .isThrownBy(() -> new DataDirectory(someoneElses).delete())
                .withMessageContaining("Refusing to delete");
        assertThat(someoneElses.resolve("thesis.txt")).exists();
    }

    @Test
    void deletingAMissingOrEmptyDirectoryIsFine() throws Exception {
        new DataDirectory(parent.resolve("missing")).delete();
        Path empty = Files.createDirectories(parent.resolve("empty"));

        new DataDirectory(empty).delete();

        assertThat(empty).doesNotExist();
    }
}
