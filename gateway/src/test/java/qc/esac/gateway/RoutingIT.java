package qc.esac.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.handler.RoutePredicateHandlerMapping;
import org.springframework.web.reactive.function.server.support.RouterFunctionMapping;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/** Requests reach the right service with the right headers, and the answers come back intact. */
class RoutingIT extends GatewayIT {

    @Autowired
    RoutePredicateHandlerMapping routePredicateHandlerMapping;

    // By name: the actuator has a RequestMappingHandlerMapping of its own (controllerEndpointHandlerMapping).
    @Autowired
    RequestMappingHandlerMapping requestMappingHandlerMapping;

    @Autowired
    RouterFunctionMapping routerFunctionMapping;

    @Test
    void routesAreLookedUpBeforeTheControllersAndNoRouteTakesAControllersPath() {
        // A proxied call no longer searches every controller mapping first, in vain.
        assertThat(routePredicateHandlerMapping.getOrder()).isLessThan(requestMappingHandlerMapping.getOrder())
                .isLessThan(routerFunctionMapping.getOrder());
        // The gateway's own controllers still answer: the AsyncAPI document, the event schemas, the portal session.
        client.get().uri("/api-docs/events/asyncapi.yaml").exchange().expectStatus().isOk();
        client.get().uri("/portal/session").exchange().expectStatus().isOk();
    }

    @Test
    void eachContextGoesToItsServiceWithPathQueryAndTokenIntact() {
        String token = staffToken();
        for (var entry : java.util.Map.of("membership", MEMBERSHIP, "training", TRAINING, "insurance", INSURANCE,
                "projects", PROJECTS).entrySet()) {
            client.get().uri("/api/" + entry.getKey() + "/items/42?page=2&size=10")
                    .header(HttpHeaders.AUTHORIZATION, bearer(token))
                    .exchange().expectStatus().isOk();
            Backend.Received received = entry.getValue().last();
            assertThat(received.path()).isEqualTo("/api/" + entry.getKey() + "/items/42");
            assertThat(received.query()).isEqualTo("page=2&size=10");
            // Relayed as is: the service validates the same token again.
            assertThat(received.header("Authorization")).isEqualTo(bearer(token));
        }
    }

    @Test
    void requestIdIsCreatedForwardedAndReturned() {
        EntityExchangeResult<byte[]> result = client.get().uri("/api/membership/organizations")
                .header(HttpHeaders.AUTHORIZATION, bearer(staffToken()))
                .exchange().expectStatus().isOk().expectBody().returnResult();
        String returned = result.getResponseHeaders().getFirst("X-Request-Id");
        assertThat(returned).isNotBlank();
        assertThat(MEMBERSHIP.last().header("X-Request-Id")).isEqualTo(returned);
    }

    @Test
    void clientRequestIdIsKeptWhenSaneAndReplacedWhenNot() {
        client.get().uri("/api/membership/organizations").header(HttpHeaders.AUTHORIZATION, bearer(staffToken()))
                .header("X-Request-Id", "mobile-7f3a-0001")
                .exchange().expectHeader().valueEquals("X-Request-Id", "mobile-7f3a-0001");
        assertThat(MEMBERSHIP.last().header("X-Request-Id")).isEqualTo("mobile-7f3a-0001");

        String hostile = "x".repeat(300);
        String replaced = client.get().uri("/api/membership/organizations")
                .header(HttpHeaders.AUTHORIZATION, bearer(staffToken())).header("X-Request-Id", hostile)
                .exchange().returnResult(String.class).getResponseHeaders().getFirst("X-Request-Id");
        assertThat(replaced).isNotEqualTo(hostile).hasSizeLessThan(64);
    }

    @Test
    void traceContextTravelsToTheServiceAndIsReturned() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        EntityExchangeResult<byte[]> result = client.get().uri("/api/training/courses")
                .header(HttpHeaders.AUTHORIZATION, bearer(staffToken()))
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .exchange().expectStatus().isOk().expectBody().returnResult();
        String forwarded = TRAINING.last().header("traceparent");
        assertThat(forwarded).as("traceparent received by the service").startsWith("00-" + traceId + "-")
                .doesNotContain("00f067aa0ba902b7");
        assertThat(result.getResponseHeaders().getFirst("traceresponse")).startsWith("00-" + traceId + "-");
    }

    @Test
    void hopByHopHeadersStopAtTheGateway() {
        client.get().uri("/api/projects/projects").header(HttpHeaders.AUTHORIZATION, bearer(staffToken()))
                .header("Keep-Alive", "timeout=5").header("Proxy-Authorization", "Basic c2VjcmV0")
                .header("TE", "trailers").header("Connection", "keep-alive, X-Interne-Client")
                .header("X-Interne-Client", "ne-pas-transmettre").header("Idempotency-Key", "cle-1")
                .exchange().expectStatus().isOk();
        Backend.Received received = PROJECTS.last();
        assertThat(received.header("Keep-Alive")).isNull();
        assertThat(received.header("Proxy-Authorization")).isNull();
        assertThat(received.header("TE")).isNull();
        assertThat(received.header("X-Interne-Client")).as("header nominated by Connection").isNull();
        assertThat(received.header("Idempotency-Key")).isEqualTo("cle-1");
    }

    @Test
    void idempotencyKeyAndVersionsPassThroughBothWays() {
        MEMBERSHIP.answer((exchange, request) -> {
            if ("\"7\"".equals(request.header("If-None-Match"))) {
                exchange.getResponseHeaders().set("ETag", "\"7\"");
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            exchange.getResponseHeaders().set("ETag", "\"7\"");
            exchange.getResponseHeaders().set("Location", "/api/membership/organizations/o-1");
            Backend.json(exchange, 201, "{\"id\":\"o-1\"}");
        });
        String token = staffToken();
        client.post().uri("/api/membership/organizations").header(HttpHeaders.AUTHORIZATION, bearer(token))
                .header("Idempotency-Key", "6f1c2a7e-cle").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"Cuisine collective\"}")
                .exchange().expectStatus().isCreated()
                .expectHeader().valueEquals("ETag", "\"7\"")
                .expectHeader().valueEquals("Location", "/api/membership/organizations/o-1");
        assertThat(MEMBERSHIP.last().header("Idempotency-Key")).isEqualTo("6f1c2a7e-cle");

        client.put().uri("/api/membership/organizations/o-1").header(HttpHeaders.AUTHORIZATION, bearer(token))
                .header("If-Match", "\"7\"").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isCreated();
        assertThat(MEMBERSHIP.last().header("If-Match")).isEqualTo("\"7\"");

        client.get().uri("/api/membership/organizations/o-1").header(HttpHeaders.AUTHORIZATION, bearer(token))
                .header("If-None-Match", "\"7\"")
                .exchange().expectStatus().isNotModified().expectHeader().valueEquals("ETag", "\"7\"");
    }

    @Test
    void locationOfACreatedResourcePointsAtTheGatewayNotTheService() {
        MEMBERSHIP.answer((exchange, request) -> {
            exchange.getResponseHeaders().set("Location", "http://10.0.0.9:8081/api/membership/organizations/o-9");
            Backend.json(exchange, 201, "{\"id\":\"o-9\"}");
        });
        client.post().uri("/api/membership/organizations").header(HttpHeaders.AUTHORIZATION, bearer(staffToken()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.LOCATION,
                        "http://127.0.0.1:" + port + "/api/membership/organizations/o-9");
    }

    @Test
    void servicesDecideHowTheirAnswersAreCached() {
        TRAINING.answer((exchange, request) -> {
            exchange.getResponseHeaders().set("Cache-Control", "public, max-age=300");
            exchange.getResponseHeaders().set("ETag", "\"catalogue-12\"");
            Backend.json(exchange, 200, "{\"items\":[]}");
        });
        client.get().uri("/api/training/courses").exchange().expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "public, max-age=300")
                .expectHeader().doesNotExist(HttpHeaders.PRAGMA)
                .expectHeader().doesNotExist(HttpHeaders.EXPIRES)
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"catalogue-12\"");
    }

    @Test
    void largeJsonAnswersAreCompressedForClientsThatAcceptGzip() throws Exception {
        String big = "{\"items\":[" + String.join(",", java.util.Collections.nCopies(400,
                "{\"nom\":\"Coopérative de solidarité\",\"region\":\"04\"}")) + "]}";
        TRAINING.answer((exchange, request) -> Backend.json(exchange, 200, big));
        // A plain JDK client: it neither asks for nor undoes compression on its own.
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest
                .newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/api/training/courses"))
                .header(HttpHeaders.AUTHORIZATION, bearer(staffToken()));
        java.net.http.HttpResponse<byte[]> gzipped = http.send(request.copy().header(HttpHeaders.ACCEPT_ENCODING, "gzip")
                .build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(gzipped.statusCode()).isEqualTo(200);
        assertThat(gzipped.headers().firstValue(HttpHeaders.CONTENT_ENCODING)).hasValue("gzip");
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped.body()))) {
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(big);
        }
        java.net.http.HttpResponse<String> plain = http.send(request.build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(plain.headers().firstValue(HttpHeaders.CONTENT_ENCODING)).isEmpty();
        assertThat(plain.body()).isEqualTo(big);
    }

    @Test
    void unknownRouteIsAFrenchProblem() {
        client.get().uri("/api/inconnu/chose").header(HttpHeaders.AUTHORIZATION, bearer(staffToken()))
                .exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.CONTENT_LANGUAGE, "fr-CA")
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://esac.quebec/problemes/route-inconnue")
                .jsonPath("$.title").isEqualTo("Route inconnue")
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.detail").isEqualTo("Aucune ressource ne correspond au chemin /api/inconnu/chose.")
                .jsonPath("$.instance").isEqualTo("/api/inconnu/chose")
                .jsonPath("$.requestId").isNotEmpty();
        client.get().uri("/nulle-part").header(HttpHeaders.ACCEPT_LANGUAGE, "en-CA,en;q=0.9,fr;q=0.5")
                .exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.title").isEqualTo("Unknown route");
    }

    @Test
    void oversizedBodyIsRefusedWith413BeforeReachingTheService() {
        byte[] body = new byte[(MAX_BODY_KB + 1) * 1024];
        Arrays.fill(body, (byte) 'a');
        client.post().uri("/api/projects/projects").header(HttpHeaders.AUTHORIZATION, bearer(staffToken()))
                .contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(body)
                .exchange().expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://esac.quebec/problemes/contenu-trop-volumineux")
                .jsonPath("$.title").isEqualTo("Contenu trop volumineux")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("64").contains("ko"));
        assertThat(PROJECTS.received()).isEmpty();

        byte[] fits = new byte[(MAX_BODY_KB - 1) * 1024];
        client.post().uri("/api/projects/projects").header(HttpHeaders.AUTHORIZATION, bearer(staffToken()))
                .contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(fits)
                .exchange().expectStatus().isOk();
        assertThat(PROJECTS.last().bodyLength()).isEqualTo(fits.length);
    }

    @Test
    void oversizedChunkedBodyIsCutOffToo() {
        byte[] chunk = new byte[8 * 1024];
        reactor.core.publisher.Flux<org.springframework.core.io.buffer.DataBuffer> chunks =
                reactor.core.publisher.Flux.range(0, MAX_BODY_KB / 8 + 4).map(i ->
                        org.springframework.core.io.buffer.DefaultDataBufferFactory.sharedInstance.wrap(chunk.clone()));
        client.post().uri("/api/projects/projects").header(HttpHeaders.AUTHORIZATION, bearer(staffToken()))
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(chunks, org.springframework.core.io.buffer.DataBuffer.class)
                .exchange().expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(PROJECTS.received()).allSatisfy(received ->
                assertThat(received.bodyLength()).isLessThanOrEqualTo(MAX_BODY_KB * 1024));
    }

    @Test
    void browserFrontEndsOnAllowedOriginsPassThePreflight() {
        client.options().uri("/api/membership/organizations").header(HttpHeaders.ORIGIN, ALLOWED_ORIGIN)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "PUT")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization, if-match, idempotency-key")
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED_ORIGIN);
        client.options().uri("/api/membership/organizations").header(HttpHeaders.ORIGIN, "https://malveillant.test")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
                .exchange().expectStatus().isForbidden();
        client.get().uri("/api/membership/organizations").header(HttpHeaders.ORIGIN, ALLOWED_ORIGIN)
                .header(HttpHeaders.AUTHORIZATION, bearer(staffToken()))
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED_ORIGIN)
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, exposed ->
                        assertThat(exposed).contains("ETag").contains("X-Request-Id").contains("Retry-After").contains("Idempotency-Replayed"));
        assertThat(MEMBERSHIP.received()).hasSize(1);
    }

    @Test
    void answersCarrySecurityHeaders() {
        client.get().uri("/api/membership/organizations").header(HttpHeaders.AUTHORIZATION, bearer(staffToken()))
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("Content-Security-Policy", "frame-ancestors 'none'")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer");
    }
}
