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

    /** Whether nothing listens on {@code port} of the loopback interface (binding it succeeds). */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // As a server restarting on it would: a port left in TIME_WAIT by a stopped component is free.
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * {@code count} different free ports: all held open until every one is chosen, so that the kernel cannot hand
     * the same port out twice (a cluster's listeners and controllers are picked together).
     */
    static int[] distinct(int count) {
        java.util.List<ServerSocket> held = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                held.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return held.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port available", e);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a listening socket does not fail in practice
                }
            }
        }
    }

    public static int any() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port available", e);
        }
    }
}
