package qc.esac.fault;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Synchronous HTTP calls with a bearer token; a call that gets no answer is status -1, never an exception. */
final class Api {

    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();
    private final String token;

    Api(String token) {
        this.token = token;
    }

    /** One answer: status (-1: none), headers, body, and how long it took. */
    record Answer(int status, HttpResponse<String> response, String body, long millis) {

        String header(String name) {
            return response == null ? null : response.headers().firstValue(name).orElse(null);
        }
    }

    Answer get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET(), Map.of());
    }

    Answer get(URI uri, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(uri).GET(), headers);
    }

    Answer post(URI uri, String json, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(uri).POST(body(json)).header("Content-Type", "application/json"), headers);
    }

    Answer put(URI uri, String json, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(uri).PUT(body(json)).header("Content-Type", "application/json"), headers);
    }

    private static HttpRequest.BodyPublisher body(String json) {
        return json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json);
    }

    private Answer send(HttpRequest.Builder request, Map<String, String> headers) {
        request.timeout(TIMEOUT).header("Authorization", "Bearer " + token).header("Accept-Language", "fr");
        headers.forEach(request::header);
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response, response.body(), (System.nanoTime() - start) / 1_000_000);
        } catch (IOException e) {
            return new Answer(-1, null, e.toString(), (System.nanoTime() - start) / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, null, "interrupted", (System.nanoTime() - start) / 1_000_000);
        }
    }
}
