package qc.esac.kit.security;

import qc.esac.identity.EsacClaims;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class EsacJwtAuthenticationConverterTest {

    private final EsacJwtAuthenticationConverter converter = new EsacJwtAuthenticationConverter();

    @Test
    void mapsEveryRoleToItsAuthority() {
        AbstractAuthenticationToken authentication = converter.convert(jwt()
                .claim(EsacClaims.ROLES, List.of("staff", "org-admin", "employee", "partner")).build());

        assertThat(authorities(authentication))
                .contains("ROLE_STAFF", "ROLE_ORG_ADMIN", "ROLE_EMPLOYEE", "ROLE_PARTNER");
    }

    @Test
    void mapsScopesToStandardScopeAuthorities() {
        AbstractAuthenticationToken authentication = converter.convert(jwt()
                .claim(EsacClaims.ROLES, List.of("partner"))
                .claim(EsacClaims.SCOPE, "membership.read events.read").build());

        assertThat(authorities(authentication))
                .contains("ROLE_PARTNER", "SCOPE_membership.read", "SCOPE_events.read");
    }

    @Test
    void ignoresRolesThePlatformDoesNotKnow() {
        AbstractAuthenticationToken authentication = converter.convert(jwt()
                .claim(EsacClaims.ROLES, List.of("admin", "superuser")).build());

        assertThat(authorities(authentication)).noneMatch(authority -> authority.startsWith("ROLE_"));
    }

    @Test
    void principalNameIsTheSubject() {
        assertThat(converter.convert(jwt().build()).getName()).isEqualTo("user-42");
    }

    private static Jwt.Builder jwt() {
        return Jwt.withTokenValue("token").header("alg", "RS256").subject("user-42")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
    }

    private static List<String> authorities(AbstractAuthenticationToken authentication) {
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }
}
