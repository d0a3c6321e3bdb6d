package qc.esac.e2e;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** JSON calls through the gateway with a bearer token, and bounded polling for what events bring about. */
final class GatewayClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final FullStack stack;
    /**
     * How long one call may wait for the gateway: more than its routes' own limits (a service's time and the
     * circuit breaker's), so a slow service shows as the gateway's 504, and a gateway that stops answering fails
     * the test instead of holding it.
     */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    GatewayClient(FullStack stack) {
        this.stack = stack;
    }

    /** One answer: status, body (parsed when JSON) and the version header. */
    record Reply(int status, String body, String etag, String contentType) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        String text(String pointer) {
            return json().at(pointer).asString();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    Reply get(String path, String token) {
        return send("GET", path, token, null, null);
    }

    Reply post(String path, String token, String body) {
        return send("POST", path, token, null, body);
    }

    Reply send(String method, String path, String token, String ifMatch, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(stack.gateway(path)).timeout(CALL_TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(),
                    response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Asks again (every 200 ms, at most {@code timeout}) until the answer satisfies {@code done}; returns the
     * last answer either way, for the caller's assertion to explain what was seen.
     */
    static Reply await(Supplier<Reply> ask, Predicate<Reply> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Reply reply = ask.get();
        while (!done.test(reply) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            reply = ask.get();
        }
        return reply;
    }
}
