package qc.esac.gateway.security;

import java.time.Duration;

import io.netty.channel.ChannelOption;

import org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.JwkSetUriReactiveJwtDecoderBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.netty.http.client.HttpClient;

/**
 * The issuer's JWK set is fetched at first use and again when a token names an unknown key. By
 * default that fetch has no time limit: an issuer that stops answering would hold every such
 * request. Bounded here, so such a request fails (401) instead of hanging.
 */
@Configuration(proxyBeanMethods = false)
class JwkSetFetching {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(5);

    @Bean
    JwkSetUriReactiveJwtDecoderBuilderCustomizer boundedJwkSetFetch() {
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) CONNECT_TIMEOUT.toMillis())
                .responseTimeout(RESPONSE_TIMEOUT);
        WebClient client = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
        return builder -> builder.webClient(client);
    }
}
