package qc.esac.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A real {@code redis-server} for the gateway's tests, on a free loopback port, without persistence. It can be
 * stopped and started again on the same port, to test what the gateway does while Redis is away and after.
 *
 * <p>Where the binary is missing the test is skipped with a message saying so; with
 * {@code ESAC_REQUIRE_REDIS=true} (CI, {@code .ci/run}) it fails instead, so a CI machine never skips it quietly.
 */
final class RedisServer implements AutoCloseable {

    static final String BINARY = "redis-server";

    private final Path binary;
    private final int port;
    private final Path log;
    private Process process;

    private RedisServer(Path binary, int port, Path log) {
        this.binary = binary;
        this.port = port;
        this.log = log;
    }

    /** Starts one, or skips the calling test when {@code redis-server} is not installed (see the class comment). */
    static RedisServer startOrSkip() {
        Path binary = find();
        if (binary == null) {
            String message = BINARY + " is not installed (apt-get install redis-server): the Redis rate-limit test "
                    + "cannot run here";
            if ("true".equalsIgnoreCase(System.getenv("ESAC_REQUIRE_REDIS"))) {
                throw new IllegalStateException(message + ", and ESAC_REQUIRE_REDIS=true requires it");
            }
            Assumptions.abort(message);
        }
        try {
            RedisServer server = new RedisServer(binary, freePort(), Files.createTempFile("esac-redis", ".log"));
            server.start();
            return server;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Starts the server (again, after {@link #stop()}) on the same port and waits until it answers PING. */
    synchronized void start() {
        try {
            process = new ProcessBuilder(binary.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--protected-mode", "yes")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Could not start " + binary, e);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!"+PONG".equals(command("PING"))) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("redis-server did not start on port " + port + "; see " + log);
            }
            pause();
        }
    }

    /** Kills the server at once (no shutdown courtesy): what the gateway sees when Redis goes away. */
    synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Keys matching {@code pattern}, through the plain protocol (no client library needed). */
    List<String> keys(String pattern) {
        String reply = command("KEYS", pattern);
        return reply == null ? List.of() : reply.lines().filter(line -> !line.startsWith("*") && !line.startsWith("$"))
                .toList();
    }

    @Override
    public void close() {
        stop();
    }

    /** One RESP command; the raw reply, or null when the server does not answer. */
    private String command(String... words) {
        StringBuilder request = new StringBuilder("*").append(words.length).append("\r\n");
        for (String word : words) {
            request.append('$').append(word.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(word)
                    .append("\r\n");
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        catch (IOException notAnswering) {
            return null;
        }
    }

    private static Path find() {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(directory, BINARY);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
