package qc.esac.gateway.edge;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import qc.esac.gateway.config.GatewayProperties;

/**
 * Refuses bodies larger than {@code esac.gateway.max-request-size} with a 413: at once when the
 * declared {@code Content-Length} is too large, and while streaming when a chunked body grows past
 * the limit, so that no backend ever receives more than the limit.
 */
@Component
class RequestSizeFilter implements GlobalFilter, Ordered {

    private final long limit;

    RequestSizeFilter(GatewayProperties properties) {
        this.limit = properties.maxRequestSize().toBytes();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > limit) {
            return Mono.error(new RequestTooLargeException(limit));
        }
        ServerHttpRequest counted = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                AtomicLong total = new AtomicLong();
                return super.getBody().handle((buffer, sink) -> {
                    if (total.addAndGet(buffer.readableByteCount()) > limit) {
                        DataBufferUtils.release(buffer);
                        sink.error(new RequestTooLargeException(limit));
                    }
                    else {
                        sink.next(buffer);
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }
}
