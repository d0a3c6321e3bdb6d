package qc.esac.identity.server;

import java.util.List;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Spring Authorization Server wired for the platform: OIDC endpoints, the demo clients and
 * accounts of {@link DemoDirectory}, the platform claims in every access token, a signing key
 * that can survive restarts, and a French login page.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

    /** Protocol endpoints: authorize, token, JWK set, discovery, user info, revocation, introspection. */
    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerChain(HttpSecurity http) {
        http.oauth2AuthorizationServer(server -> {
            http.securityMatcher(server.getEndpointsMatcher());
            server.oidc(Customizer.withDefaults());
        });
        http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .cors(Customizer.withDefaults())
                // A browser that is not logged in goes to the login page; API callers get a 401.
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                // The user-info endpoint accepts the access tokens this server issues.
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()));
        return http.build();
    }

    /** Everything else: the login form, probes. */
    @Bean
    @Order(2)
    SecurityFilterChain loginChain(HttpSecurity http) {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers(HttpMethod.GET, "/login", "/favicon.ico", "/signup").permitAll()
                        .requestMatchers(HttpMethod.POST, "/signup").permitAll()
                        // Error pages open: a browser's missing favicon must not become the request the login
                        // returns to in place of the authorization request.
                        .requestMatchers("/error").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").permitAll());
        return http.build();
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IdentityProperties properties) {
        AuthorizationServerSettings.Builder settings = AuthorizationServerSettings.builder();
        if (properties.issuer() != null && !properties.issuer().isBlank()) {
            settings.issuer(properties.issuer());
        }
        return settings.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SignedUpAccounts signedUpAccounts(IdentityProperties properties, PasswordEncoder encoder) {
        return new SignedUpAccounts(encoder, properties.accountsFile());
    }

    /** The demo directory's people first, then the accounts people created on the sign-up page. */
    @Bean
    UserDetailsService users(IdentityProperties properties, PasswordEncoder encoder, SignedUpAccounts signedUp) {
        String password = encoder.encode(properties.demoPassword());
        InMemoryUserDetailsManager demo = new InMemoryUserDetailsManager(DemoDirectory.ACCOUNTS.stream()
                .map(account -> User.withUsername(account.username()).password(password)
                        .roles(account.roles().stream().map(Enum::name).toArray(String[]::new)).build())
                .toList());
        return username -> demo.userExists(username) ? demo.loadUserByUsername(username)
                : signedUp.loadUserByUsername(username);
    }

    @Bean
    RegisteredClientRepository registeredClients(IdentityProperties properties, PasswordEncoder encoder) {
        TokenSettings tokens = TokenSettings.builder().accessTokenTimeToLive(properties.accessTokenLifetime()).build();
        return new InMemoryRegisteredClientRepository(
                publicClient(DemoDirectory.CLIENT_WEB, "Application Web ÉSAC", properties.webRedirectUris(), tokens),
                portalClient(properties, encoder.encode(properties.portalSecret()), tokens),
                publicClient(DemoDirectory.CLIENT_MOBILE, "Application mobile ÉSAC", properties.mobileRedirectUris(),
                        tokens),
                machineClient(DemoDirectory.CLIENT_PARTNER, "Partenaire de démonstration",
                        encoder.encode(properties.partnerSecret()), DemoDirectory.PARTNER_SCOPES, tokens),
                machineClient(DemoDirectory.CLIENT_LOADER, "Chargement du contenu de démonstration",
                        encoder.encode(properties.loaderSecret()), List.of(), tokens));
    }

    /** First-party apps: PKCE required, no secret, no consent screen. */
    private static RegisteredClient publicClient(String clientId, String name, List<String> redirectUris,
            TokenSettings tokens) {
        return RegisteredClient.withId(clientId).clientId(clientId).clientName(name)
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUris(uris -> uris.addAll(redirectUris))
                .postLogoutRedirectUris(uris -> uris.addAll(redirectUris))
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(tokens)
                .build();
    }

    /**
     * The portal's backend-for-frontend at the gateway: confidential (secret), authorization code with PKCE, refresh
     * tokens so that the gateway keeps a session going without sending the person back to the login page.
     */
    private static RegisteredClient portalClient(IdentityProperties properties, String encodedSecret,
            TokenSettings tokens) {
        return RegisteredClient.withId(DemoDirectory.CLIENT_PORTAL).clientId(DemoDirectory.CLIENT_PORTAL)
                .clientName("Portail Web ÉSAC").clientSecret(encodedSecret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUris(uris -> uris.addAll(properties.portalRedirectUris()))
                .postLogoutRedirectUris(uris -> uris.addAll(properties.portalPostLogoutRedirectUris()))
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(tokens)
                .build();
    }

    private static RegisteredClient machineClient(String clientId, String name, String encodedSecret,
            List<String> scopes, TokenSettings tokens) {
        return RegisteredClient.withId(clientId).clientId(clientId).clientName(name).clientSecret(encodedSecret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scopes(values -> values.addAll(scopes))
                .tokenSettings(tokens)
                .build();
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> platformClaims(SignedUpAccounts signedUp) {
        return new PlatformClaims(signedUp);
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(IdentityProperties properties) {
        return new ImmutableJWKSet<>(new JWKSet(SigningKeys.load(properties.keyFile())));
    }

    /** Browser apps on other origins exchange their code and read the JWK set and user info. */
    @Bean
    CorsConfigurationSource corsConfigurationSource(IdentityProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "POST"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type"));
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/oauth2/**", cors);
        source.registerCorsConfiguration("/userinfo", cors);
        source.registerCorsConfiguration("/.well-known/**", cors);
        return source;
    }
}
