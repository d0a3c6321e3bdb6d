package qc.esac.projects.demo;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import qc.esac.events.EventCatalog;
import qc.esac.events.Topics;
import qc.esac.events.membership.OrganizationRegistered;
import qc.esac.projects.ProjectsTestSupport;
import qc.esac.testkit.TestEvents;
import qc.esac.testkit.jwt.TestTokens;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo fixture loads through the service's own API; membership is stood in for by publishing its
 * organization-registered events, exactly what the real membership service would publish.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemoFixtureIT {

    static final String REGISTERED = EventCatalog.of(OrganizationRegistered.class).type();

    @LocalServerPort
    int port;

    @Test
    void theTwelveProjectsLoadThroughTheApiAndArePubliclyReadable() throws Exception {
        DemoFixture fixture = DemoFixture.load();
        assertThat(fixture.projects()).hasSize(12);
        String staff = TestTokens.staff("programme-economie-sociale");

        Map<String, String> projects = new DemoFixtureLoader(URI.create("http://localhost:" + port), staff,
                organization -> {
                    String id = UUID.randomUUID().toString();
                    TestEvents.publish(Topics.MEMBERSHIP, REGISTERED, id, 1, DemoFixture.JSON.writeValueAsString(
                            Map.of("organizationId", id, "legalName", organization.legalName(), "neq",
                                    organization.neq(), "legalForm", organization.legalForm(), "regionCode",
                                    organization.regionCode(), "sectorCodes", java.util.List.of())));
                    return id;
                }).load(fixture);

        assertThat(projects).hasSize(12);
        ProjectsTestSupport api = new ProjectsTestSupport(port);
        JsonNode insertion = api.get("/api/projects/public/projects/" + projects.get("insertion"), null).json();
        assertThat(insertion.get("name").asString()).isEqualTo("Insertion en emploi et pénurie de main-d’œuvre");
        assertThat(insertion.at("/leadOrganization/name").asString())
                .isEqualTo("Collectif des entreprises d’insertion du Québec");
        assertThat(insertion.get("steps")).hasSize(5);
        assertThat(insertion.get("partners")).hasSize(8);
        assertThat(insertion.at("/contact/email").asString()).endsWith("@exemple.org");
        JsonNode full = api.get("/api/projects/projects/" + projects.get("insertion"), staff).json();
        assertThat(full.get("indicators").valueStream().map(i -> i.get("name").asString()))
                .contains("Personnes intégrées en emploi", "Partenaires inscrits sur la plateforme");
        JsonNode food = api.get("/api/projects/public/projects?issue=AUTONOMIE_ALIMENTAIRE&size=100", null).json();
        assertThat(food.get("items").valueStream().map(p -> p.get("id").asString()))
                .contains(projects.get("poles-logistiques"), projects.get("agriculture"), projects.get("autonomie-pn"));
    }
}
