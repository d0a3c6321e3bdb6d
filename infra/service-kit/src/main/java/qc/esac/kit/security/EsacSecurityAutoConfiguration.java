package qc.esac.kit.security;

import java.time.Clock;
import java.util.List;

import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import tools.jackson.databind.json.JsonMapper;

import qc.esac.kit.web.EsacWebAutoConfiguration;
import qc.esac.kit.web.ProblemMessages;

/**
 * Every service is a stateless JWT resource server: token validation is Spring Security's,
 * configured by the standard {@code spring.security.oauth2.resourceserver.jwt.*} properties.
 * Probes, metrics scraping and API docs are open; GET on {@code esac.security.public-paths}
 * and POST on {@code esac.security.public-post-paths} too; everything else needs a valid token, and
 * method security does the fine-grained rest.
 * A service that declares its own {@link SecurityFilterChain} replaces this one.
 */
@AutoConfiguration(after = {EsacWebAutoConfiguration.class, JacksonAutoConfiguration.class},
        before = {OAuth2ResourceServerAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
                ManagementWebSecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(EsacSecurityProperties.class)
@EnableMethodSecurity
public class EsacSecurityAutoConfiguration {

    static final List<String> API_DOC_PATHS = List.of("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**",
            "/swagger-ui.html");

    /** Spring Boot adds every such bean to the JWT decoder's validators: a token without {@code sub} is a 401. */
    @Bean
    OAuth2TokenValidator<Jwt> esacSubjectRequired() {
        return new SubjectRequired();
    }

    /**
     * No Spring Security observations. {@code management.observations.enable.spring.security=false} (the kit's
     * default) only makes each one a no-op: the decorator still wrapped every filter of every request and looked
     * the predicate up per filter (about 2 % of a create's CPU in membership's profile). Without this bean Spring
     * Security does not install the decorator, nor the observing authentication and authorization managers.
     * The request's own server span and {@code http.server.requests} timer stay.
     */
    @Bean
    @ConditionalOnMissingBean
    static SecurityObservationSettings esacNoSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Puts {@link VerifiedTokens} in front of the resource server's decoder (Boot's, or a service's own). */
    @Bean
    static BeanPostProcessor esacVerifiedTokens() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof JwtDecoder decoder && !(bean instanceof VerifiedTokens)
                        ? new VerifiedTokens(decoder, Clock.systemUTC()) : bean;
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean
    EsacJwtAuthenticationConverter esacJwtAuthenticationConverter(ObjectProvider<EsacUserResolver> resolver) {
        return new EsacJwtAuthenticationConverter(resolver.getIfAvailable(() -> user -> user));
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemResponseWriter problemResponseWriter(ProblemMessages messages, LocaleResolver localeResolver,
            JsonMapper jsonMapper) {
        return new ProblemResponseWriter(messages, localeResolver, jsonMapper);
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemAuthenticationEntryPoint problemAuthenticationEntryPoint(ProblemResponseWriter writer) {
        return new ProblemAuthenticationEntryPoint(writer);
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemAccessDeniedHandler problemAccessDeniedHandler(ProblemResponseWriter writer) {
        return new ProblemAccessDeniedHandler(writer);
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain esacSecurityFilterChain(HttpSecurity http, EsacSecurityProperties properties,
            Environment environment, EsacJwtAuthenticationConverter converter,
            ProblemAuthenticationEntryPoint entryPoint, ProblemAccessDeniedHandler accessDeniedHandler) {
        String actuator = environment.getProperty("management.endpoints.web.base-path", "/actuator");
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(requests -> {
                    // The container's error dispatch renders problems; it must not itself need a token.
                    requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
                    requests.requestMatchers(actuator + "/health", actuator + "/health/**", actuator + "/info",
                            actuator + "/prometheus").permitAll();
                    requests.requestMatchers(API_DOC_PATHS.toArray(String[]::new)).permitAll();
                    if (!properties.publicPaths().isEmpty()) {
                        requests.requestMatchers(HttpMethod.GET, properties.publicPaths().toArray(String[]::new))
                                .permitAll();
                    }
                    if (!properties.publicPostPaths().isEmpty()) {
                        requests.requestMatchers(HttpMethod.POST, properties.publicPostPaths().toArray(String[]::new))
                                .permitAll();
                    }
                    requests.anyRequest().authenticated();
                })
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDeniedHandler))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDeniedHandler));
        return http.build();
    }

    @Bean
    WebMvcConfigurer esacUserArgumentResolverConfigurer() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new EsacUserArgumentResolver());
            }
        };
    }
}
