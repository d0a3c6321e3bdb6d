package qc.esac.fault;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Forwards, holds every byte while stalled (the connection stays open), and forwards again afterwards. */
class StallingProxyTest {

    @Test
    void holdsTheAnswerWhileStalledAndDeliversItAfterwards() throws Exception {
        try (ServerSocket echo = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
             StallingProxy proxy = StallingProxy.open()) {
            Executors.newSingleThreadExecutor(r -> {
                Thread thread = new Thread(r);
                thread.setDaemon(true);
                return thread;
            }).submit(() -> {
                try (Socket client = echo.accept()) {
                    client.getInputStream().transferTo(client.getOutputStream());
                }
                return null;
            });
            proxy.forwardTo(echo.getLocalPort());
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
                socket.setSoTimeout(500);
                OutputStream out = socket.getOutputStream();
                InputStream in = socket.getInputStream();
                out.write('a');
                assertThat(in.read()).isEqualTo('a');

                proxy.stall(true);
                out.write('b');
                assertThatThrownBy(in::read).isInstanceOf(SocketTimeoutException.class);

                proxy.stall(false);
                socket.setSoTimeout(2_000);
                assertThat(in.read()).isEqualTo('b');
            }
        }
    }

    @Test
    void downClosesTheConnectionsAndNothingSentReachesTheStore() throws Exception {
        try (ServerSocket store = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
             StallingProxy proxy = StallingProxy.open()) {
            java.util.concurrent.BlockingQueue<Integer> received = new java.util.concurrent.LinkedBlockingQueue<>();
            Executors.newSingleThreadExecutor(r -> {
                Thread thread = new Thread(r);
                thread.setDaemon(true);
                return thread;
            }).submit(() -> {
                while (true) {
                    try (Socket client = store.accept()) {
                        int b;
                        while ((b = client.getInputStream().read()) >= 0) {
                            received.add(b);
                        }
                    }
                }
            });
            proxy.forwardTo(store.getLocalPort());
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
                socket.getOutputStream().write('a');
                assertThat(received.poll(2, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo((int) 'a');

                proxy.down(true);
                socket.setSoTimeout(2_000);
                assertThat(socket.getInputStream().read()).as("closed by the proxy").isEqualTo(-1);
            }
            try (Socket refused = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
                refused.setSoTimeout(2_000);
                refused.getOutputStream().write('b');
                assertThat(refused.getInputStream().read()).isEqualTo(-1);
            }
            assertThat(received.poll(500, java.util.concurrent.TimeUnit.MILLISECONDS)).as("never delivered").isNull();

            proxy.down(false);
            try (Socket again = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
                again.getOutputStream().write('c');
                assertThat(received.poll(2, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo((int) 'c');
            }
        }
    }
}
