package qc.esac.identity.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import qc.esac.identity.EsacRole;
import qc.esac.identity.server.DemoDirectory.DemoAccount;

/**
 * The production Keycloak realm (infra/compose/keycloak/esac-realm.json) with the demo directory in it: the
 * same people (same {@code sub}, roles, organizations and networks) and the same demo machine clients as this
 * issuer, so that the demo content and the end-to-end suite work against Keycloak unchanged. The production
 * file itself carries no demo account; this is written beside it for the local stack's
 * {@code --identity keycloak} and for the Keycloak end-to-end test:
 * {@code java -jar identity.jar keycloak-demo-realm <production realm> <output>}.
 */
public final class KeycloakDemoRealm {

    /** The command-line word that makes the identity jar write this realm instead of starting. */
    public static final String COMMAND = "keycloak-demo-realm";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private KeycloakDemoRealm() {
    }

    /** {@code keycloak-demo-realm <production realm> <output>}, with the demo credentials from the environment. */
    static void write(String[] args) {
        if (args.length != 3) {
            throw new IllegalArgumentException("Usage: " + COMMAND + " <production realm file> <output file>");
        }
        try {
            String realm = of(Files.readString(Path.of(args[1])), DemoCredentials.fromEnvironment());
            Path output = Path.of(args[2]).toAbsolutePath();
            Files.createDirectories(output.getParent());
            Files.writeString(output, realm);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The production realm's JSON with the demo people and clients added. */
    public static String of(String productionRealm, DemoCredentials credentials) {
        ObjectNode realm = (ObjectNode) JSON.readTree(productionRealm);
        // Demo passwords are short and known: the production policy would refuse them.
        realm.remove("passwordPolicy");
        // Self-service onboarding: people create their own account (email as login name); the realm's default
        // "email" scope puts the address in access tokens, which accepting an invitation checks.
        realm.put("registrationAllowed", true);
        realm.put("registrationEmailAsUsername", true);
        ArrayNode clients = (ArrayNode) realm.get("clients");
        ArrayNode users = (ArrayNode) realm.withArray("users");
        JsonNode partnerModel = StreamSupport.stream(clients.spliterator(), false)
                .filter(client -> "partenaire-exemple".equals(client.path("clientId").asString(null))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("The realm has no partenaire-exemple client"));
        for (var entry : DemoDirectory.CLIENT_PROFILES.entrySet()) {
            String clientId = entry.getKey();
            ObjectNode client = ((ObjectNode) partnerModel.deepCopy()).put("clientId", clientId)
                    .put("name", clientId + " (démo)").put("secret", credentials.secretOf(clientId));
            if (!entry.getValue().roles().contains(EsacRole.PARTNER)) {
                client.putArray("optionalClientScopes");
            }
            clients.add(client);
            ObjectNode account = users.addObject().put("id", clientId).put("username", "service-account-" + clientId)
                    .put("enabled", true).put("serviceAccountClientId", clientId);
            roles(account, entry.getValue().roles());
            ObjectNode attributes = account.putObject("attributes");
            strings(attributes, "network_ids", entry.getValue().networkIds().stream().sorted().toList());
        }
        clients.add(portalClient(clients, credentials.portalSecret()));
        for (DemoAccount person : DemoDirectory.ACCOUNTS) {
            int space = person.displayName().indexOf(' ');
            ObjectNode user = users.addObject().put("id", person.id()).put("username", person.username())
                    .put("enabled", true).put("emailVerified", false)
                    .put("firstName", person.displayName().substring(0, space))
                    .put("lastName", person.displayName().substring(space + 1));
            roles(user, person.roles());
            ObjectNode attributes = user.putObject("attributes");
            strings(attributes, "org_ids", person.organizationIds().stream().sorted().toList());
            strings(attributes, "network_ids", person.networkIds().stream().sorted().toList());
            user.putArray("credentials").addObject().put("type", "password").put("value", credentials.password())
                    .put("temporary", false);
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(realm);
    }

    /**
     * The web portal's client (the gateway's sign-in), modelled on the realm's browser client {@code esac-web} (same
     * scopes and claims) but confidential, with the gateway's callback as its redirect URI.
     */
    private static ObjectNode portalClient(ArrayNode clients, String secret) {
        JsonNode webModel = StreamSupport.stream(clients.spliterator(), false)
                .filter(client -> DemoDirectory.CLIENT_WEB.equals(client.path("clientId").asString(null))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("The realm has no esac-web client"));
        ObjectNode portal = ((ObjectNode) webModel.deepCopy()).put("clientId", DemoDirectory.CLIENT_PORTAL)
                .put("name", "Portail Web ÉSAC (démo)").put("publicClient", false).put("secret", secret)
                .put("clientAuthenticatorType", "client-secret");
        portal.putArray("redirectUris").add("${ESAC_GATEWAY_URL:http://127.0.0.1:8080}/login/oauth2/code/esac");
        portal.putArray("webOrigins");
        ObjectNode attributes = portal.get("attributes") instanceof ObjectNode existing ? existing
                : portal.putObject("attributes");
        attributes.put("pkce.code.challenge.method", "S256");
        attributes.put("post.logout.redirect.uris", "${ESAC_GATEWAY_URL:http://127.0.0.1:8080}/");
        return portal;
    }

    private static void roles(ObjectNode user, java.util.Set<EsacRole> roles) {
        strings(user, "realmRoles", roles.stream().sorted().map(EsacRole::claimValue).toList());
    }

    private static void strings(ObjectNode node, String field, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode array = node.putArray(field);
            values.forEach(array::add);
        }
    }

    /** The demo's shared secrets, as this issuer reads them (same variables, same defaults). */
    public record DemoCredentials(String password, String partnerSecret, String loaderSecret, String portalSecret) {

        public static DemoCredentials fromEnvironment() {
            return new DemoCredentials(System.getenv().getOrDefault("ESAC_IDENTITY_DEMO_PASSWORD", "esac-demo"),
                    System.getenv().getOrDefault("ESAC_IDENTITY_PARTNER_SECRET", "partenaire-demo-secret"),
                    System.getenv().getOrDefault("ESAC_IDENTITY_LOADER_SECRET", "chargement-demo-secret"),
                    System.getenv().getOrDefault("ESAC_IDENTITY_PORTAL_SECRET", "portail-demo-secret"));
        }

        String secretOf(String clientId) {
            return DemoDirectory.CLIENT_LOADER.equals(clientId) ? loaderSecret : partnerSecret;
        }
    }
}
