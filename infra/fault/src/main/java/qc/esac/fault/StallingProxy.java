package qc.esac.fault;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP forwarder in front of the store. While stalled it holds every byte in both directions and keeps the
 * connections open: to the services, the store has stopped answering (a paused or partitioned MongoDB), which
 * is harder on them than a refused connection. While down it closes every connection and refuses new ones:
 * nothing sent meanwhile ever reaches the store (a stalled write is delivered when the stall ends).
 */
final class StallingProxy implements AutoCloseable {

    private final ServerSocket server;
    private final ExecutorService pumps = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "store-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private volatile int target = -1;
    private volatile boolean stalled;
    private volatile boolean down;
    private final java.util.Set<Socket> open = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private StallingProxy(ServerSocket server) {
        this.server = server;
        pumps.submit(this::accept);
    }

    static StallingProxy open() {
        try {
            return new StallingProxy(new ServerSocket(0, 200, InetAddress.getLoopbackAddress()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return server.getLocalPort();
    }

    void forwardTo(int port) {
        target = port;
    }

    void stall(boolean stall) {
        stalled = stall;
    }

    /** Down: every open connection closed at once, new ones closed as soon as accepted, until up again. */
    void down(boolean isDown) {
        down = isDown;
        if (isDown) {
            open.forEach(StallingProxy::close);
            open.clear();
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (down) {
                    close(client);
                    continue;
                }
                Socket upstream = new Socket();
                try {
                    upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), target), 2_000);
                } catch (IOException refused) {
                    close(client);
                    close(upstream);
                    continue;
                }
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                open.add(client);
                open.add(upstream);
                pumps.submit(() -> pump(client, upstream));
                pumps.submit(() -> pump(upstream, client));
            } catch (IOException e) {
                // closed
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[32 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                while (stalled) {
                    Thread.sleep(10);
                }
                if (down) {
                    break;
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // one side went away
        } finally {
            close(from);
            close(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void close(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        close(server);
        pumps.shutdownNow();
    }
}
