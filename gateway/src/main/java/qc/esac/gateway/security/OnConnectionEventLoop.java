package qc.esac.gateway.security;

import io.netty.channel.EventLoop;

import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.ReactiveAuthenticationManagerResolver;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;

/**
 * Token checks finish on the thread of the caller's connection. A token signed by an unknown key makes the
 * decoder fetch the issuer's key set again, and its answer (then the 401) arrives on the HTTP client's thread.
 * A response completed off the connection's event loop races with the next request on a kept-alive
 * connection: Reactor Netty buffers that request as pipelined and, rarely, never reads the one after it, which
 * then gets no answer at all (the old intermittent SecurityIT hang). Back on the connection's own loop, the
 * response is complete before the next request is read.
 */
final class OnConnectionEventLoop implements ReactiveAuthenticationManagerResolver<ServerWebExchange> {

    private final ReactiveAuthenticationManager delegate;

    OnConnectionEventLoop(ReactiveAuthenticationManager delegate) {
        this.delegate = delegate;
    }

    @Override
    public Mono<ReactiveAuthenticationManager> resolve(ServerWebExchange exchange) {
        EventLoop loop = eventLoopOf(exchange);
        if (loop == null) {
            return Mono.just(delegate);
        }
        Scheduler connectionThread = Schedulers.fromExecutor(loop);
        return Mono.just(authentication -> delegate.authenticate(authentication).publishOn(connectionThread));
    }

    /** The event loop of the request's connection; null when not served by Reactor Netty (mock exchanges). */
    static EventLoop eventLoopOf(ServerWebExchange exchange) {
        Object request = ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
        return request instanceof Connection connection ? connection.channel().eventLoop() : null;
    }
}
