package qc.esac.gateway.portal;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import reactor.core.publisher.Mono;

import qc.esac.identity.EsacClaims;
import qc.esac.identity.EsacRole;

/**
 * The person signed in to the portal, with the authorities their access token's {@code roles} grant (the ID token
 * does not carry the platform's claims). The access token is validated like any bearer token the API receives
 * (issuer, audience, signature), so a token the API would refuse signs nobody in.
 */
final class PortalUserService implements ReactiveOAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcReactiveOAuth2UserService oidc = new OidcReactiveOAuth2UserService();
    private final ReactiveJwtDecoder jwtDecoder;

    PortalUserService(ReactiveJwtDecoder jwtDecoder) {
        this.jwtDecoder = jwtDecoder;
    }

    @Override
    public Mono<OidcUser> loadUser(OidcUserRequest request) {
        return oidc.loadUser(request).flatMap(user -> jwtDecoder.decode(request.getAccessToken().getTokenValue())
                .map(accessToken -> new DefaultOidcUser(authorities(accessToken), user.getIdToken(),
                        user.getUserInfo(), EsacClaims.SUBJECT)));
    }

    static Collection<GrantedAuthority> authorities(Jwt accessToken) {
        List<String> roles = accessToken.getClaimAsStringList(EsacClaims.ROLES);
        return roles == null ? List.of() : roles.stream().map(EsacRole::fromClaim)
                .flatMap(java.util.Optional::stream)
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority())).toList();
    }
}
