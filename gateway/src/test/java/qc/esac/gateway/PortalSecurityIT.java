package qc.esac.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * The web portal at the gateway (qc.esac.gateway.portal): its page at the root with a strict content security
 * policy and a CSRF cookie, its session endpoint, and the line between the portal's session-cookie calls (CSRF
 * checked, tokens relayed) and bearer-token calls (exactly as before). The sign-in itself, against a real issuer,
 * is proven in the browser (infra/e2e PortalBrowserIT).
 */
class PortalSecurityIT extends GatewayIT {

    private static final String SESSION_COOKIE = "ESAC_PORTAIL";

    @Test
    void thePortalIsServedAtTheRootWithAStrictContentSecurityPolicyAndACsrfCookie() {
        EntityExchangeResult<String> page = client.get().uri("/").accept(MediaType.TEXT_HTML)
                .exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult();
        assertThat(page.getResponseBody()).contains("<div id=\"app\">").containsPattern("/assets/main-[A-Z0-9]+\\.js");
        assertThat(page.getResponseHeaders().getFirst("Content-Security-Policy"))
                .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'");
        assertThat(page.getResponseCookies().getFirst("XSRF-TOKEN")).isNotNull();
        assertThat(page.getResponseCookies().getFirst("XSRF-TOKEN").isHttpOnly()).as("the page reads it").isFalse();

        String script = page.getResponseBody().replaceAll("(?s).*src=\"(/assets/main-[A-Z0-9]+\\.js)\".*", "$1");
        client.get().uri(script).exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/javascript");
    }

    @Test
    void aVisitorWhoDidNotSignInHasAnAnonymousSession() {
        client.get().uri("/portal/session").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.authenticated").isEqualTo(false)
                .jsonPath("$.roles").isEmpty();
    }

    @Test
    void aPortalCallWithoutItsCsrfTokenIsRefusedInFrenchAndReachesNoService() {
        client.post().uri("/api/membership/organizations")
                .cookie(SESSION_COOKIE, "session-inconnue").cookie("XSRF-TOKEN", "jeton")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("portail.csrf-invalide")
                .jsonPath("$.title").isEqualTo("Demande refusée");
        assertThat(MEMBERSHIP.received()).isEmpty();
    }

    @Test
    void aPortalCallWithoutASignedInSessionIsA401ProblemAndReachesNoService() {
        client.get().uri("/api/membership/organizations").cookie(SESSION_COOKIE, "session-inconnue")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .exchange().expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("Authentication required");
        assertThat(MEMBERSHIP.received()).isEmpty();
    }

    @Test
    void publicRoutesStayOpenToTheAnonymousPortalWithoutItsCookiesReachingTheService() {
        client.get().uri("/api/training/courses").cookie(SESSION_COOKIE, "session-inconnue")
                .cookie("XSRF-TOKEN", "jeton").exchange().expectStatus().isOk();
        assertThat(TRAINING.last().header(HttpHeaders.COOKIE)).isNull();
        assertThat(TRAINING.last().header(HttpHeaders.AUTHORIZATION)).isNull();
    }

    @Test
    void aBearerTokenCallIsHandledAsBeforeEvenWithThePortalsCookies() {
        String token = staffToken();
        client.post().uri("/api/membership/organizations").header(HttpHeaders.AUTHORIZATION, bearer(token))
                .cookie(SESSION_COOKIE, "session-inconnue")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isOk();
        assertThat(MEMBERSHIP.last().header(HttpHeaders.AUTHORIZATION)).isEqualTo(bearer(token));
    }
}
