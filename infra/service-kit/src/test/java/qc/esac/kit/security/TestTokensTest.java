package qc.esac.kit.security;

import qc.esac.testkit.jwt.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import qc.esac.identity.EsacRole;

/**
 * Tokens are checked by the decoder Boot builds from the very properties services set, so a
 * token that passes here passes in a service's test.
 */
class TestTokensTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ServletWebSecurityAutoConfiguration.class,
                    OAuth2ResourceServerAutoConfiguration.class))
            .withPropertyValues(
                    "spring.security.oauth2.resourceserver.jwt.public-key-location=" + TestTokens.PUBLIC_KEY_LOCATION,
                    "spring.security.oauth2.resourceserver.jwt.audiences=" + TestTokens.AUDIENCE);

    @Test
    void staffTokenCarriesRoleAndNetworks() {
        EsacUser user = decodeUser(TestTokens.staff("net-1", "net-2"));

        assertThat(user.id()).isEqualTo(TestTokens.STAFF_SUBJECT);
        assertThat(user.roles()).containsExactly(EsacRole.STAFF);
        assertThat(user.networkIds()).containsExactlyInAnyOrder("net-1", "net-2");
    }

    @Test
    void orgAdminTokenCarriesOrganizations() {
        EsacUser user = decodeUser(TestTokens.orgAdmin("org-a", "org-b"));

        assertThat(user.isOrgAdmin()).isTrue();
        assertThat(user.canActForOrganization("org-a")).isTrue();
        assertThat(user.canActForOrganization("org-c")).isFalse();
    }

    @Test
    void employeeTokenCarriesSubjectAndOrganization() {
        EsacUser user = decodeUser(TestTokens.employee("emp-7", "org-a"));

        assertThat(user.id()).isEqualTo("emp-7");
        assertThat(user.isEmployee()).isTrue();
        assertThat(user.organizationIds()).containsExactly("org-a");
    }

    @Test
    void partnerTokenMapsToScopeAuthorities() {
        runner.run(context -> {
            Jwt jwt = context.getBean(JwtDecoder.class)
                    .decode(TestTokens.partner("caisse-desjardins", "membership.read", "events.read"));
            List<String> authorities = new EsacJwtAuthenticationConverter().convert(jwt).getAuthorities().stream()
                    .map(GrantedAuthority::getAuthority).toList();

            assertThat(jwt.getSubject()).isEqualTo("caisse-desjardins");
            assertThat(authorities).contains("ROLE_PARTNER", "SCOPE_membership.read", "SCOPE_events.read");
        });
    }

    @Test
    void builderAddsCustomClaims() {
        runner.run(context -> {
            Jwt jwt = context.getBean(JwtDecoder.class).decode(TestTokens.builder("u-1")
                    .roles("org-admin", "inconnu").organizations("org-a").claim("name", "Léa Tremblay").build());

            assertThat(jwt.getClaimAsString("name")).isEqualTo("Léa Tremblay");
            assertThat(EsacUser.fromClaims(jwt.getClaims()).roles()).containsExactly(EsacRole.ORG_ADMIN);
            assertThat(jwt.getIssuer().toString()).isEqualTo(TestTokens.ISSUER);
            assertThat(jwt.getAudience()).containsExactly(TestTokens.AUDIENCE);
        });
    }

    @Test
    void expiredTokenIsRefused() {
        runner.run(context -> assertThatThrownBy(() -> context.getBean(JwtDecoder.class).decode(TestTokens.expired()))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired"));
    }

    @Test
    void tokenSignedWithUnknownKeyIsRefused() {
        runner.run(context -> assertThatThrownBy(
                () -> context.getBean(JwtDecoder.class).decode(TestTokens.signedWithUnknownKey()))
                .isInstanceOf(BadJwtException.class));
    }

    @Test
    void otherAudienceIsRefusedWhenTheServiceChecksIt() {
        runner.run(context -> assertThatThrownBy(() -> context.getBean(JwtDecoder.class)
                .decode(TestTokens.builder("u-1").audience("autre-api").build()))
                .isInstanceOf(JwtValidationException.class));
    }

    private EsacUser decodeUser(String token) {
        EsacUser[] user = new EsacUser[1];
        runner.run(context -> user[0] = EsacUser.fromClaims(context.getBean(JwtDecoder.class).decode(token).getClaims()));
        return user[0];
    }
}
