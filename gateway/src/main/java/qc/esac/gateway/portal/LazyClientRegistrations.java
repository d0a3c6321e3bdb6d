package qc.esac.gateway.portal;

import java.time.Duration;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The portal's one client registration, built from the issuer's discovery document the first time someone signs in
 * (Boot's issuer-uri registration would fetch it at startup, and the gateway must start even while the issuer is
 * down). A failed discovery is not kept: the next sign-in tries again.
 */
final class LazyClientRegistrations implements ReactiveClientRegistrationRepository {

    private final Mono<ClientRegistration> registration;

    LazyClientRegistrations(PortalProperties properties) {
        this.registration = Mono.fromCallable(() -> ClientRegistrations.fromIssuerLocation(properties.issuerUri())
                        .registrationId(PortalProperties.REGISTRATION_ID)
                        .clientId(properties.clientId())
                        .clientSecret(properties.clientSecret())
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                        .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                        .scope(properties.scopes())
                        .userNameAttributeName("sub")
                        .build())
                .subscribeOn(Schedulers.boundedElastic())
                .cache(found -> Duration.ofDays(3650), failure -> Duration.ZERO, () -> Duration.ZERO);
    }

    @Override
    public Mono<ClientRegistration> findByRegistrationId(String registrationId) {
        return PortalProperties.REGISTRATION_ID.equals(registrationId) ? registration : Mono.empty();
    }
}
