package qc.esac.identity.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import qc.esac.identity.EsacRole;

class DemoDirectoryTest {

    @Test
    void networkIdsAreMembershipNetworkCodes() {
        // The pattern membership-service accepts for a network id.
        assertThat(DemoDirectory.NETWORKS).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).matches("[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?"));
    }

    @Test
    void organizationAndPersonIdsAreDistinctUuids() {
        List<String> ids = new ArrayList<>(List.of(DemoDirectory.ORG_CUISINE_VIEUX_MOULIN,
                DemoDirectory.ORG_COOP_BOIS_FRANC, DemoDirectory.ORG_MAISON_JEUNES_ESCALE));
        DemoDirectory.ACCOUNTS.forEach(account -> ids.add(account.id()));
        assertThat(ids).doesNotHaveDuplicates().allSatisfy(id -> assertThat(UUID.fromString(id).toString()).isEqualTo(id));
    }

    @Test
    void everyRoleOfThePlatformHasADemoAccount() {
        assertThat(DemoDirectory.ACCOUNTS.stream().flatMap(account -> account.roles().stream()))
                .contains(EsacRole.STAFF, EsacRole.ORG_ADMIN, EsacRole.EMPLOYEE);
        assertThat(DemoDirectory.clientProfile(DemoDirectory.CLIENT_PARTNER).roles()).containsExactly(EsacRole.PARTNER);
        // Staff of each network, an administrator of one organization and one of two.
        assertThat(DemoDirectory.ACCOUNTS.stream().filter(account -> account.roles().contains(EsacRole.STAFF))
                .flatMap(account -> account.networkIds().stream())).containsExactlyInAnyOrderElementsOf(
                        DemoDirectory.NETWORKS);
        assertThat(DemoDirectory.ACCOUNTS.stream().filter(account -> account.roles().contains(EsacRole.ORG_ADMIN))
                .map(account -> account.organizationIds().size())).contains(1, 2);
    }

    @Test
    void unknownMachineClientsGetNoRole() {
        assertThat(DemoDirectory.clientProfile("inconnu").roles()).isEmpty();
    }
}
