package qc.esac.gateway.edge;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * RFC 9110 §7.6.1: headers named in {@code Connection} are hop-by-hop too and must not be
 * forwarded. The gateway's own filter removes the fixed list (Connection, Keep-Alive, TE, ...);
 * this one removes what a client or a backend nominated, in both directions.
 */
@Component
class ConnectionNominatedHeadersFilter implements HttpHeadersFilter, Ordered {

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        Set<String> nominated = input.getOrEmpty(HttpHeaders.CONNECTION).stream()
                .flatMap(value -> java.util.Arrays.stream(value.split(",")))
                .map(name -> name.trim().toLowerCase(Locale.ROOT))
                .filter(name -> !name.isEmpty() && !name.equals("close") && !name.equals("keep-alive"))
                .collect(Collectors.toSet());
        if (nominated.isEmpty()) {
            return input;
        }
        HttpHeaders filtered = new HttpHeaders();
        input.forEach((name, values) -> {
            if (!nominated.contains(name.toLowerCase(Locale.ROOT))) {
                filtered.addAll(name, values);
            }
        });
        return filtered;
    }

    @Override
    public boolean supports(Type type) {
        return type == Type.REQUEST || type == Type.RESPONSE;
    }

    /** Before the standard hop-by-hop filter removes the {@code Connection} header we read. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
