package qc.esac.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import qc.esac.demo.DemoContent;
import qc.esac.demo.DemoLoader;
import qc.esac.local.KeycloakIdentity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The production path for real: Keycloak (the Maven Central distribution, unpacked by this module's build) with
 * the realm of infra/compose plus the demo directory, and the whole stack trusting it (the services' and the
 * gateway's issuer is Keycloak's realm). A machine client (client credentials) loads the demo content through the
 * gateway; people sign in at Keycloak's login form (authorization code with PKCE); their tokens' {@code sub},
 * roles, organizations, networks and audience are what the platform reads, and one organization's administrator
 * cannot read another's. A stack of its own (the demo content's organizations have fixed ids), run just before
 * the organization lifecycle journey.
 */
@Order(Integer.MAX_VALUE - 4)
class KeycloakPlatformIT {

    private static final String VIEUX_MOULIN = "5e5ac000-0002-4000-8000-000000000001";
    private static final String BOIS_FRANC = "5e5ac000-0002-4000-8000-000000000002";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final FullStack stack = FullStack.ownedBy(KeycloakPlatformIT.class, keycloak());
    private final GatewayClient gateway = new GatewayClient(stack);

    /** The distribution this module's build unpacked, run on a JDK 21+ (ESAC_KEYCLOAK_JAVA_HOME or found). */
    private static KeycloakIdentity keycloak() {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.putIfAbsent("ESAC_KEYCLOAK_HOME", System.getProperty("esac.keycloak.home", ""));
        return KeycloakIdentity.fromEnvironment(environment);
    }

    @Test
    void machineClientsAndPeopleSignedInAtKeycloakUseThePlatformWithinTheirRights() {
        String loader = stack.staffToken();
        JsonNode loaderClaims = claims(loader);
        assertThat(loaderClaims.get("iss").asString()).isEqualTo(stack.issuer()).endsWith("/realms/esac");
        assertThat(loaderClaims.get("sub").asString()).isEqualTo("esac-chargement-demo");
        assertThat(strings(loaderClaims, "roles")).containsExactly("staff");
        assertThat(strings(loaderClaims, "network_ids")).containsExactlyInAnyOrder("csmo-esac", "aacocq", "fqcs", "axtra");
        assertThat(strings(loaderClaims, "aud")).contains("esac-api");

        // The demo content loads through the gateway with Keycloak's token, as with infra/identity's.
        DemoLoader.Report report = new DemoLoader(stack.gateway("/"), () -> loader).load(DemoContent.load());
        assertThat(report.created("organizations")).as(report.toString()).isPositive();

        String admin = stack.personToken("admin-vieux-moulin");
        JsonNode adminClaims = claims(admin);
        assertThat(adminClaims.get("sub").asString()).isEqualTo("5e5ac000-0003-4000-8000-000000000005");
        assertThat(strings(adminClaims, "roles")).containsExactly("org-admin");
        assertThat(strings(adminClaims, "org_ids")).containsExactly(VIEUX_MOULIN);
        assertThat(strings(adminClaims, "aud")).contains("esac-api");
        String outsider = stack.personToken("admin-deux-organismes");
        assertThat(strings(claims(outsider), "org_ids")).containsExactlyInAnyOrder(BOIS_FRANC,
                "5e5ac000-0002-4000-8000-000000000003");

        // Organizations: each administrator its own, never the other's.
        GatewayClient.Reply kitchen = gateway.get("/api/membership/organizations/" + VIEUX_MOULIN, admin);
        assertThat(kitchen.status()).as(kitchen.toString()).isEqualTo(200);
        assertThat(kitchen.text("/legalName")).isEqualTo("Cuisine collective du Vieux-Moulin");
        assertThat(gateway.get("/api/membership/organizations/" + VIEUX_MOULIN, outsider).status()).isEqualTo(403);
        assertThat(gateway.get("/api/membership/organizations/" + BOIS_FRANC, outsider).status()).isEqualTo(200);
        assertThat(gateway.get("/api/membership/organizations/" + BOIS_FRANC, admin).status()).isEqualTo(403);

        // Networks: staff act within the networks their token names.
        String aacocqStaff = stack.personToken("personnel-aacocq");
        assertThat(strings(claims(aacocqStaff), "network_ids")).containsExactly("aacocq");
        String voters = "/voters?date=" + stack.today();
        GatewayClient.Reply own = gateway.get("/api/membership/networks/aacocq" + voters, aacocqStaff);
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(gateway.get("/api/membership/networks/csmo-esac" + voters, aacocqStaff).status()).isEqualTo(403);

        // Roles at the gateway: operations for staff only; a partner is a partner.
        assertThat(gateway.get("/api/membership/ops/dead-letters", aacocqStaff).status()).isEqualTo(200);
        assertThat(gateway.get("/api/membership/ops/dead-letters", admin).status()).isEqualTo(403);
        String partner = stack.partnerToken();
        JsonNode partnerClaims = claims(partner);
        assertThat(partnerClaims.get("sub").asString()).isEqualTo("partenaire-demo");
        assertThat(strings(partnerClaims, "roles")).containsExactly("partner");
        assertThat(gateway.get("/api/membership/ops/dead-letters", partner).status()).isEqualTo(403);

        // A token of another issuer is refused, even a well-formed one.
        assertThat(gateway.get("/api/membership/organizations/" + VIEUX_MOULIN, "pas-un-jwt").status()).isEqualTo(401);
    }

    private static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }

    /** A claim as a list of strings (a JSON array, or one string as Keycloak writes a single audience). */
    private static List<String> strings(JsonNode claims, String name) {
        JsonNode claim = claims.path(name);
        return claim.isArray() ? claim.valueStream().map(JsonNode::asString).toList()
                : claim.isMissingNode() ? List.of() : List.of(claim.asString());
    }
}
