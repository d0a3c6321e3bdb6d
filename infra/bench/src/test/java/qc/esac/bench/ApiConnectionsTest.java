package qc.esac.bench;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The load generator's descriptors: an open-model run against a target slower than the offered rate used to open
 * one connection per request still waiting (java.net.http has no per-host limit) and keep them all in its pool
 * (20 minutes by default); a full gateway scenario ran the benchmark's JVM out of its 20,000 descriptors.
 */
class ApiConnectionsTest {

    private static final int LIMIT = 16;

    private HttpServer server;
    private ExecutorService handlers;
    private final AtomicInteger concurrent = new AtomicInteger();
    private final AtomicInteger mostConcurrent = new AtomicInteger();

    @BeforeEach
    void slowTarget() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1000);
        handlers = Executors.newCachedThreadPool();
        server.setExecutor(handlers);
        server.createContext("/slow", exchange -> {
            mostConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            Pause.millis(200);
            concurrent.decrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        handlers.shutdownNow();
    }

    @Test
    void roundsOfOpenLoadOnASlowTargetKeepTheOpenDescriptorsBounded() {
        Api api = new Api("token", LIMIT);
        URI slow = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/slow");
        long before = openDescriptors();

        for (int round = 0; round < 3; round++) {
            // 400/s against 200 ms answers: about 80 requests waiting at once.
            Load.Result result = OpenLoad.run(400, Duration.ofMillis(500), Duration.ofSeconds(20),
                    (i, at) -> api.get(slow, false));

            assertThat(result.ok()).as("round %d answered", round).isEqualTo(result.sent());
            // Each connection is two descriptors in this JVM (the client's and the server's end).
            assertThat(openDescriptors() - before).as("descriptors opened by round %d", round)
                    .isLessThanOrEqualTo(2L * LIMIT + 16);
        }
        assertThat(mostConcurrent.get()).isLessThanOrEqualTo(LIMIT);
    }

    private static long openDescriptors() {
        try (Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd"))) {
            return descriptors.count();
        } catch (IOException e) {
            throw new IllegalStateException("No /proc/self/fd (Linux only)", e);
        }
    }
}
