package qc.esac.gateway.security;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

import qc.esac.gateway.problem.GatewayProblem;
import qc.esac.gateway.problem.ProblemResponses;

/**
 * 401 and 403 as problems, worded like the services' ({@code authentification.requise},
 * {@code jeton.invalide}, {@code acces.refuse}), with the RFC 6750 {@code WWW-Authenticate} header.
 */
final class ProblemSecurityHandlers implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    private final ProblemResponses problems;

    ProblemSecurityHandlers(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        boolean badToken = failure instanceof InvalidBearerTokenException
                || failure instanceof OAuth2AuthenticationException;
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                badToken ? "Bearer error=\"invalid_token\"" : "Bearer");
        return problems.write(exchange, GatewayProblem.of(HttpStatus.UNAUTHORIZED, "authentification-requise",
                badToken ? "jeton.invalide" : "authentification.requise"));
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return problems.write(exchange, GatewayProblem.of(HttpStatus.FORBIDDEN, "acces-refuse", "acces.refuse"));
    }
}
