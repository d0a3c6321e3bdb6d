package qc.esac.kit.security;

import java.util.Optional;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Static access to the caller, for code that cannot take an {@link EsacUser} parameter.
 * Controllers should prefer declaring an {@code EsacUser} parameter.
 */
public final class CurrentUser {

    private CurrentUser() {
    }

    /** The authenticated caller, if the request carries a valid token. */
    public static Optional<EsacUser> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof EsacAuthenticationToken resolved) {
            return Optional.of(resolved.user());
        }
        if (authentication instanceof JwtAuthenticationToken jwt) {
            return Optional.of(EsacUser.fromClaims(jwt.getToken().getClaims()));
        }
        return Optional.empty();
    }

    /**
     * The authenticated caller.
     *
     * @throws AuthenticationCredentialsNotFoundException when anonymous; Spring Security turns
     *         it into a 401 problem
     */
    public static EsacUser get() {
        return find().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("No authenticated user"));
    }
}
