package qc.esac.kit.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import qc.esac.identity.EsacRole;
import qc.esac.kit.security.EsacUser;

class AccessResolverTest {

    private static final EsacUser SIGNED_UP = EsacUser.fromClaims(Map.of("sub", "u-1"));

    @Test
    void aGrantMakesTheTokensSubjectAnAdministratorOfTheOrganization() {
        EsacUser user = new AccessResolver(id -> id.equals("u-1")
                ? List.of(new Grant("g-1", EsacRole.ORG_ADMIN, "org-a", null, null)) : List.of()).resolve(SIGNED_UP);

        assertThat(user.roles()).containsExactly(EsacRole.ORG_ADMIN);
        assertThat(user.canActForOrganizationIn("org-a", "net-1")).isTrue();
        assertThat(user.canActForOrganizationIn("org-b", "net-1")).isFalse();
    }

    @Test
    void withoutGrantsTheTokenSaysItAll() {
        EsacUser fromToken = EsacUser.fromClaims(Map.of("sub", "u-2", "roles", List.of("org-admin"),
                "org_ids", List.of("org-b")));

        assertThat(new AccessResolver(id -> List.of()).resolve(fromToken)).isEqualTo(fromToken);
    }

    @Test
    void anEmployeeOfOneOrganizationDoesNotAdministerItBecauseTheyAdministerAnother() {
        EsacUser user = new AccessResolver(id -> List.of(
                new Grant("g-1", EsacRole.ORG_ADMIN, "org-a", null, null),
                new Grant("g-2", EsacRole.EMPLOYEE, "org-b", null, "emp-7"))).resolve(SIGNED_UP);

        assertThat(user.organizationIds()).containsExactlyInAnyOrder("org-a", "org-b");
        assertThat(user.isEmployee()).isTrue();
        assertThat(user.administers("org-a")).isTrue();
        assertThat(user.administers("org-b")).isFalse();
        assertThat(user.canActForOrganization("org-b")).isFalse();
    }

    @Test
    void aStaffGrantIsScopedToItsNetwork() {
        EsacUser user = new AccessResolver(id -> List.of(new Grant("g-3", EsacRole.STAFF, null, "net-1", null)))
                .resolve(SIGNED_UP);

        assertThat(user.isStaffOf("net-1")).isTrue();
        assertThat(user.isStaffOf("net-2")).isFalse();
    }

    @Test
    void partnersActByTheirScopesNotByGrants() {
        EsacUser partner = EsacUser.fromClaims(Map.of("sub", "client-1", "roles", List.of("partner")));

        assertThat(new AccessResolver(id -> List.of(new Grant("g-4", EsacRole.STAFF, null, "net-1", null)))
                .resolve(partner).isStaff()).isFalse();
    }
}
