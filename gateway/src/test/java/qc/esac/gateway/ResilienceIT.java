package qc.esac.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import reactor.core.publisher.Mono;

/** A service that hangs, fails or is gone costs its callers a fast problem, and nobody else anything. */
class ResilienceIT extends GatewayIT {

    @Autowired
    CircuitBreakerRegistry breakers;

    @Autowired
    TimeLimiterRegistry timeLimiters;

    @Test
    void breakersHaveExplicitWindowsAndThresholds() {
        client.get().uri("/api/membership/organizations").header(HttpHeaders.AUTHORIZATION, bearer(staffToken()))
                .exchange().expectStatus().isOk();
        CircuitBreakerConfig config = breakers.circuitBreaker("membership").getCircuitBreakerConfig();
        assertThat(config.getSlidingWindowType()).isEqualTo(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED);
        assertThat(config.getSlidingWindowSize()).isEqualTo(20);
        assertThat(config.getMinimumNumberOfCalls()).isEqualTo(10);
        assertThat(config.getFailureRateThreshold()).isEqualTo(50f);
        assertThat(config.getSlowCallDurationThreshold()).isEqualTo(Duration.ofSeconds(3));
        assertThat(config.getWaitIntervalFunctionInOpenState().apply(1)).isEqualTo(10_000L);
        assertThat(timeLimiters.timeLimiter("membership").getTimeLimiterConfig().getTimeoutDuration())
                .isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void aHangingServiceGivesA504ProblemWhileOtherRoutesKeepAnswering() {
        LENT.hang();
        String token = staffToken();
        // The slow call is in flight while another service is asked.
        Mono<HttpStatus> slow = Mono.fromCallable(() -> HttpStatus.valueOf(client.get().uri("/api/lent/rapports")
                .header(HttpHeaders.AUTHORIZATION, bearer(token)).exchange()
                .returnResult(String.class).getStatus().value()));
        var pending = slow.subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic()).toFuture();
        client.get().uri("/api/membership/organizations").header(HttpHeaders.AUTHORIZATION, bearer(token))
                .exchange().expectStatus().isOk();
        assertThat(pending.join()).isEqualTo(HttpStatus.GATEWAY_TIMEOUT);

        client.get().uri("/api/lent/rapports").header(HttpHeaders.AUTHORIZATION, bearer(token))
                .exchange().expectStatus().isEqualTo(HttpStatus.GATEWAY_TIMEOUT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://esac.quebec/problemes/delai-depasse")
                .jsonPath("$.title").isEqualTo("Délai dépassé")
                .jsonPath("$.code").isEqualTo("service.delai-depasse");
    }

    @Test
    void eachRouteHasItsOwnResponseTimeout() {
        LENT.hang();
        // "tardif" allows 500 ms per attempt (the time limiter would wait 8 s).
        client.get().uri("/api/tardif/rapports").header(HttpHeaders.AUTHORIZATION, bearer(staffToken()))
                .exchange().expectStatus().isEqualTo(HttpStatus.GATEWAY_TIMEOUT)
                .expectBody().jsonPath("$.code").isEqualTo("service.delai-depasse");
        assertThat(LENT.received()).as("a timed-out GET is not repeated").hasSize(1);
    }

    @Test
    void aFailingServiceTripsItsBreakerAndGetsA503WithRetryAfter() {
        breakers.circuitBreaker("fragile").reset();
        FRAGILE.answer((exchange, request) -> Backend.send(exchange, 500, "application/problem+json",
                "{\"status\":500,\"title\":\"Panne du service fragile\"}"));
        String token = staffToken();
        for (int i = 0; i < 4; i++) {
            // The service's own problem reaches the client untouched while the breaker counts it.
            client.get().uri("/api/fragile/elements").header(HttpHeaders.AUTHORIZATION, bearer(token))
                    .exchange().expectStatus().isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR)
                    .expectBody().jsonPath("$.title").isEqualTo("Panne du service fragile");
        }
        assertThat(breakers.circuitBreaker("fragile").getState()).isEqualTo(CircuitBreaker.State.OPEN);
        // Operators (and infra/fault) see the state in the Prometheus exposition, one gauge per state.
        assertThat(breakerGauge("fragile", "open")).isEqualTo("1.0");
        assertThat(breakerGauge("fragile", "closed")).isEqualTo("0.0");

        client.get().uri("/api/fragile/elements").header(HttpHeaders.AUTHORIZATION, bearer(token))
                .exchange().expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "60")
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://esac.quebec/problemes/service-indisponible")
                .jsonPath("$.title").isEqualTo("Service indisponible")
                .jsonPath("$.detail").isEqualTo(
                        "Le service fragile est temporairement indisponible. Réessayez dans quelques instants.");
        assertThat(FRAGILE.received()).as("an open breaker does not call the service").hasSize(4);

        client.get().uri("/api/training/courses").header(HttpHeaders.AUTHORIZATION, bearer(token))
                .exchange().expectStatus().isOk();
        breakers.circuitBreaker("fragile").reset();
    }

    @Test
    void theBreakerStateIsExposedAsAPrometheusGauge() {
        breakers.circuitBreaker("fragile").reset();
        client.get().uri("/api/fragile/elements").header(HttpHeaders.AUTHORIZATION, bearer(staffToken()))
                .exchange();
        assertThat(breakerGauge("fragile", "closed")).isEqualTo("1.0");
        assertThat(breakerGauge("fragile", "open")).isEqualTo("0.0");
    }

    /** The value of {@code resilience4j_circuitbreaker_state{name, state}} in the gateway's exposition. */
    private String breakerGauge(String name, String state) {
        String exposition = client.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        return exposition.lines()
                .filter(line -> line.startsWith("resilience4j_circuitbreaker_state{")
                        && line.contains("name=\"" + name + "\"") && line.contains("state=\"" + state + "\""))
                .map(line -> line.substring(line.lastIndexOf(' ') + 1)).findFirst().orElse("absent");
    }

    /**
     * Overload: a route's concurrent calls are bounded (Resilience4j's bulkhead, 25 per service); the next caller is
     * refused at once with a problem, never queued. Nothing of the overload stays: callers that gave up (connection
     * closed while their call waited on the service) return their call's place as the answered ones do, so the route
     * admits its 25 concurrent calls again afterwards.
     */
    @Test
    void anOverloadIsRefusedAtOnceAndLeavesNothingBehind() throws Exception {
        breakers.circuitBreaker("fragile").reset();
        String token = staffToken();
        AtomicInteger waiting = new AtomicInteger();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.List<java.net.Socket> callers = heldCalls(waiting, release, token);

        long start = System.nanoTime();
        client.get().uri("/api/fragile/elements").header(HttpHeaders.AUTHORIZATION, bearer(token))
                .exchange().expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://esac.quebec/problemes/service-sature")
                .jsonPath("$.code").isEqualTo("service.sature");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("refused without waiting")
                .isLessThan(Duration.ofSeconds(2));
        assertThat(waiting).as("the refused call never reached the service").hasValue(CONCURRENT_CALLS);

        // Most callers give up; the others get their answers.
        for (java.net.Socket gaveUp : callers.subList(0, CONCURRENT_CALLS - 5)) {
            gaveUp.close();
        }
        // Their places return as soon as they leave, before the service answers anything.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!"20.0".equals(bulkheadAvailable("fragile")) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(bulkheadAvailable("fragile")).isEqualTo("20.0");
        release.countDown();
        for (java.net.Socket patient : callers.subList(CONCURRENT_CALLS - 5, CONCURRENT_CALLS)) {
            try (patient) {
                assertThat(statusLine(patient)).isEqualTo("HTTP/1.1 200 OK");
            }
        }

        // Every place is back: 25 calls at once reach the service again.
        waiting.set(0);
        java.util.concurrent.CountDownLatch second = new java.util.concurrent.CountDownLatch(1);
        java.util.List<java.net.Socket> again = heldCalls(waiting, second, token);
        second.countDown();
        for (java.net.Socket caller : again) {
            try (caller) {
                assertThat(statusLine(caller)).isEqualTo("HTTP/1.1 200 OK");
            }
        }
        assertThat(breakers.circuitBreaker("fragile").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    /**
     * {@link #CONCURRENT_CALLS} GETs, each on its own connection, all held by the service until {@code release}
     * (counted in {@code waiting} as they arrive).
     */
    private java.util.List<java.net.Socket> heldCalls(AtomicInteger waiting, java.util.concurrent.CountDownLatch release,
                                                      String token) throws Exception {
        FRAGILE.answer((exchange, request) -> {
            waiting.incrementAndGet();
            try {
                release.await(20, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Backend.echo(exchange, request);
        });
        java.util.List<java.net.Socket> callers = new java.util.ArrayList<>();
        for (int i = 0; i < CONCURRENT_CALLS; i++) {
            callers.add(rawGet("/api/fragile/elements", token));
        }
        awaitValue(waiting, CONCURRENT_CALLS);
        return callers;
    }

    /** {@code resilience4j_bulkhead_available_concurrent_calls{name}} in the gateway's exposition. */
    private String bulkheadAvailable(String name) {
        String exposition = client.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        return exposition.lines()
                .filter(line -> line.startsWith("resilience4j_bulkhead_available_concurrent_calls{")
                        && line.contains("name=\"" + name + "\""))
                .map(line -> line.substring(line.lastIndexOf(' ') + 1)).findFirst().orElse("absent");
    }

    /** Resilience4j's bulkhead default, which the gateway keeps: concurrent calls per service. */
    private static final int CONCURRENT_CALLS = 25;

    /** A GET on its own connection, its answer left unread. */
    private java.net.Socket rawGet(String path, String token) throws java.io.IOException {
        java.net.Socket socket = new java.net.Socket("127.0.0.1", port);
        socket.setSoTimeout(20_000);
        socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    private static String statusLine(java.net.Socket socket) throws java.io.IOException {
        return new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                java.nio.charset.StandardCharsets.US_ASCII)).readLine();
    }

    private static void awaitValue(AtomicInteger counter, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (counter.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(counter).hasValue(expected);
    }

    @Test
    void aServiceThatIsDownGivesA503ProblemInTheCallersLanguage() {
        client.get().uri("/api/absent/elements").header(HttpHeaders.AUTHORIZATION, bearer(staffToken()))
                .exchange().expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectBody()
                .jsonPath("$.code").isEqualTo("service.indisponible")
                .jsonPath("$.title").isEqualTo("Service indisponible");
        client.post().uri("/api/absent/elements").header(HttpHeaders.AUTHORIZATION, bearer(staffToken()))
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectBody().jsonPath("$.title").isEqualTo("Service unavailable");
    }

    @Test
    void onlySafeMethodsAreRetried() {
        AtomicInteger calls = new AtomicInteger();
        PROJECTS.answer((exchange, request) -> {
            if (calls.incrementAndGet() % 2 == 1) {
                Backend.send(exchange, 503, "application/problem+json", "{\"status\":503}");
            }
            else {
                Backend.echo(exchange, request);
            }
        });
        String token = staffToken();
        client.get().uri("/api/projects/projects").header(HttpHeaders.AUTHORIZATION, bearer(token))
                .exchange().expectStatus().isOk();
        assertThat(PROJECTS.received()).hasSize(2);

        PROJECTS.reset();
        calls.set(0);
        PROJECTS.answer((exchange, request) -> Backend.send(exchange, 503, "application/problem+json",
                "{\"status\":503}"));
        client.post().uri("/api/projects/projects").header(HttpHeaders.AUTHORIZATION, bearer(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"nom\":\"Pôle logistique alimentaire\"}")
                .exchange().expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(PROJECTS.received()).as("a POST is never repeated").hasSize(1);
    }
}
