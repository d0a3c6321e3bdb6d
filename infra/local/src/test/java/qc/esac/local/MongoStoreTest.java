package qc.esac.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class MongoStoreTest {

    @TempDir
    Path directory;

    @Test
    void portInUseFailsClearlyAndLeavesTheStoreFileUsable() throws Exception {
        Path storeFile = directory.resolve("store.mv.db");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThatIllegalStateException()
                    .isThrownBy(() -> MongoStore.start(storeFile, taken.getLocalPort()))
                    .withMessageContaining("Cannot listen for MongoDB clients on 127.0.0.1:" + taken.getLocalPort());
        }

        // H2 locks its file: this start would fail if the failed one had kept it open.
        try (MongoStore store = MongoStore.start(storeFile, 0)) {
            assertThat(store.connectionString()).matches("mongodb://127\\.0\\.0\\.1:\\d+");
        }
    }
}
