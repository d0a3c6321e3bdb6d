package qc.esac.training;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** A small HTTP client for the service's API tests: JSON in, JSON out, a bearer token or none. */
public final class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    public Api(int port) {
        this.port = port;
    }

    public Response get(String path, String token) {
        return send(request(path, token, null).GET());
    }

    public Response post(String path, String token, Object body) {
        return send(request(path, token, null).POST(body(body)));
    }

    /** As {@link #post} with an {@code Idempotency-Key}, as a client that may retry does. */
    public Response postOnce(String path, String token, Object body, String idempotencyKey) {
        return send(request(path, token, null).header("Idempotency-Key", idempotencyKey).POST(body(body)));
    }

    public Response put(String path, String token, Object body, String ifMatch) {
        return send(request(path, token, ifMatch).PUT(body(body)));
    }

    /** As {@link #get} but the caller prefers English. */
    public Response getEnglish(String path, String token) {
        return send(request(path, token, null, "en").GET());
    }

    /** As {@link #post} but the caller prefers English. */
    public Response postEnglish(String path, String token, Object body) {
        return send(request(path, token, null, "en").POST(body(body)));
    }

    private HttpRequest.Builder request(String path, String token, String ifMatch) {
        return request(path, token, ifMatch, "fr-CA");
    }

    private HttpRequest.Builder request(String path, String token, String ifMatch, String language) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").header("Accept-Language", language);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (ifMatch != null) {
            builder.header("If-Match", ifMatch);
        }
        return builder;
    }

    private static HttpRequest.BodyPublisher body(Object body) {
        if (body == null) {
            return HttpRequest.BodyPublishers.noBody();
        }
        String json = body instanceof String text ? text : JSON.writeValueAsString(body);
        return HttpRequest.BodyPublishers.ofString(json);
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body() == null || response.body().isBlank() ? null : JSON.readTree(response.body());
            return new Response(response.statusCode(), body, response.body(),
                    response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Content-Type").orElse(null));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, JsonNode body, String raw, String etag, String contentType) {

        public Response expect(int expected) {
            assertThat(status).as(raw).isEqualTo(expected);
            return this;
        }

        /** A problem+json answer with this status whose detail (in French by default) contains the text. */
        public Response expectProblem(int expected, String detailContains) {
            expect(expected);
            assertThat(contentType).startsWith("application/problem+json");
            assertThat(body.path("detail").asString()).as(raw).contains(detailContains);
            return this;
        }

        public String text(String pointer) {
            return body.at(pointer).asString();
        }
    }
}
