package qc.esac.kit.security;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** A validated token and the user it resolved to (claims and grants), so a request resolves it once. */
public class EsacAuthenticationToken extends JwtAuthenticationToken {

    private final transient EsacUser user;

    public EsacAuthenticationToken(Jwt jwt, Collection<? extends GrantedAuthority> authorities, EsacUser user) {
        super(jwt, authorities, user.id());
        this.user = user;
    }

    public EsacUser user() {
        return user;
    }
}
