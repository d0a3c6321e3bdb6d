package qc.esac.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The HTTP calls of the benchmarks: asynchronous (java.net.http), HTTP/1.1 as the gateway and the services
 * speak it, a timeout on every request.
 */
final class Api {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    /**
     * Requests under way at once, at most (so connections per target, as java.net.http opens one per request in
     * flight): far above what a target answers at its highest rate (16 closed-model connections; an open model at
     * 1,000/s with 100 ms answers has 100 in flight), far below the benchmark JVM's 20,000 descriptors.
     */
    static final int MAX_IN_FLIGHT = 512;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String token;
    private final InFlightLimit inFlight;
    /** Distinct in each run: names and NEQs never collide with an earlier run's on a kept data directory. */
    private final String run = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36), 36);
    private final AtomicLong neqs = new AtomicLong(1_000_000_000L + ThreadLocalRandom.current().nextLong(8_000_000_000L));
    private final AtomicLong names = new AtomicLong();

    Api(String token) {
        this(token, MAX_IN_FLIGHT);
    }

    Api(String token, int maxInFlight) {
        this.token = token;
        this.inFlight = new InFlightLimit(maxInFlight);
    }

    /** What a registration answered: its status and, when created, the new organization's id. */
    record Registered(int status, Optional<String> id) {
    }

    /** The name search term that finds the {@code n}th organization this run registered. */
    String nameOf(long n) {
        return "banc-%s-%06d".formatted(run, n).toLowerCase(Locale.ROOT);
    }

    /** Registers a new organization ({@code POST /api/membership/organizations}) at {@code base}. */
    CompletableFuture<Registered> register(URI base) {
        long n = names.incrementAndGet();
        long neq = neqs.incrementAndGet();
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/membership/organizations"))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"legalName": "Organisme %s", "neq": "%d", "legalForm": "OBNL", "regionCode": "06",
                         "sectorCodes": []}""".formatted(nameOf(n), neq)))
                .build();
        return inFlight.submit(() -> http.sendAsync(request, HttpResponse.BodyHandlers.discarding())).thenApply(response -> {
            Optional<String> id = response.statusCode() == 201
                    ? response.headers().firstValue("Location").map(l -> l.substring(l.lastIndexOf('/') + 1))
                    : Optional.empty();
            return new Registered(response.statusCode(), id);
        });
    }

    /** A GET, with the staff token or anonymous; completes with the status, the body read and dropped. */
    CompletableFuture<Integer> get(URI uri, boolean authenticated) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET()
                .header("Accept", "application/json");
        if (authenticated) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpRequest built = request.build();
        // The future returned is the limit's own, and cancelling it (an abandoned open-model request) reaches the
        // exchange itself (java.net.http aborts it and closes its connection).
        return inFlight.submit(() -> {
            CompletableFuture<HttpResponse<Void>> exchange = http.sendAsync(built, HttpResponse.BodyHandlers.discarding());
            CompletableFuture<Integer> status = exchange.thenApply(HttpResponse::statusCode);
            status.whenComplete((value, error) -> {
                if (status.isCancelled()) {
                    exchange.cancel(true);
                }
            });
            return status;
        });
    }

    /** A GET whose body is wanted (metrics, counts). */
    String text(URI uri) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET()
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + uri + " answered " + response.statusCode());
            }
            return response.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
