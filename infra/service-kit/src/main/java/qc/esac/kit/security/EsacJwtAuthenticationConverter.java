package qc.esac.kit.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/**
 * Maps the platform claims to authorities: {@code roles} to {@code ROLE_STAFF},
 * {@code ROLE_ORG_ADMIN}, {@code ROLE_EMPLOYEE}, {@code ROLE_PARTNER}; {@code scope} to the
 * standard {@code SCOPE_} authorities, the roles of the platform's grants included (an {@link EsacUserResolver}).
 * Signature and expiry are Spring Security's job.
 */
public class EsacJwtAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();
    private final EsacUserResolver resolver;

    public EsacJwtAuthenticationConverter() {
        this(user -> user);
    }

    /** With the grants of the platform added to what the token says (see {@code qc.esac.kit.access}). */
    public EsacJwtAuthenticationConverter(EsacUserResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        EsacUser user = resolver.resolve(EsacUser.fromClaims(jwt.getClaims()));
        List<GrantedAuthority> authorities = new ArrayList<>(scopes.convert(jwt));
        user.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
        return new EsacAuthenticationToken(jwt, authorities, user);
    }

    /** Authorities for a token, exposed for services' own converters and for tests. */
    public static Collection<GrantedAuthority> authorities(Jwt jwt, JwtGrantedAuthoritiesConverter scopes) {
        List<GrantedAuthority> authorities = new ArrayList<>(scopes.convert(jwt));
        EsacUser.fromClaims(jwt.getClaims()).roles()
                .forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
        return authorities;
    }
}
