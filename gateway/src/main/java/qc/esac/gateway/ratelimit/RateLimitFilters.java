package qc.esac.gateway.ratelimit;

import java.security.Principal;
import java.net.InetSocketAddress;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

import qc.esac.gateway.problem.GatewayProblem;
import qc.esac.gateway.problem.ProblemResponses;

/**
 * The rate-limit step of a route: one request from the caller's bucket for the route's group, or
 * a 429 problem with {@code Retry-After}. Callers are told apart by their token's subject (a
 * person, or a partner's client id), and anonymous callers by their IP address. Runs after
 * authentication, so a forged token cannot spend someone else's budget.
 */
@Component
public class RateLimitFilters {

    static final String REMAINING_HEADER = "X-RateLimit-Remaining";

    private final RequestQuota quota;
    private final ProblemResponses problems;

    RateLimitFilters(RequestQuota quota, ProblemResponses problems) {
        this.quota = quota;
        this.problems = problems;
    }

    public GatewayFilter forGroup(String group) {
        return (exchange, chain) -> caller(exchange)
                .flatMap(caller -> quota.consume(group, caller))
                .flatMap(decision -> {
                    if (decision.remaining() >= 0) {
                        exchange.getResponse().getHeaders().set(REMAINING_HEADER, Long.toString(decision.remaining()));
                    }
                    if (decision.allowed()) {
                        return chain.filter(exchange);
                    }
                    return problems.write(exchange, GatewayProblem.of(HttpStatus.TOO_MANY_REQUESTS,
                            "trop-de-requetes", "requetes.trop-nombreuses").retryAfter(decision.retryAfter()));
                });
    }

    static Mono<String> caller(ServerWebExchange exchange) {
        return exchange.getPrincipal().map(Principal::getName).filter(name -> !name.isBlank())
                .map(name -> "sub:" + name)
                .switchIfEmpty(Mono.fromSupplier(() -> "ip:" + address(exchange)));
    }

    private static String address(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return "inconnue";
        }
        return remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
    }
}
