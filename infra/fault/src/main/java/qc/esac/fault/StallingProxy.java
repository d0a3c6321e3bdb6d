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
 * is harder on them than a refused connection.
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

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
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
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // one side went away
        } finally {
            close(from);
            close(to);
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
