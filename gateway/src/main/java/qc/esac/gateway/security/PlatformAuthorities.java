package qc.esac.gateway.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;

import reactor.core.publisher.Mono;

import qc.esac.identity.EsacClaims;
import qc.esac.identity.EsacRole;

/**
 * The gateway reads the same claims as the services ({@link EsacClaims}): {@code roles} become
 * {@code ROLE_*} authorities (unknown role names grant nothing), {@code scope} the usual
 * {@code SCOPE_*} ones. The gateway only needs them for coarse rules; services decide the rest.
 */
final class PlatformAuthorities implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

    private final ReactiveJwtAuthenticationConverterAdapter delegate;

    PlatformAuthorities() {
        JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> authorities(jwt, scopes));
        converter.setPrincipalClaimName(EsacClaims.SUBJECT);
        this.delegate = new ReactiveJwtAuthenticationConverterAdapter(converter);
    }

    @Override
    public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
        return delegate.convert(jwt);
    }

    static Collection<GrantedAuthority> authorities(Jwt jwt, JwtGrantedAuthoritiesConverter scopes) {
        List<GrantedAuthority> authorities = new ArrayList<>(scopes.convert(jwt));
        Object roles = jwt.getClaims().get(EsacClaims.ROLES);
        if (roles instanceof Collection<?> values) {
            values.stream().map(String::valueOf).map(EsacRole::fromClaim).flatMap(java.util.Optional::stream)
                    .map(role -> new SimpleGrantedAuthority(role.authority())).forEach(authorities::add);
        }
        return authorities;
    }
}
