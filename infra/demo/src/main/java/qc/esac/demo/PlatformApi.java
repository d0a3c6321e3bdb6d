package qc.esac.demo;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The platform's public API as the loader sees it: JSON over HTTP at the gateway, with a bearer token. Every
 * call says which statuses it expects; anything else stops the load with the problem the platform answered.
 */
final class PlatformApi {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_ATTEMPTS = 60;
    private static final int MAX_UNAVAILABLE = 5;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI gateway;
    private final Supplier<String> token;

    PlatformApi(URI gateway, Supplier<String> token) {
        this.gateway = gateway;
        this.token = token;
    }

    /** A response: its status, its body parsed (an empty object when there is none) and its version tag. */
    record Reply(int status, JsonNode body, Optional<String> etag) {

        String text(String field) {
            return body.path(field).asString();
        }
    }

    Reply get(String path, int... expected) {
        return send("GET", path, null, Map.of(), expected);
    }

    Reply post(String path, Object body, String idempotencyKey, int... expected) {
        return send("POST", path, body, idempotencyKey == null ? Map.of() : Map.of("Idempotency-Key", idempotencyKey),
                expected);
    }

    Reply postIfMatch(String path, Object body, String etag, String idempotencyKey, int... expected) {
        return send("POST", path, body, Map.of("If-Match", etag, "Idempotency-Key", idempotencyKey), expected);
    }

    Reply put(String path, Object body, int... expected) {
        return send("PUT", path, body, Map.of(), expected);
    }

    Reply send(String method, String path, Object body, Map<String, String> headers, int... expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token.get())
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        new LinkedHashMap<>(headers).forEach(request::header);
        HttpResponse<String> response = sendWithinQuota(request.build());
        if (Arrays.stream(expected).noneMatch(status -> status == response.statusCode())) {
            throw new DemoLoadException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        JsonNode parsed = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        return new Reply(response.statusCode(), parsed, response.headers().firstValue("ETag"));
    }

    /**
     * Sends the request, waiting as the gateway asks when the caller's request quota is spent (429 with
     * {@code Retry-After}: the gateway refused it before any service saw it), and again a little later when a
     * service was unavailable or slow to answer (502, 503, 504: a service still warming up). Sending again is
     * safe: reads and PUTs are idempotent, and every POST of the loader carries an {@code Idempotency-Key}.
     */
    private HttpResponse<String> sendWithinQuota(HttpRequest request) {
        try {
            int unavailable = 0;
            for (int attempt = 1; ; attempt++) {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                boolean transientFailure = status == 502 || status == 503 || status == 504;
                if (status != 429 && !transientFailure || attempt == MAX_ATTEMPTS
                        || transientFailure && ++unavailable > MAX_UNAVAILABLE) {
                    return response;
                }
                Thread.sleep(status == 429 ? retryAfterMillis(response) : 500L * unavailable);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + request.method() + " " + request.uri(), e);
        }
    }

    private static long retryAfterMillis(HttpResponse<String> response) {
        try {
            return Math.min(5_000, Math.max(100, Long.parseLong(response.headers().firstValue("Retry-After")
                    .orElse("1").trim()) * 1000));
        } catch (NumberFormatException e) {
            return 1_000;
        }
    }

    static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The load could not go on: the platform refused a request the content needs. */
    static final class DemoLoadException extends RuntimeException {
        DemoLoadException(String message) {
            super(message);
        }
    }
}
