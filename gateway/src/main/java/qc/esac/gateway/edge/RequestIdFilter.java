package qc.esac.gateway.edge;

import java.util.Optional;

import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.handler.TracingObservationHandler;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Gives every request an {@code X-Request-Id} (kept from the client when sane), forwards it to the
 * backend and returns it, with the W3C {@code traceresponse} header naming the trace this request
 * belongs to. Trace context itself ({@code traceparent}) travels to the backends through the
 * gateway's HTTP client observation. Runs first, so that even a 401 carries both.
 */
@Component
class RequestIdFilter implements WebFilter, Ordered {

    static final String TRACE_RESPONSE_HEADER = "traceresponse";

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String requestId = RequestIds.acceptOrCreate(exchange.getRequest().getHeaders().getFirst(RequestIds.HEADER));
        exchange.getAttributes().put(RequestIds.ATTRIBUTE, requestId);
        ServerWebExchange withId = exchange.mutate()
                .request(request -> request.headers(headers -> headers.set(RequestIds.HEADER, requestId)))
                .build();
        withId.getResponse().beforeCommit(() -> {
            withId.getResponse().getHeaders().set(RequestIds.HEADER, requestId);
            traceResponse(exchange).ifPresent(value -> withId.getResponse().getHeaders().set(TRACE_RESPONSE_HEADER,
                    value));
            return Mono.empty();
        });
        return chain.filter(withId);
    }

    /** {@code 00-<trace id>-<span id>-<flags>} of the server span, when tracing is active. */
    private static Optional<String> traceResponse(ServerWebExchange exchange) {
        return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> {
                    TracingObservationHandler.TracingContext tracing =
                            context.get(TracingObservationHandler.TracingContext.class);
                    return tracing == null ? null : tracing.getSpan();
                })
                .map(span -> {
                    TraceContext trace = span.context();
                    return "00-" + trace.traceId() + "-" + trace.spanId() + "-"
                            + (Boolean.TRUE.equals(trace.sampled()) ? "01" : "00");
                });
    }
}
