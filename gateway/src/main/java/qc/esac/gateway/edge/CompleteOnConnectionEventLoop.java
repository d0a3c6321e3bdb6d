package qc.esac.gateway.edge;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.netty.channel.EventLoop;

import org.reactivestreams.Publisher;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;

/**
 * Every answer is written, and every exchange completes, on the event loop of the caller's connection, whatever
 * thread did the work. An answer written from another thread (the HTTP client's, after the JWK set was fetched
 * again for a token signed by an unknown key; the health checks' scheduler) races in Reactor Netty with the next
 * request on a kept-alive connection: that request is buffered as pipelined and, rarely, the one after it is never
 * read, so it gets no answer at all (the old intermittent SecurityIT hang). Written on the connection's own loop,
 * the answer is finished before the next request is read. Runs first; errors reach the problem writers (outside
 * the filters) on that loop too. Work already on that loop goes on at once, with no hop through the loop's task
 * queue (nearly every request: the filters and the backend's answer run on it), and one scheduler per loop serves
 * every request.
 */
@Component
class CompleteOnConnectionEventLoop implements WebFilter, Ordered {

    private final Map<EventLoop, Scheduler> schedulers = new ConcurrentHashMap<>();

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        EventLoop loop = eventLoopOf(exchange);
        if (loop == null) {
            return chain.filter(exchange);
        }
        Scheduler connection = schedulers.computeIfAbsent(loop, CompleteOnConnectionEventLoop::onLoop);
        ServerHttpResponse onLoop = new ServerHttpResponseDecorator(exchange.getResponse()) {
            @Override
            public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
                return Mono.defer(() -> super.writeWith(body)).subscribeOn(connection);
            }

            @Override
            public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
                return Mono.defer(() -> super.writeAndFlushWith(body)).subscribeOn(connection);
            }

            @Override
            public Mono<Void> setComplete() {
                return Mono.defer(super::setComplete).subscribeOn(connection);
            }
        };
        return chain.filter(exchange.mutate().response(onLoop).build()).publishOn(connection);
    }

    /** Runs a task at once when called on {@code loop}, else hands it to the loop. */
    static Scheduler onLoop(EventLoop loop) {
        return Schedulers.fromExecutor(task -> {
            if (loop.inEventLoop()) {
                task.run();
            } else {
                loop.execute(task);
            }
        });
    }

    /** The event loop of the request's connection; null when not served by Reactor Netty (mock exchanges). */
    static EventLoop eventLoopOf(ServerWebExchange exchange) {
        Object request = ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
        return request instanceof Connection connection ? connection.channel().eventLoop() : null;
    }
}
