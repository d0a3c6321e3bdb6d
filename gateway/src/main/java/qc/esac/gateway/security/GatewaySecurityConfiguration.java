package qc.esac.gateway.security;

import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

import qc.esac.gateway.edge.RequestIds;
import qc.esac.gateway.problem.ProblemResponses;

/**
 * The gateway is a stateless JWT resource server (issuer or JWK set from the standard
 * {@code spring.security.oauth2.resourceserver.jwt.*} properties). It checks that API calls carry a
 * valid token and relays it untouched; the services validate it again and authorize. Anonymous
 * access: the configured public routes, probes and API documentation. Operations endpoints are
 * refused to anyone but network staff right here.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(GatewaySecurityProperties.class)
class GatewaySecurityConfiguration {

    static final List<String> DOC_PATHS = List.of("/swagger-ui.html", "/swagger-ui/**", "/webjars/**",
            "/v3/api-docs/**", "/api-docs/**");

    /**
     * Spring Security's observations are off ({@code management.observations.enable.spring.security}), yet its
     * decorator still wrapped every filter of both chains, and every authentication and authorization, in an
     * observation that then asked whether to record: CPU on every call for nothing. With no observations declared
     * here, the chains run undecorated.
     */
    @Bean
    static SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Spring Security's strict firewall, every rule as by default, its header-value rule checked by a loop
     * ({@link HeaderValues}, same verdict) instead of a regular expression run on every read of every header.
     */
    @Bean
    static ServerWebExchangeFirewall strictFirewall() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowedHeaderValues(HeaderValues::allowed);
        return firewall;
    }

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, GatewaySecurityProperties properties,
            ProblemResponses problems) {
        ProblemSecurityHandlers handlers = new ProblemSecurityHandlers(problems);
        http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .cors(cors -> cors.configurationSource(corsSource(properties.cors())))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .authorizeExchange(exchanges -> {
                    exchanges.pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                            "/actuator/prometheus").permitAll();
                    exchanges.pathMatchers("/actuator/**").denyAll();
                    exchanges.pathMatchers(DOC_PATHS.toArray(String[]::new)).permitAll();
                    properties.parsedPublicRoutes().forEach(route ->
                            exchanges.pathMatchers(route.method(), route.pattern()).permitAll());
                    if (!properties.staffOnly().isEmpty()) {
                        exchanges.pathMatchers(properties.staffOnly().toArray(String[]::new)).hasRole("STAFF");
                    }
                    exchanges.pathMatchers("/api/**").authenticated();
                    // Anything else is no route at all: let it reach the 404 problem.
                    exchanges.anyExchange().permitAll();
                })
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new PlatformAuthorities()))
                        .authenticationEntryPoint(handlers)
                        .accessDeniedHandler(handlers))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(handlers)
                        .accessDeniedHandler(handlers));
        return http.build();
    }

    /**
     * Browser front-ends on the configured origins may call the API with a bearer token (no
     * cookies, so no credentials mode) and read the headers they need: versions for
     * {@code If-Match}, where a created resource lives, when to retry, the request id.
     */
    static CorsConfigurationSource corsSource(GatewaySecurityProperties.Cors settings) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (settings.allowedOrigins().isEmpty()) {
            return source;
        }
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOriginPatterns(settings.allowedOrigins());
        cors.setAllowedMethods(List.of(HttpMethod.GET.name(), HttpMethod.HEAD.name(), HttpMethod.POST.name(),
                HttpMethod.PUT.name(), HttpMethod.PATCH.name(), HttpMethod.DELETE.name(), HttpMethod.OPTIONS.name()));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "Accept-Language", "If-Match",
                "If-None-Match", "Idempotency-Key", RequestIds.HEADER, "traceparent", "tracestate"));
        cors.setExposedHeaders(List.of("ETag", "Location", "Retry-After", "Content-Language", RequestIds.HEADER,
                "traceresponse", "X-RateLimit-Remaining", "Link", "Idempotency-Replayed"));
        cors.setAllowCredentials(false);
        cors.setMaxAge(settings.maxAge());
        source.registerCorsConfiguration("/api/**", cors);
        source.registerCorsConfiguration("/api-docs/**", cors);
        return source;
    }
}
