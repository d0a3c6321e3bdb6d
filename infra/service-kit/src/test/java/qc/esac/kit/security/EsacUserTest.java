package qc.esac.kit.security;

import qc.esac.identity.EsacRole;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import qc.esac.kit.problem.ForbiddenException;

class EsacUserTest {

    @Test
    void readsTheClaims() {
        EsacUser user = EsacUser.fromClaims(Map.of("sub", "u-1", "roles", List.of("org-admin", "employee"),
                "org_ids", List.of("org-a"), "network_ids", List.of("net-1"), "scope", "a b"));

        assertThat(user.id()).isEqualTo("u-1");
        assertThat(user.roles()).containsExactlyInAnyOrder(EsacRole.ORG_ADMIN, EsacRole.EMPLOYEE);
        assertThat(user.organizationIds()).containsExactly("org-a");
        assertThat(user.networkIds()).containsExactly("net-1");
        assertThat(user.scopes()).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void aTokenWithoutSubjectNamesNobody() {
        for (Map<String, Object> claims : List.<Map<String, Object>>of(Map.of("roles", List.of("staff")),
                Map.of("sub", " ", "roles", List.of("staff")))) {
            assertThatThrownBy(() -> EsacUser.fromClaims(claims)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("sub");
        }
    }

    @Test
    void missingClaimsMeanNothing() {
        EsacUser user = EsacUser.fromClaims(Map.of("sub", "u-1"));

        assertThat(user.roles()).isEmpty();
        assertThat(user.canActForOrganization("org-a")).isFalse();
    }

    @Test
    void staffIsStaffOfItsNetworksOnly() {
        EsacUser staff = EsacUser.fromClaims(Map.of("sub", "s", "roles", List.of("staff"), "network_ids", List.of("net-1")));

        assertThat(staff.isStaff()).isTrue();
        assertThat(staff.isStaffOf("net-1")).isTrue();
        assertThat(staff.isStaffOf("net-2")).isFalse();
        assertThat(staff.canActForOrganization("any-org")).isTrue();
    }

    @Test
    void orgAdminOfAIsRefusedB() {
        EsacUser admin = EsacUser.fromClaims(Map.of("sub", "a", "roles", List.of("org-admin"), "org_ids", List.of("org-a")));

        admin.requireOrganization("org-a");
        assertThatThrownBy(() -> admin.requireOrganization("org-b"))
                .isInstanceOfSatisfying(ForbiddenException.class, ex -> {
                    assertThat(ex.code()).isEqualTo("acces.organisation-refusee");
                    assertThat(ex.args()).containsExactly("org-b");
                    assertThat(ex.status()).isEqualTo(403);
                });
    }

    @Test
    void orgIdsWithoutTheAdminRoleGrantNothing() {
        EsacUser employee = EsacUser.fromClaims(Map.of("sub", "e", "roles", List.of("employee"), "org_ids", List.of("org-a")));

        assertThat(employee.canActForOrganization("org-a")).isFalse();
    }

    @Test
    void withinANetworkOnlyThatNetworksStaffOrTheOrganizationsAdministratorMayAct() {
        EsacUser staff = EsacUser.fromClaims(Map.of("sub", "s", "roles", List.of("staff"), "network_ids", List.of("net-1")));
        EsacUser admin = EsacUser.fromClaims(Map.of("sub", "a", "roles", List.of("org-admin"), "org_ids", List.of("org-a")));

        assertThat(staff.canActForOrganizationIn("org-a", "net-1")).isTrue();
        assertThat(staff.canActForOrganizationIn("org-a", "net-2")).isFalse();
        assertThat(admin.canActForOrganizationIn("org-a", "net-2")).isTrue();
        assertThat(admin.canActForOrganizationIn("org-b", "net-2")).isFalse();
        assertThatThrownBy(() -> staff.requireOrganizationIn("org-a", "net-2"))
                .isInstanceOfSatisfying(ForbiddenException.class,
                        ex -> assertThat(ex.code()).isEqualTo("acces.organisation-refusee"));
        staff.requireStaffOf("net-1");
        assertThatThrownBy(() -> staff.requireStaffOf("net-2"))
                .isInstanceOfSatisfying(ForbiddenException.class, ex -> {
                    assertThat(ex.code()).isEqualTo("acces.reseau-refuse");
                    assertThat(ex.args()).containsExactly("net-2");
                });
        assertThatThrownBy(() -> admin.requireStaffOf("net-1")).isInstanceOf(ForbiddenException.class);
    }
}
