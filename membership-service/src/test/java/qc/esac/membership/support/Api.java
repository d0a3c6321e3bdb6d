package qc.esac.membership.support;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** A small HTTP client for the service under test: real requests with real tokens. */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    public Api(int port) {
        this.port = port;
    }

    public Response get(String path, String token) {
        return send("GET", path, token, null, Map.of());
    }

    public Response post(String path, String token, String body) {
        return send("POST", path, token, body, Map.of());
    }

    public Response post(String path, String token, String body, String ifMatch) {
        return send("POST", path, token, body, ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch));
    }

    public Response put(String path, String token, String body, String ifMatch) {
        return send("PUT", path, token, body, ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch));
    }

    public Response send(String method, String path, String token, String body, Map<String, String> headers) {
        return send(method, path, token, body, "application/json", headers);
    }

    public Response send(String method, String path, String token, String body, String contentType,
                         Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers().firstValue("ETag"),
                    response.headers().firstValue("Content-Type"));
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path, e);
        }
    }

    public static String randomNeq() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
    }

    /** A response, its body parsed when it is JSON. */
    public record Response(int status, String body, Optional<String> etag, Optional<String> contentType) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String text(String field) {
            return json().path(field).asString();
        }

        public boolean isProblem() {
            return contentType.map(t -> t.startsWith("application/problem+json")).orElse(false);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
