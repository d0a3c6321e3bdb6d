package qc.esac.local;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class FreePortTest {

    @Test
    void distinctPortsAreDifferentAndFree() {
        int[] ports = FreePort.distinct(6);

        assertThat(Arrays.stream(ports).distinct().count()).isEqualTo(6);
        assertThat(Arrays.stream(ports).allMatch(FreePort::isFree)).isTrue();
    }

    @Test
    void aListeningPortIsNotFree() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThat(FreePort.isFree(taken.getLocalPort())).isFalse();
        }
    }
}
