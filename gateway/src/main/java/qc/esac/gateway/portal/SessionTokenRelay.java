package qc.esac.gateway.portal;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

import qc.esac.gateway.problem.GatewayProblem;
import qc.esac.gateway.problem.ProblemResponses;

/**
 * Token relay for the portal: an API call that carries a signed-in portal session (and no bearer token of its own)
 * goes to the service with the session's access token as {@code Authorization: Bearer}, refreshed first if it
 * expired. Calls without a bearer token of their own lose the browser's cookies and CSRF header on the way (the
 * services are stateless and need neither). A
 * session whose tokens can no longer be refreshed answers 401, and the portal asks the person to sign in again.
 * Calls with a bearer token pass untouched.
 */
final class SessionTokenRelay implements GlobalFilter, Ordered {

    private final ReactiveOAuth2AuthorizedClientManager authorizedClients;
    private final ProblemResponses problems;

    SessionTokenRelay(ReactiveOAuth2AuthorizedClientManager authorizedClients, ProblemResponses problems) {
        this.authorizedClients = authorizedClients;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
            return chain.filter(exchange);
        }
        ServerWebExchange withoutBrowserState = withoutBrowserState(exchange);
        return exchange.getPrincipal()
                .filter(OAuth2AuthenticationToken.class::isInstance)
                .cast(OAuth2AuthenticationToken.class)
                .flatMap(person -> authorizedClients.authorize(OAuth2AuthorizeRequest
                                .withClientRegistrationId(person.getAuthorizedClientRegistrationId())
                                .principal(person)
                                .attribute(ServerWebExchange.class.getName(), exchange)
                                .build())
                        .onErrorMap(ClientAuthorizationException.class, SessionExpired::new))
                .map(client -> withBearer(withoutBrowserState, client.getAccessToken().getTokenValue()))
                .defaultIfEmpty(withoutBrowserState)
                .flatMap(chain::filter)
                .onErrorResume(SessionExpired.class, expired -> exchange.getSession()
                        .flatMap(session -> session.invalidate())
                        .then(problems.write(exchange, GatewayProblem.of(HttpStatus.UNAUTHORIZED,
                                "authentification-requise", "portail.session-expiree"))));
    }

    /** The browser's cookies (session, CSRF) and CSRF header are the gateway's business, not the services'. */
    private static ServerWebExchange withoutBrowserState(ServerWebExchange exchange) {
        return exchange.mutate().request(request -> request.headers(headers -> {
            headers.remove(HttpHeaders.COOKIE);
            headers.remove(PortalSecurityConfiguration.CSRF_HEADER);
        })).build();
    }

    private static ServerWebExchange withBearer(ServerWebExchange exchange, String accessToken) {
        return exchange.mutate().request(request -> request.headers(headers -> headers.setBearerAuth(accessToken)))
                .build();
    }

    /** Before the routing filters (rate limits, breaker, the proxy call itself). */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }

    /** The session's tokens could not be refreshed (revoked, expired at the issuer). */
    private static final class SessionExpired extends RuntimeException {

        SessionExpired(Throwable cause) {
            super(cause);
        }
    }
}
