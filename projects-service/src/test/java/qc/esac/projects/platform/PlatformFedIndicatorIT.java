package qc.esac.projects.platform;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import qc.esac.events.EventCatalog;
import qc.esac.events.Topics;
import qc.esac.testkit.TestEvents;
import qc.esac.events.membership.OrganizationRegistered;
import qc.esac.projects.ProjectsTestSupport;
import qc.esac.projects.ProjectsTestSupport.Response;
import qc.esac.testkit.TestTopics;
import qc.esac.testkit.jwt.TestTokens;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An indicator bound to a platform source moves with the events of another service, each applied once, counts
 * only the project's contributing partners, and stops moving once its period is submitted.
 * The source driven here is membership's organization-registered event; {@link PlatformSourcesIT} drives training
 * attestations, insurance participation and membership standing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlatformFedIndicatorIT {

    static final String STAFF = TestTokens.staff("csmo-esac");
    static final String REGISTERED = EventCatalog.of(OrganizationRegistered.class).type();
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/Montreal"));

    @LocalServerPort
    int port;

    @Test
    void membershipEventsMoveTheBoundIndicatorOfThePeriodUntilItIsSubmitted() throws Exception {
        ProjectsTestSupport api = new ProjectsTestSupport(port);
        List<String> known = List.copyOf(ProjectsTestSupport.registerOrganizations("Chantier régional",
                "Coopérative Maître d’ouvrage").values());
        String lead = known.get(0);
        String base = "/api/projects/projects/" + api.post("/api/projects/projects", STAFF, """
                {"name": "Immobilier collectif", "targetedIssues": ["IMMOBILIER_ABORDABLE"], "leadOrganizationId": "%s"}
                """.formatted(lead)).json().get("id").asString();
        ok(api.post(base + "/partners", STAFF, partner(known.get(1), "INITIAL_PARTNER")));
        ok(api.post(base + "/indicators", STAFF, """
                {"name": "Partenaires inscrits sur la plateforme", "kind": "QUANTITATIVE",
                 "source": "PARTNER_ORGANIZATIONS_REGISTERED", "target": {"value": 5, "unit": "ORGANISATIONS"}}
                """));
        ok(api.post(base + "/activate", STAFF, null));
        String period = base + "/periods/" + api.post(base + "/periods", STAFF,
                "{\"label\": \"Année en cours\", \"startDate\": \"%s\", \"endDate\": \"%s\"}"
                        .formatted(TODAY.minusDays(30), TODAY.minusDays(1))).json().get("id").asString();
        assertThat(value(api, period)).isEqualTo(2.0);

        // A new organization registers in membership and joins as a partner: the indicator follows.
        String newcomer = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        RecordMetadata registered = publishRegistration(eventId, newcomer, 1,
                registration(newcomer, "Coopérative d’architecture"));
        TestTopics.awaitConsumed(ProjectsTestSupport.GROUP, registered, Duration.ofSeconds(30));
        ok(api.post(base + "/partners", STAFF, partner(newcomer, "PARTNER")));
        assertThat(value(api, period)).isEqualTo(3.0);

        // The same event delivered again, and an update, count the organization once.
        publishRegistration(eventId, newcomer, 1, registration(newcomer, "Doublon"));
        RecordMetadata update = publishRegistration(UUID.randomUUID().toString(), newcomer, 2,
                registration(newcomer, "Coopérative d’architecture (nom à jour)"));
        TestTopics.awaitConsumed(ProjectsTestSupport.GROUP, update, Duration.ofSeconds(30));
        assertThat(value(api, period)).isEqualTo(3.0);

        // An observer is not a contributing partner.
        String observer = ProjectsTestSupport.registerOrganizations("Observatoire régional").values().iterator().next();
        ok(api.post(base + "/partners", STAFF, partner(observer, "OBSERVER")));
        assertThat(value(api, period)).isEqualTo(3.0);

        // Submitted: what is reviewed is frozen; another partner joining changes nothing until a return.
        ok(api.post(period + "/submit", TestTokens.orgAdmin(lead), null));
        String late = ProjectsTestSupport.registerOrganizations("Coopérative de travail").values().iterator().next();
        ok(api.post(base + "/partners", STAFF, partner(late, "PARTNER")));
        assertThat(value(api, period)).isEqualTo(3.0);
        ok(api.post(period + "/return", STAFF, "{\"comment\": \"Ajouter le nouveau partenaire.\"}"));
        assertThat(value(api, period)).isEqualTo(4.0);
    }

    /** Registered before the period, which is over when it is submitted: facts take the event's date. */
    private static RecordMetadata publishRegistration(String eventId, String organizationId, long sequence,
                                                      String json) {
        return TestEvents.publishAt(ProjectsTestSupport.REGISTERED_AT, Topics.MEMBERSHIP, eventId,
                REGISTERED, organizationId, sequence, json);
    }

    private static double value(ProjectsTestSupport api, String period) throws Exception {
        Response report = api.get(period + "/report", STAFF);
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        return report.json().at("/indicators/0/periodValue").asDouble();
    }

    private static String partner(String organizationId, String role) {
        return "{\"organizationId\": \"%s\", \"role\": \"%s\"}".formatted(organizationId, role);
    }

    private static String registration(String id, String name) {
        return """
                {"organizationId": "%s", "legalName": "%s", "neq": "1234567890", "legalForm": "COOP_TRAVAIL",
                 "regionCode": "06", "sectorCodes": []}
                """.formatted(id, name);
    }

    private static void ok(Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 299);
    }
}
