package qc.esac.gateway.portal;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.logout.DelegatingServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.SecurityContextServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfServerLogoutHandler;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

import qc.esac.gateway.problem.GatewayProblem;
import qc.esac.gateway.problem.ProblemResponses;
import qc.esac.gateway.security.GatewaySecurityProperties;
import qc.esac.identity.EsacRole;

/**
 * The portal's backend-for-frontend (OAuth 2.0 for browser-based apps): the gateway signs people in with the
 * platform's issuer (authorization code with PKCE, as a confidential client), keeps their tokens in the server-side
 * session, gives the browser only an HttpOnly, SameSite=Lax session cookie, and relays the access token to the
 * services for the portal's {@code /api/**} calls ({@link SessionTokenRelay}). Unsafe calls need the CSRF token
 * (double-submit: the {@code XSRF-TOKEN} cookie echoed in {@code X-XSRF-TOKEN}).
 *
 * <p>This chain only sees requests without an {@code Authorization} header that are the portal's (its pages, sign-in
 * and sign-out, its session endpoint) or API calls carrying the session cookie; every bearer-token call goes to the
 * gateway's own chain (qc.esac.gateway.security) exactly as before.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PortalProperties.class)
@ConditionalOnProperty(name = "esac.portal.enabled", havingValue = "true", matchIfMissing = true)
class PortalSecurityConfiguration {

    static final String CSRF_COOKIE = "XSRF-TOKEN";
    static final String CSRF_HEADER = "X-XSRF-TOKEN";
    static final List<String> PORTAL_PATHS = List.of("/", "/index.html", "/assets/**", "/portal/**",
            "/oauth2/authorization/**", "/login/oauth2/code/**");

    /**
     * Where the portal's files may load from: only this origin; no inline script (the bundle is a file), styles
     * inline only for the progress bars' widths.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' "
            + "'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "frame-ancestors 'none'";

    @Bean
    ReactiveClientRegistrationRepository portalClientRegistrations(PortalProperties properties,
            @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String apiIssuer) {
        String issuer = properties.issuerUri() == null || properties.issuerUri().isBlank() ? apiIssuer
                : properties.issuerUri();
        return new LazyClientRegistrations(new PortalProperties(properties.enabled(), issuer, properties.clientId(),
                properties.clientSecret(), properties.scopes()));
    }

    /** Tokens live in the person's server-side session, never in the browser. */
    @Bean
    ServerOAuth2AuthorizedClientRepository portalAuthorizedClients() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }

    /** Hands out the session's access token, refreshed with its refresh token when it expired. */
    @Bean
    ReactiveOAuth2AuthorizedClientManager portalAuthorizedClientManager(ReactiveClientRegistrationRepository registrations,
            ServerOAuth2AuthorizedClientRepository authorizedClients) {
        DefaultReactiveOAuth2AuthorizedClientManager manager = new DefaultReactiveOAuth2AuthorizedClientManager(
                registrations, authorizedClients);
        manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode().refreshToken().build());
        return manager;
    }

    /** The signed-in person's authorities come from their access token's roles, as for bearer-token calls. */
    @Bean
    ReactiveOAuth2UserService<OidcUserRequest, OidcUser> portalUserService(ReactiveJwtDecoder jwtDecoder) {
        return new PortalUserService(jwtDecoder);
    }

    @Bean
    SessionTokenRelay portalSessionTokenRelay(ReactiveOAuth2AuthorizedClientManager manager,
            ProblemResponses problems) {
        return new SessionTokenRelay(manager, problems);
    }

    @Bean
    PortalSessionController portalSessionController(ReactiveOAuth2AuthorizedClientManager manager,
            ReactiveJwtDecoder jwtDecoder) {
        return new PortalSessionController(manager, jwtDecoder);
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityWebFilterChain portalSecurity(ServerHttpSecurity http, ReactiveClientRegistrationRepository registrations,
            ServerOAuth2AuthorizedClientRepository authorizedClients, GatewaySecurityProperties gatewaySecurity,
            ProblemResponses problems, @Value("${server.reactive.session.cookie.name:SESSION}") String sessionCookie) {
        CookieServerCsrfTokenRepository csrfTokens = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
        csrfTokens.setCookieName(CSRF_COOKIE);
        csrfTokens.setHeaderName(CSRF_HEADER);
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        DefaultServerOAuth2AuthorizationRequestResolver authorizationRequests =
                new DefaultServerOAuth2AuthorizationRequestResolver(registrations);
        authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        OidcClientInitiatedServerLogoutSuccessHandler signedOut =
                new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
        signedOut.setPostLogoutRedirectUri("{baseUrl}/");

        http.securityMatcher(portalRequests(sessionCookie))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        // The portal sends the cookie's value as it is (no per-response masking to undo in the page).
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        .accessDeniedHandler((exchange, denied) -> problems.write(exchange,
                                GatewayProblem.of(HttpStatus.FORBIDDEN, "acces-refuse", "portail.csrf-invalide"))))
                .addFilterAfter(new CsrfCookieFilter(), SecurityWebFiltersOrder.CSRF)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .oauth2Login(login -> login
                        .clientRegistrationRepository(registrations)
                        .authorizedClientRepository(authorizedClients)
                        .authorizationRequestResolver(authorizationRequests)
                        .authenticationSuccessHandler(new RedirectServerAuthenticationSuccessHandler("/"))
                        .authenticationFailureHandler(new RedirectServerAuthenticationFailureHandler(
                                "/#/?connexion=echec")))
                .logout(logout -> logout.logoutUrl("/portal/logout")
                        .logoutHandler(new DelegatingServerLogoutHandler(new SecurityContextServerLogoutHandler(),
                                new CsrfServerLogoutHandler(csrfTokens), new WebSessionServerLogoutHandler()))
                        .logoutSuccessHandler(signedOut))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((exchange, failure) -> problems.write(exchange,
                                GatewayProblem.of(HttpStatus.UNAUTHORIZED, "authentification-requise",
                                        "authentification.requise")))
                        .accessDeniedHandler((exchange, denied) -> problems.write(exchange,
                                GatewayProblem.of(HttpStatus.FORBIDDEN, "acces-refuse", "acces.refuse"))))
                .authorizeExchange(exchanges -> {
                    exchanges.pathMatchers(PORTAL_PATHS.toArray(String[]::new)).permitAll();
                    gatewaySecurity.parsedPublicRoutes().forEach(route ->
                            exchanges.pathMatchers(route.method(), route.pattern()).permitAll());
                    if (!gatewaySecurity.staffOnly().isEmpty()) {
                        exchanges.pathMatchers(gatewaySecurity.staffOnly().toArray(String[]::new))
                                .hasRole(EsacRole.STAFF.name());
                    }
                    exchanges.anyExchange().authenticated();
                });
        return http.build();
    }

    /**
     * The portal's own requests and the API calls a signed-in portal makes: no {@code Authorization} header, and
     * either a portal path or an API path with the session cookie.
     */
    static ServerWebExchangeMatcher portalRequests(String sessionCookie) {
        ServerWebExchangeMatcher noBearer = exchange -> exchange.getRequest().getHeaders()
                .containsHeader(HttpHeaders.AUTHORIZATION) ? ServerWebExchangeMatcher.MatchResult.notMatch()
                : ServerWebExchangeMatcher.MatchResult.match();
        ServerWebExchangeMatcher withSession = exchange -> exchange.getRequest().getCookies()
                .containsKey(sessionCookie) ? ServerWebExchangeMatcher.MatchResult.match()
                : ServerWebExchangeMatcher.MatchResult.notMatch();
        ServerWebExchangeMatcher pages = ServerWebExchangeMatchers.pathMatchers(PORTAL_PATHS.toArray(String[]::new));
        ServerWebExchangeMatcher api = new AndServerWebExchangeMatcher(
                ServerWebExchangeMatchers.pathMatchers("/api/**"), withSession);
        return new AndServerWebExchangeMatcher(noBearer, new OrServerWebExchangeMatcher(pages, api));
    }
}
