package qc.esac.gateway.routing;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.cloud.gateway.filter.factory.SpringCloudCircuitBreakerFilterFactory;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.GatewayFilterSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.DispatcherHandler;

import reactor.core.publisher.Mono;

import qc.esac.gateway.config.GatewayProperties;
import qc.esac.gateway.docs.OpenApiServers;
import qc.esac.gateway.ratelimit.RateLimitFilters;

/**
 * One route per service ({@code /api/<service>/**}) and one for its OpenAPI document
 * ({@code /api-docs/<service>}), built from {@link GatewayProperties}. Every route draws from its
 * rate-limit budget, runs inside the service's circuit breaker (sliding window, thresholds and time
 * limiter in {@code resilience4j.*}), and retries only safe methods on connection failures and
 * 502/503 answers: repeating a POST could create twice.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewayProperties.class)
class RoutesConfiguration {

    static final String DOCS_RATE_LIMIT_GROUP = "docs";

    /** Answers that count as failures for the breaker; the client still receives them as sent. */
    private static final Set<String> FAILURE_STATUSES = Set.of("500", "502", "503", "504");

    @Bean
    RouteLocator serviceRoutes(RouteLocatorBuilder builder, GatewayProperties properties,
            RateLimitFilters rateLimit, OpenApiServers openApiServers, ReactiveCircuitBreakerFactory<?, ?> breakers,
            ObjectProvider<DispatcherHandler> dispatcher) {
        RelayingCircuitBreakerFilterFactory breakerFilters = new RelayingCircuitBreakerFilterFactory(breakers,
                dispatcher);
        RouteLocatorBuilder.Builder routes = builder.routes();
        properties.services().forEach((name, service) -> {
            String group = service.rateLimitGroup() == null ? name : service.rateLimitGroup();
            routes.route(name, route -> route.path("/api/" + name + "/**")
                    .filters(filters -> resilient(filters.filter(rateLimit.forGroup(group))
                            // A service builds Location from its own address; clients must see the gateway's.
                            .rewriteLocationResponseHeader("NEVER_STRIP", HttpHeaders.LOCATION, null, "https?"),
                            breakerFilters, name))
                    .metadata(RouteMetadataUtils.CONNECT_TIMEOUT_ATTR, (int) service.connectTimeout().toMillis())
                    .metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, service.responseTimeout().toMillis())
                    .uri(service.uri()));
            routes.route(name + GatewayProperties.API_DOCS_SUFFIX, route -> route.path("/api-docs/" + name).and()
                    .method(HttpMethod.GET)
                    .filters(filters -> resilient(filters.filter(rateLimit.forGroup(DOCS_RATE_LIMIT_GROUP))
                            .setPath("/v3/api-docs")
                            .modifyResponseBody(String.class, String.class,
                                    (exchange, body) -> Mono.justOrEmpty(openApiServers.pointAtGateway(body))),
                            breakerFilters, name))
                    .metadata(RouteMetadataUtils.CONNECT_TIMEOUT_ATTR, (int) service.connectTimeout().toMillis())
                    .metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, service.responseTimeout().toMillis())
                    .uri(service.uri()));
        });
        return routes.build();
    }

    private static GatewayFilterSpec resilient(GatewayFilterSpec filters,
            RelayingCircuitBreakerFilterFactory breakerFilters, String service) {
        SpringCloudCircuitBreakerFilterFactory.Config breaker = new SpringCloudCircuitBreakerFilterFactory.Config()
                .setName(service).setStatusCodes(FAILURE_STATUSES);
        breaker.setResumeWithoutError(true);
        return filters
                .filter(breakerFilters.apply(breaker))
                .retry(retry -> retry.setRetries(2)
                        .setMethods(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS)
                        .setStatuses(HttpStatus.BAD_GATEWAY, HttpStatus.SERVICE_UNAVAILABLE)
                        .setExceptions(IOException.class)
                        .setSeries()
                        .setBackoff(Duration.ofMillis(50), Duration.ofMillis(400), 2, false));
    }
}
