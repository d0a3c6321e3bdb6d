package qc.esac.kit.security;

import qc.esac.identity.EsacClaims;
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

/**
 * Maps the platform claims to authorities: {@code roles} to {@code ROLE_STAFF},
 * {@code ROLE_ORG_ADMIN}, {@code ROLE_EMPLOYEE}, {@code ROLE_PARTNER}; {@code scope} to the
 * standard {@code SCOPE_} authorities. Signature and expiry are Spring Security's job.
 */
public class EsacJwtAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final JwtAuthenticationConverter delegate = new JwtAuthenticationConverter();

    public EsacJwtAuthenticationConverter() {
        JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();
        delegate.setJwtGrantedAuthoritiesConverter(jwt -> authorities(jwt, scopes));
        delegate.setPrincipalClaimName(EsacClaims.SUBJECT);
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        return delegate.convert(jwt);
    }

    /** Authorities for a token, exposed for services' own converters and for tests. */
    public static Collection<GrantedAuthority> authorities(Jwt jwt, JwtGrantedAuthoritiesConverter scopes) {
        List<GrantedAuthority> authorities = new ArrayList<>(scopes.convert(jwt));
        EsacUser.fromClaims(jwt.getClaims()).roles()
                .forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
        return authorities;
    }
}
