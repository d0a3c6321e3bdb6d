package qc.esac.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;

/** The gateway's bearer token converter gives Spring Security's verdict on every header value. */
class BearerTokenHeaderTest {

    private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2lnbmF0dXJl-_~+/";

    @Test
    void sameVerdictAsSpringSecuritysConverter() {
        List<String> values = new ArrayList<>(List.of("Bearer " + JWT, "bearer " + JWT, "BEARER " + JWT,
                "Bearer " + JWT + "==", "Bearer " + JWT + "=x", "Bearer =", "Bearer ", "Bearer", "Bearer  " + JWT,
                "Bearer " + JWT + " ", "Bearer\t" + JWT, "Bearer a", "Bearer a b", "Bearer é", "Bearer a%b",
                "Bearerx " + JWT, "Basic dXNlcjpwYXNz", "Token " + JWT, "", " Bearer " + JWT, "bEaReR " + JWT,
                "Bearer " + JWT + "\u212A", "Bearer \u212A"));
        for (char c = 0x21; c < 0x7F; c++) {
            values.add("Bearer ab" + c + "cd");
        }
        values.add(null);
        for (String value : values) {
            assertThat(verdict(new BearerTokenHeader(), value)).as("Authorization: %s", value)
                    .isEqualTo(verdict(new ServerBearerTokenAuthenticationConverter(), value));
        }
        assertThat(verdict(new BearerTokenHeader(), "Bearer " + JWT)).isEqualTo("token " + JWT);
        assertThat(verdict(new BearerTokenHeader(), "Bearer a b")).startsWith("invalid_token");
        assertThat(verdict(new BearerTokenHeader(), "Basic dXNlcjpwYXNz")).isEqualTo("none");
    }

    private static String verdict(ServerAuthenticationConverter converter, String authorization) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/api/membership/organizations");
        if (authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        try {
            Optional<Authentication> result = converter.convert(MockServerWebExchange.from(request))
                    .blockOptional(Duration.ofSeconds(5));
            return result.map(token -> "token " + ((BearerTokenAuthenticationToken) token).getToken()).orElse("none");
        } catch (OAuth2AuthenticationException e) {
            return e.getError().getErrorCode() + " " + e.getError().getDescription();
        }
    }
}
