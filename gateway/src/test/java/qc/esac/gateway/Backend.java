package qc.esac.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in service: a JDK HTTP server that records what it receives and answers as the test
 * tells it (echo by default), so that tests can inject failures: errors, hangs, slow answers.
 */
final class Backend {

    /** What a backend received. Header names in lower case. */
    record Received(String method, String path, String query, Map<String, List<String>> headers, int bodyLength) {

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    @FunctionalInterface
    interface Responder {
        void respond(HttpExchange exchange, Received received) throws IOException;
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Responder responder = Backend::echo;
    /** Released when the test ends, so hanging handlers do not outlive it. */
    private volatile CountDownLatch hangs = new CountDownLatch(1);

    Backend() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "backend");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    Received last() {
        List<Received> all = received();
        if (all.isEmpty()) {
            throw new AssertionError("the backend received nothing");
        }
        return all.get(all.size() - 1);
    }

    void answer(Responder value) {
        this.responder = value;
    }

    /** Back to echoing, history cleared, hanging handlers released. */
    void reset() {
        hangs.countDown();
        hangs = new CountDownLatch(1);
        responder = Backend::echo;
        received.clear();
    }

    /** Never answers (until reset). */
    void hang() {
        CountDownLatch latch = hangs;
        answer((exchange, request) -> {
            try {
                latch.await(30, TimeUnit.SECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
    }

    private void handle(HttpExchange exchange) throws IOException {
        int length;
        try (InputStream body = exchange.getRequestBody()) {
            length = body.readAllBytes().length;
        }
        catch (IOException aborted) {
            length = -1;
        }
        Map<String, List<String>> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
                List.copyOf(values)));
        Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getRawQuery(), headers, length);
        received.add(request);
        try {
            responder.respond(exchange, request);
        }
        finally {
            exchange.close();
        }
    }

    static void echo(HttpExchange exchange, Received request) throws IOException {
        json(exchange, 200, "{\"service\":\"echo\",\"method\":\"" + request.method() + "\",\"path\":\""
                + request.path() + "\"}");
    }

    static void json(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, "application/json", body);
    }

    static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    void stop() {
        hangs.countDown();
        server.stop(0);
    }
}
