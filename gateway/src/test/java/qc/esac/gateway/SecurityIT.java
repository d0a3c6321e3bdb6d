package qc.esac.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Who gets through: tokens checked at the door, public routes open, operations for staff only. */
class SecurityIT extends GatewayIT {

    @Test
    void apiWithoutTokenIsA401ProblemInFrenchAndNothingReachesTheService() {
        client.get().uri("/api/membership/organizations")
                .exchange().expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader().exists("X-Request-Id")
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://esac.quebec/problemes/authentification-requise")
                .jsonPath("$.title").isEqualTo("Authentification requise")
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.detail").isEqualTo("Vous devez être authentifié pour accéder à cette ressource.")
                .jsonPath("$.code").isEqualTo("authentification.requise");
        assertThat(MEMBERSHIP.received()).isEmpty();
    }

    @Test
    void englishOnRequest() {
        client.get().uri("/api/insurance/plans").header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .exchange().expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.CONTENT_LANGUAGE, "en")
                .expectBody().jsonPath("$.title").isEqualTo("Authentication required");
    }

    @Test
    void invalidTokensAreRefusedWith401() {
        for (String token : new String[] {ISSUER.expired("staff-1"), ISSUER.signedByStranger("staff-1"),
                ISSUER.forAudience("staff-1", "autre-api"), ISSUER.fromIssuer("staff-1", "https://faux.test"),
                ISSUER.withoutSubject(), "pas-un-jwt"}) {
            expectInvalidToken(client.get().uri("/api/training/registrations")
                    .header(HttpHeaders.AUTHORIZATION, bearer(token)));
        }
        assertThat(TRAINING.received()).isEmpty();
    }

    /**
     * The same refusals one after the other on one kept-alive connection, as browsers and proxies send them,
     * with readiness probes between. A token signed by an unknown key makes the gateway fetch the issuer's keys
     * again, and the health checks answer from their own scheduler: such answers used to complete off the
     * connection's thread, and the next request on the connection then rarely got no answer at all (a race in
     * the server's keep-alive handling; see CompleteOnConnectionEventLoop). Every request must be answered.
     */
    @Test
    void invalidTokensOneAfterAnotherOnOneKeptAliveConnectionAreAllAnswered() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            for (int round = 0; round < 60; round++) {
                for (String token : new String[] {ISSUER.signedByStranger("staff-1"), ISSUER.expired("staff-1"),
                        ISSUER.fromIssuer("staff-1", "https://faux.test"), ISSUER.forAudience("staff-1", "autre-api"),
                        "pas-un-jwt"}) {
                    socket.getOutputStream().write(("GET /api/training/registrations HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            + "Authorization: Bearer " + token + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    String head;
                    try {
                        head = readResponse(socket.getInputStream());
                    }
                    catch (SocketTimeoutException e) {
                        throw new AssertionError("No answer within 10 s in round " + round, e);
                    }
                    assertThat(head).startsWith("HTTP/1.1 401");
                }
                socket.getOutputStream().write(("GET /actuator/health/readiness HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                assertThat(readResponse(socket.getInputStream())).startsWith("HTTP/1.1 200");
            }
        }
        assertThat(TRAINING.received()).isEmpty();
    }

    /** Reads one response (its head, then as many body bytes as it declares); returns the head. */
    private static String readResponse(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                throw new AssertionError("Connection closed by the gateway after: " + head);
            }
            head.append((char) next);
        }
        Matcher length = Pattern.compile("(?i)content-length:\\s*(\\d+)").matcher(head);
        if (length.find()) {
            in.readNBytes(Integer.parseInt(length.group(1)));
        }
        else {
            assertThat(head.toString().toLowerCase(java.util.Locale.ROOT)).contains("transfer-encoding: chunked");
            for (int size = chunkSize(in); size > 0; size = chunkSize(in)) {
                in.readNBytes(size + 2);
            }
            in.readNBytes(2);
        }
        return head.toString();
    }

    private static int chunkSize(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int next = in.read(); next != '\n'; next = in.read()) {
            if (next < 0) {
                throw new AssertionError("Connection closed inside a chunked answer");
            }
            line.append((char) next);
        }
        return Integer.parseInt(line.toString().trim().split(";")[0], 16);
    }

    @Test
    void anInvalidTokenIsRefusedEvenOnAPublicRoute() {
        expectInvalidToken(client.get().uri("/api/training/courses")
                .header(HttpHeaders.AUTHORIZATION, bearer(ISSUER.expired("x"))));
    }

    private static void expectInvalidToken(WebTestClient.RequestHeadersSpec<?> request) {
        request.exchange().expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                .expectBody()
                .jsonPath("$.code").isEqualTo("jeton.invalide")
                .jsonPath("$.detail").isEqualTo("Le jeton d’accès est invalide ou expiré. Authentifiez-vous de nouveau.");
    }

    @Test
    void everyRoleWithAValidTokenGetsThrough() {
        for (String token : new String[] {ISSUER.staff("s-1", "reseau-1"), ISSUER.orgAdmin("a-1", "org-1"),
                ISSUER.partner("partenaire-1")}) {
            client.get().uri("/api/projects/projects").header(HttpHeaders.AUTHORIZATION, bearer(token))
                    .exchange().expectStatus().isOk();
        }
        assertThat(PROJECTS.received()).hasSize(3);
    }

    @Test
    void anonymousVisitorsUseThePublicRoutes() {
        client.get().uri("/api/training/courses?theme=gestion").exchange().expectStatus().isOk();
        client.get().uri("/api/training/verifications/ESAC-2024-7Q4K").exchange().expectStatus().isOk();
        client.post().uri("/api/insurance/needs-assessments").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"employees\":4,\"payroll\":180000}").exchange().expectStatus().isOk();
        client.get().uri("/api/insurance/plan-years/2026").exchange().expectStatus().isOk();
        client.get().uri("/api/projects/public/projects").exchange().expectStatus().isOk();
        client.get().uri("/api/projects/vocabulary").exchange().expectStatus().isOk();
        client.get().uri("/api/membership/reference/regions").exchange().expectStatus().isOk();
        assertThat(TRAINING.received()).hasSize(2);
        assertThat(INSURANCE.last().header("Authorization")).isNull();
    }

    @Test
    void publicRoutesAreOpenOnlyForTheirMethod() {
        client.post().uri("/api/training/courses").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isUnauthorized();
        // A session is public; who registered to it is not.
        client.get().uri("/api/training/sessions/s-1/registrations").exchange().expectStatus().isUnauthorized();
        client.get().uri("/api/insurance/needs-assessments/mine").exchange().expectStatus().isUnauthorized();
        assertThat(TRAINING.received()).isEmpty();
        assertThat(INSURANCE.received()).isEmpty();
    }

    @Test
    void operationsEndpointsAreForStaffOnly() {
        client.get().uri("/api/membership/ops/dead-letters")
                .header(HttpHeaders.AUTHORIZATION, bearer(ISSUER.orgAdmin("admin-1", "org-1")))
                .exchange().expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://esac.quebec/problemes/acces-refuse")
                .jsonPath("$.title").isEqualTo("Accès refusé");
        client.post().uri("/api/training/ops/dead-letters/esac.membership.events.v1.DLT/replay")
                .header(HttpHeaders.AUTHORIZATION, bearer(ISSUER.partner("partenaire-1")))
                .exchange().expectStatus().isForbidden();
        assertThat(MEMBERSHIP.received()).isEmpty();
        assertThat(TRAINING.received()).isEmpty();

        client.get().uri("/api/membership/ops/dead-letters").header(HttpHeaders.AUTHORIZATION, bearer(staffToken()))
                .exchange().expectStatus().isOk();
        assertThat(MEMBERSHIP.received()).hasSize(1);
    }

    @Test
    void probesAndDocsAreOpenOtherActuatorEndpointsAreNot() {
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        client.get().uri("/actuator/gateway/routes").exchange().expectStatus().isUnauthorized();
        client.get().uri("/actuator/env").header(HttpHeaders.AUTHORIZATION, bearer(staffToken()))
                .exchange().expectStatus().isForbidden();
    }
}
