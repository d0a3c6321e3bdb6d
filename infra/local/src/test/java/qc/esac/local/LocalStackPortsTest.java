package qc.esac.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A taken port stops the stack before anything starts, with a message naming the port and what needed it. */
class LocalStackPortsTest {

    @TempDir
    Path directory;

    @Test
    void aTakenComponentPortIsNamedAndNothingStarts() throws Exception {
        try (ServerSocket taken = listen()) {
            int gatewayPort = taken.getLocalPort();
            Path data = directory.resolve("data");
            LocalStack stack = new LocalStack(LocalOptions.defaults().withDataDirectory(data).withPorts(0, 0),
                    directory, gatewayPort - 8080);

            assertThatThrownBy(() -> stack.start(Duration.ofSeconds(5)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Port " + gatewayPort + " (gateway) is already in use")
                    .hasMessageContaining("--port-offset");
            // Neither the broker nor the store started: they would have prepared the data directory.
            assertThat(data).doesNotExist();
        }
    }

    @Test
    void aTakenStorePortIsNamedBeforeTheBrokerStarts() throws Exception {
        try (ServerSocket taken = listen()) {
            int storePort = taken.getLocalPort();
            Path data = directory.resolve("data");
            LocalStack stack = new LocalStack(LocalOptions.defaults().withDataDirectory(data).withPorts(0, storePort),
                    directory, freeOffset());

            assertThatThrownBy(() -> stack.start(Duration.ofSeconds(5)))
                    .hasMessageContaining("Port " + storePort + " (the store) is already in use");
            assertThat(data).doesNotExist();
        }
    }

    @Test
    void freePortsPassTheCheck() {
        LocalStack stack = new LocalStack(LocalOptions.defaults().withDataDirectory(directory).withPorts(0, 0),
                directory, freeOffset());

        stack.requirePortsFree();
    }

    private static ServerSocket listen() throws Exception {
        return new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }

    /** An offset whose component ports are all free now (the components' ports span 8080 to 9000). */
    private static int freeOffset() {
        for (int offset = 30_000; offset < 50_000; offset += 1_000) {
            int at = offset;
            if (LocalStack.COMPONENTS.stream().allMatch(component -> FreePort.isFree(component.port() + at))) {
                return offset;
            }
        }
        throw new IllegalStateException("No free offset");
    }

}
