package qc.esac.gateway.portal;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

import qc.esac.identity.EsacClaims;

/**
 * {@code GET /portal/session}: who the portal's visitor is, for the page to show the right menus: their name, and
 * the roles, organizations and networks of their current access token (read here, at the gateway: the token never
 * reaches the browser). Not signed in, or a session whose tokens expired for good: {@code authenticated: false}.
 */
@RestController
final class PortalSessionController {

    private final ReactiveOAuth2AuthorizedClientManager authorizedClients;
    private final ReactiveJwtDecoder jwtDecoder;

    PortalSessionController(ReactiveOAuth2AuthorizedClientManager authorizedClients, ReactiveJwtDecoder jwtDecoder) {
        this.authorizedClients = authorizedClients;
        this.jwtDecoder = jwtDecoder;
    }

    @GetMapping(path = "/portal/session", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<PortalSession> session(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .filter(OAuth2AuthenticationToken.class::isInstance)
                .cast(OAuth2AuthenticationToken.class)
                .flatMap(person -> authorizedClients.authorize(OAuth2AuthorizeRequest
                                .withClientRegistrationId(person.getAuthorizedClientRegistrationId())
                                .principal(person)
                                .attribute(ServerWebExchange.class.getName(), exchange)
                                .build())
                        .flatMap(client -> jwtDecoder.decode(client.getAccessToken().getTokenValue()))
                        .map(token -> PortalSession.of(person, token)))
                .onErrorResume(ClientAuthorizationException.class, expired -> Mono.empty())
                .defaultIfEmpty(PortalSession.ANONYMOUS);
    }

    /** What the portal shows about the signed-in person; lists are empty when the token has none. */
    record PortalSession(boolean authenticated, String name, String username, List<String> roles,
            List<String> organizationIds, List<String> networkIds) {

        static final PortalSession ANONYMOUS = new PortalSession(false, null, null, List.of(), List.of(), List.of());

        static PortalSession of(OAuth2AuthenticationToken person, Jwt token) {
            String name = person.getPrincipal().getAttribute("name");
            String username = person.getPrincipal().getAttribute("preferred_username");
            return new PortalSession(true, name != null ? name : username, username, list(token, EsacClaims.ROLES),
                    list(token, EsacClaims.ORG_IDS), list(token, EsacClaims.NETWORK_IDS));
        }

        private static List<String> list(Jwt token, String claim) {
            List<String> values = token.getClaimAsStringList(claim);
            return values == null ? List.of() : values;
        }
    }
}
