package qc.esac.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Picks a concrete free port for "port 0". Kafka needs it up front: the controller's address is
 * part of the quorum configuration and the broker advertises its listener before binding.
 */
public final class FreePort {

    private FreePort() {
    }

    static int orAny(int port) {
        return port != 0 ? port : any();
    }

    public static int any() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port available", e);
        }
    }
}
