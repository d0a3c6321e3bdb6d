package qc.esac.e2e;

import org.junit.jupiter.api.Test;
import qc.esac.demo.DemoContent;
import qc.esac.demo.DemoLoader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo content loads through the gateway of the whole stack, holds what the platform's reference lists
 * allow, and a second run finds everything and creates nothing.
 */
class DemoContentIT {

    private static final String VIEUX_MOULIN = "5e5ac000-0002-4000-8000-000000000001";

    private final FullStack stack = FullStack.get();
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void theDemoContentLoadsThroughTheGatewayAndASecondRunCreatesNothing() {
        String token = stack.staffToken();
        DemoContent content = DemoContent.load();

        DemoLoader.Report first = new DemoLoader(stack.gateway("/"), () -> token).load(content);
        int organizations = content.allOrganizations().size();
        assertThat(first.created("organizations") + first.present("organizations")).isEqualTo(organizations);
        long organizationsAfterFirst = get("/api/membership/organizations?size=1", token).get("totalItems").asLong();
        long sessionsAfterFirst = get("/api/training/sessions?size=1", null).get("totalItems").asLong();

        theContentIsThere(token);
        codesAreThoseOfTheReferenceLists(content);

        DemoLoader.Report second = new DemoLoader(stack.gateway("/"), () -> token).load(content);
        assertThat(second.created()).as(second.toString()).isZero();
        assertThat(second.present("organizations")).isEqualTo(organizations);
        assertThat(second.present("projects")).isEqualTo(12);
        assertThat(get("/api/membership/organizations?size=1", token).get("totalItems").asLong())
                .isEqualTo(organizationsAfterFirst);
        assertThat(get("/api/training/sessions?size=1", null).get("totalItems").asLong()).isEqualTo(sessionsAfterFirst);
    }

    private void theContentIsThere(String token) {
        JsonNode vieuxMoulin = get("/api/membership/organizations/" + VIEUX_MOULIN, token);
        assertThat(vieuxMoulin.get("legalName").asString()).isEqualTo("Cuisine collective du Vieux-Moulin");
        assertThat(get("/api/membership/networks?size=50", token).get("items").valueStream()
                .map(n -> n.get("id").asString())).contains("csmo-esac", "aacocq", "fqcs", "axtra");
        JsonNode memberships = get("/api/membership/memberships?organizationId=" + VIEUX_MOULIN, token);
        assertThat(memberships.get("items").valueStream().map(m -> m.get("networkId").asString() + ":"
                + m.get("status").asString())).contains("aacocq:ACTIVE", "csmo-esac:ACTIVE");
        assertThat(get("/api/membership/organizations/" + VIEUX_MOULIN + "/employees", token).get("totalItems")
                .asLong()).isGreaterThanOrEqualTo(5);

        assertThat(get("/api/training/courses?networkId=csmo-esac&size=100", null).get("totalItems").asLong())
                .isGreaterThanOrEqualTo(6);
        assertThat(get("/api/training/courses?networkId=fqcs&size=100", null).get("totalItems").asLong())
                .isGreaterThanOrEqualTo(4);
        assertThat(get("/api/training/sessions?status=OPEN&size=100", null).get("totalItems").asLong())
                .isGreaterThanOrEqualTo(7);
        assertThat(get("/api/training/pamt/standards?size=100", token).get("items").valueStream()
                .map(s -> s.get("code").asString())).contains("PREPOSE_AIDE_DOMICILE");

        JsonNode plan = get("/api/insurance/plan-years/current", null);
        assertThat(plan.get("coverages")).hasSize(10);
        assertThat(plan.get("classes").valueStream().map(c -> c.get("code").asString()))
                .containsExactly("FULL_TIME", "PART_TIME");

        JsonNode projects = get("/api/projects/public/projects?size=100", null);
        assertThat(projects.get("items").valueStream().map(p -> p.get("name").asString()))
                .contains("Insertion en emploi et pénurie de main-d’œuvre");
        assertThat(projects.get("totalItems").asLong()).isGreaterThanOrEqualTo(12);
    }

    /** Every code the content uses is one the platform serves in its reference lists. */
    private void codesAreThoseOfTheReferenceLists(DemoContent content) {
        Set<String> legalForms = codes("/api/membership/reference/legal-forms");
        Set<String> sectors = codes("/api/membership/reference/sectors");
        Set<String> bands = codes("/api/membership/reference/budget-bands");
        Set<String> regions = codes("/api/membership/reference/regions");
        for (DemoContent.Organization organization : content.allOrganizations()) {
            JsonNode profile = organization.profile();
            assertThat(legalForms).contains(profile.get("legalForm").asString());
            assertThat(regions).contains(profile.get("regionCode").asString());
            profile.path("sectorCodes").forEach(s -> assertThat(sectors).contains(s.asString()));
            if (profile.hasNonNull("budgetBand")) {
                assertThat(bands).contains(profile.get("budgetBand").asString());
            }
        }
    }

    private Set<String> codes(String path) {
        Set<String> codes = new HashSet<>();
        get(path + "?size=100", null).get("items").forEach(item -> codes.add(item.get("code").asString()));
        return codes;
    }

    private JsonNode get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(stack.gateway(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
