package qc.esac.identity.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import qc.esac.identity.EsacRole;
import qc.esac.identity.server.DemoDirectory.DemoAccount;
import qc.esac.identity.server.KeycloakDemoRealm.DemoCredentials;

/**
 * The Keycloak realm of the local stack and of the Keycloak end-to-end test: the production realm plus exactly the
 * demo directory of this issuer, so that tokens from either carry the same {@code sub}, roles, organizations and
 * networks (KeycloakPlatformIT signs in with them for real).
 */
class KeycloakDemoRealmTest {

    private static final Path REALM = Path.of("../compose/keycloak/esac-realm.json");

    private final JsonNode production = JsonMapper.builder().build().readTree(read());
    private final JsonNode demo = JsonMapper.builder().build().readTree(KeycloakDemoRealm.of(read(),
            new DemoCredentials("mot-de-passe-demo", "secret-partenaire", "secret-chargement",
                    "secret-portail")));

    private static String read() {
        try {
            return Files.readString(REALM);
        }
        catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void everyDemoPersonIsAUserWithTheSameIdRolesOrganizationsAndNetworks() {
        for (DemoAccount person : DemoDirectory.ACCOUNTS) {
            JsonNode user = find(demo.get("users"), "username", person.username());
            assertThat(user.get("id").asString()).as("sub").isEqualTo(person.id());
            assertThat(strings(user.get("realmRoles")))
                    .containsExactlyInAnyOrderElementsOf(person.roles().stream().map(EsacRole::claimValue).toList());
            assertThat(strings(user.path("attributes").path("org_ids")))
                    .containsExactlyInAnyOrderElementsOf(person.organizationIds());
            assertThat(strings(user.path("attributes").path("network_ids")))
                    .containsExactlyInAnyOrderElementsOf(person.networkIds());
            assertThat(user.get("credentials").get(0).get("value").asString()).isEqualTo("mot-de-passe-demo");
        }
    }

    @Test
    void peopleMayCreateTheirOwnAccountWithTheirEmailAsLoginAndTheWebClientsTokensCarryIt() {
        // Self-service onboarding starts with an account; in production its email is verified first (invitations
        // are matched on it), which needs the deployment's SMTP settings.
        assertThat(production.get("registrationAllowed").asBoolean()).isTrue();
        assertThat(production.get("registrationEmailAsUsername").asBoolean()).isTrue();
        assertThat(production.get("verifyEmail").asBoolean()).isTrue();
        assertThat(demo.get("registrationAllowed").asBoolean()).isTrue();
        assertThat(demo.get("registrationEmailAsUsername").asBoolean()).isTrue();
        JsonNode web = find(demo.get("clients"), "clientId", DemoDirectory.CLIENT_WEB);
        assertThat(strings(web.get("defaultClientScopes"))).contains("email");
    }

    @Test
    void theDemoMachineClientsAreThereWithTheirSecretsRolesAndNetworks() {
        JsonNode partner = find(demo.get("clients"), "clientId", DemoDirectory.CLIENT_PARTNER);
        assertThat(partner.get("secret").asString()).isEqualTo("secret-partenaire");
        assertThat(strings(partner.get("optionalClientScopes"))).containsExactlyInAnyOrderElementsOf(
                DemoDirectory.PARTNER_SCOPES);
        JsonNode loader = find(demo.get("clients"), "clientId", DemoDirectory.CLIENT_LOADER);
        assertThat(loader.get("secret").asString()).isEqualTo("secret-chargement");
        for (var entry : DemoDirectory.CLIENT_PROFILES.entrySet()) {
            JsonNode client = find(demo.get("clients"), "clientId", entry.getKey());
            assertThat(client.get("serviceAccountsEnabled").asBoolean()).isTrue();
            assertThat(strings(client.get("defaultClientScopes"))).contains("basic", "esac-claims");
            JsonNode account = find(demo.get("users"), "serviceAccountClientId", entry.getKey());
            assertThat(account.get("id").asString()).as("sub of its tokens is the client id").isEqualTo(entry.getKey());
            assertThat(strings(account.get("realmRoles"))).containsExactlyInAnyOrderElementsOf(
                    entry.getValue().roles().stream().map(EsacRole::claimValue).toList());
            assertThat(strings(account.path("attributes").path("network_ids")))
                    .containsExactlyInAnyOrderElementsOf(entry.getValue().networkIds());
        }
    }

    @Test
    void thePortalIsAConfidentialClientWithPkceReturningToTheGatewayWithTheWebClientsClaims() {
        JsonNode portal = find(demo.get("clients"), "clientId", DemoDirectory.CLIENT_PORTAL);
        JsonNode web = find(demo.get("clients"), "clientId", DemoDirectory.CLIENT_WEB);
        assertThat(portal.get("publicClient").asBoolean()).isFalse();
        assertThat(portal.get("secret").asString()).isEqualTo("secret-portail");
        assertThat(portal.get("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(portal.get("attributes").get("pkce.code.challenge.method").asString()).isEqualTo("S256");
        assertThat(strings(portal.get("redirectUris")))
                .containsExactly("${ESAC_GATEWAY_URL:http://127.0.0.1:8080}/login/oauth2/code/esac");
        assertThat(strings(portal.get("defaultClientScopes")))
                .containsExactlyInAnyOrderElementsOf(strings(web.get("defaultClientScopes")));
        assertThat(find(production.get("clients"), "clientId", DemoDirectory.CLIENT_WEB)).isNotNull();
        assertThat(strings(production.get("clients"), "clientId")).doesNotContain(DemoDirectory.CLIENT_PORTAL);
    }

    @Test
    void theProductionRealmItselfCarriesNoDemoAccountAndKeepsItsPasswordPolicy() {
        assertThat(strings(production.get("users"), "username")).containsExactly("service-account-partenaire-exemple");
        assertThat(production.get("passwordPolicy").asString()).contains("length(12)");
        assertThat(demo.has("passwordPolicy")).as("demo passwords are short").isFalse();
        assertThat(demo.get("clientScopes")).isEqualTo(production.get("clientScopes"));
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        return StreamSupport.stream(array.spliterator(), false)
                .filter(node -> value.equals(node.path(field).asString(null))).findFirst()
                .orElseThrow(() -> new AssertionError(field + "=" + value + " not in the realm"));
    }

    private static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asString).toList();
    }

    private static List<String> strings(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(node -> node.get(field).asString()).toList();
    }
}
