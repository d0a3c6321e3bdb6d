package qc.esac.identity.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import qc.esac.identity.EsacClaims;
import qc.esac.identity.EsacRole;

/**
 * The production realm (infra/compose/keycloak/esac-realm.json) cannot be started here (no
 * Docker); this keeps it in step with the platform's token contract and with this issuer.
 */
class KeycloakRealmTest {

    private static final Path REALM = Path.of("../compose/keycloak/esac-realm.json");

    private final JsonNode realm = JsonMapper.builder().build().readTree(read());

    private static String read() {
        try {
            return Files.readString(REALM);
        }
        catch (java.io.IOException e) {
            throw new AssertionError("Realm file missing: " + REALM.toAbsolutePath(), e);
        }
    }

    @Test
    void realmRolesAreThePlatformRoles() {
        assertThat(names(realm.get("roles").get("realm"), "name"))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(EsacRole.values()).map(EsacRole::claimValue).toList());
    }

    @Test
    void tokensCarryThePlatformClaimsAndAudience() {
        JsonNode scope = find(realm.get("clientScopes"), "name", "esac-claims");
        List<String> claims = StreamSupport.stream(scope.get("protocolMappers").spliterator(), false)
                .map(mapper -> mapper.get("config").path("claim.name").asString(""))
                .filter(name -> !name.isEmpty()).toList();
        assertThat(claims).contains(EsacClaims.ROLES, EsacClaims.ORG_IDS, EsacClaims.NETWORK_IDS);
        assertThat(scope.toString()).contains("\"included.custom.audience\":\"" + PlatformClaims.API_AUDIENCE + "\"");
        for (String client : List.of("esac-web", "esac-mobile", "partenaire-exemple")) {
            assertThat(names(find(realm.get("clients"), "clientId", client).get("defaultClientScopes"), null))
                    .as(client).contains("esac-claims");
        }
    }

    /**
     * A realm that declares its own client scopes gets none of Keycloak's built-in ones: without a declared
     * {@code basic} scope (its {@code sub} mapper) Keycloak 26 issues access tokens with no {@code sub}.
     */
    @Test
    void everyClientPutsTheSubjectInItsAccessTokens() {
        JsonNode basic = find(realm.get("clientScopes"), "name", "basic");
        JsonNode sub = find(basic.get("protocolMappers"), "protocolMapper", "oidc-sub-mapper");
        assertThat(sub.get("config").get("access.token.claim").asString()).isEqualTo("true");
        for (JsonNode client : realm.get("clients")) {
            assertThat(names(client.get("defaultClientScopes"), null)).as(client.get("clientId").asString())
                    .contains("basic");
        }
        assertThat(names(realm.get("defaultDefaultClientScopes"), null)).as("clients added later")
                .contains("basic", "esac-claims");
    }

    @Test
    void everyScopeAClientNamesIsDeclared() {
        List<String> declared = names(realm.get("clientScopes"), "name");
        for (JsonNode client : realm.get("clients")) {
            assertThat(declared).as(client.get("clientId").asString())
                    .containsAll(names(client.get("defaultClientScopes"), null))
                    .containsAll(names(client.path("optionalClientScopes"), null));
        }
    }

    @Test
    void browserAndMobileClientsArePublicWithPkce() {
        for (String client : List.of("esac-web", "esac-mobile")) {
            JsonNode node = find(realm.get("clients"), "clientId", client);
            assertThat(node.get("publicClient").asBoolean()).isTrue();
            assertThat(node.get("directAccessGrantsEnabled").asBoolean()).as("no password grant").isFalse();
            assertThat(node.get("attributes").get("pkce.code.challenge.method").asString()).isEqualTo("S256");
        }
    }

    @Test
    void partnerClientUsesClientCredentialsWithThePartnerScopes() {
        JsonNode partner = find(realm.get("clients"), "clientId", "partenaire-exemple");
        assertThat(partner.get("serviceAccountsEnabled").asBoolean()).isTrue();
        assertThat(partner.get("standardFlowEnabled").asBoolean()).isFalse();
        assertThat(names(partner.get("optionalClientScopes"), null))
                .containsExactlyInAnyOrderElementsOf(DemoDirectory.PARTNER_SCOPES);
        JsonNode account = find(realm.get("users"), "serviceAccountClientId", "partenaire-exemple");
        assertThat(names(account.get("realmRoles"), null)).containsExactly(EsacRole.PARTNER.claimValue());
        assertThat(account.get("id").asString()).as("sub of its tokens is the client id").isEqualTo("partenaire-exemple");
    }

    @Test
    void organizationAndNetworkAttributesAreDeclared() {
        String profile = realm.get("components").get("org.keycloak.userprofile.UserProfileProvider").get(0)
                .get("config").get("kc.user.profile.config").get(0).asString();
        assertThat(profile).contains("\"name\": \"org_ids\"", "\"name\": \"network_ids\"");
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        return StreamSupport.stream(array.spliterator(), false)
                .filter(node -> value.equals(node.path(field).asString(null))).findFirst()
                .orElseThrow(() -> new AssertionError(field + "=" + value + " not in the realm"));
    }

    private static List<String> names(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(node -> field == null ? node.asString() : node.get(field).asString()).toList();
    }
}
