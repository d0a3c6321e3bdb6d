package qc.esac.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * The portal's session when its access token expires (issue 18, point 2): the gateway keeps the person's access and
 * refresh tokens in the server-side session and, when the access token has expired (or is about to: Spring's one
 * minute of clock skew), refreshes it at the issuer with the refresh token before relaying the call; the person
 * notices nothing. When the issuer refuses the refresh (revoked, expired), the session ends: the call answers the
 * 401 problem {@code portail.session-expiree} without reaching the service, and the session endpoint then says
 * nobody is signed in, so the portal asks the person to sign in again. Signed in through {@link PortalIssuer}: the
 * gateway's real authorization code flow (with PKCE and nonce), against a stand-in issuer.
 */
class PortalTokenRefreshIT extends GatewayIT {

    private static final String SESSION_COOKIE = "ESAC_PORTAIL";

    @Test
    void aCallAfterTheAccessTokenExpiredIsRelayedWithATokenRefreshedAtTheIssuer() throws Exception {
        String person = "personnel-" + UUID.randomUUID();
        PORTAL_ISSUER.nextSignIn(person, Duration.ofSeconds(1));
        String session = signIn();
        List<String> issued = PORTAL_ISSUER.accessTokens();
        String expired = issued.get(issued.size() - 1);
        int grantsBefore = PORTAL_ISSUER.grants().size();
        Thread.sleep(1_500);

        client.get().uri("/api/membership/organizations").cookie(SESSION_COOKIE, session)
                .exchange().expectStatus().isOk();

        List<String> grants = PORTAL_ISSUER.grants();
        assertThat(grants.subList(grantsBefore, grants.size())).containsExactly("refresh_token");
        List<String> afterRefresh = PORTAL_ISSUER.accessTokens();
        String refreshed = afterRefresh.get(afterRefresh.size() - 1);
        assertThat(refreshed).isNotEqualTo(expired);
        assertThat(MEMBERSHIP.last().header(HttpHeaders.AUTHORIZATION)).isEqualTo(bearer(refreshed));
        client.get().uri("/portal/session").cookie(SESSION_COOKIE, session).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.authenticated").isEqualTo(true)
                .jsonPath("$.username").isEqualTo(person);
    }

    @Test
    void aValidAccessTokenIsRelayedAsItIsWithoutAskingTheIssuer() throws Exception {
        PORTAL_ISSUER.nextSignIn("personnel-" + UUID.randomUUID(), Duration.ofMinutes(10));
        String session = signIn();
        List<String> issued = PORTAL_ISSUER.accessTokens();
        String token = issued.get(issued.size() - 1);
        int grantsBefore = PORTAL_ISSUER.grants().size();

        client.get().uri("/api/membership/organizations").cookie(SESSION_COOKIE, session)
                .exchange().expectStatus().isOk();

        assertThat(PORTAL_ISSUER.grants()).hasSize(grantsBefore);
        assertThat(MEMBERSHIP.last().header(HttpHeaders.AUTHORIZATION)).isEqualTo(bearer(token));
    }

    @Test
    void whenTheIssuerRefusesTheRefreshTheSessionEndsWithA401ProblemAndASignInPrompt() throws Exception {
        String person = "personnel-" + UUID.randomUUID();
        PORTAL_ISSUER.nextSignIn(person, Duration.ofSeconds(1));
        String session = signIn();
        PORTAL_ISSUER.revokeRefreshTokensOf(person);
        Thread.sleep(1_500);

        client.get().uri("/api/membership/organizations").cookie(SESSION_COOKIE, session)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "fr")
                .exchange().expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("portail.session-expiree")
                .jsonPath("$.title").isEqualTo("Session terminée");
        assertThat(MEMBERSHIP.received()).isEmpty();
        client.get().uri("/portal/session").cookie(SESSION_COOKIE, session).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.authenticated").isEqualTo(false);
    }

    /**
     * The portal's sign-in as a browser does it: the gateway sends it to the issuer, the issuer back to the
     * gateway's callback with a code, which the gateway exchanges for tokens; returns the session cookie's value.
     */
    private String signIn() throws IOException, InterruptedException {
        EntityExchangeResult<byte[]> start = client.get().uri("/oauth2/authorization/esac")
                .exchange().expectStatus().isFound().expectBody().returnResult();
        URI authorize = start.getResponseHeaders().getLocation();
        assertThat(authorize.toString()).startsWith(PORTAL_ISSUER.issuerUri() + "/authorize")
                .contains("code_challenge=", "nonce=");
        String session = start.getResponseCookies().getFirst(SESSION_COOKIE).getValue();

        HttpResponse<Void> atIssuer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(authorize).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(atIssuer.statusCode()).isEqualTo(302);
        URI callback = URI.create(atIssuer.headers().firstValue(HttpHeaders.LOCATION).orElseThrow());

        EntityExchangeResult<byte[]> back = client.get().uri(callback).cookie(SESSION_COOKIE, session)
                .exchange().expectStatus().isFound().expectBody().returnResult();
        assertThat(back.getResponseHeaders().getLocation()).as("signed in, back to the portal").hasPath("/");
        ResponseCookie renewed = back.getResponseCookies().getFirst(SESSION_COOKIE);
        return renewed != null ? renewed.getValue() : session;
    }
}
