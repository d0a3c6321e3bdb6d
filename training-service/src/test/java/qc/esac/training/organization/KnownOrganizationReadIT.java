package qc.esac.training.organization;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import qc.esac.events.membership.EmployeeAdded;
import qc.esac.events.membership.EmployeeLeft;
import qc.esac.events.membership.MembershipActivated;
import qc.esac.events.membership.MembershipApplied;
import qc.esac.testkit.jwt.TestTokens;
import qc.esac.training.Api;
import qc.esac.training.MembershipFixtures;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What training consumed of an organization, read back by staff: its profile, its standing in the reader's own
 * networks only, and its roster entries (ids and employment dates, no names); others are refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KnownOrganizationReadIT {

    private static final String NETWORK = "reseau-csmo-esac";
    private static final String OTHER_NETWORK = "reseau-fqcs";

    @LocalServerPort
    int port;

    private final String org = "org-" + UUID.randomUUID();

    @Test
    void staffSeeTheStandingsOfTheirOwnNetworksAndTheRosterAsTrainingConsumedThem() {
        Api api = new Api(port);
        String membership = "mbr-" + UUID.randomUUID();
        String stayer = "emp-" + UUID.randomUUID();
        String leaver = "emp-" + UUID.randomUUID();
        LocalDate hired = LocalDate.of(2022, 9, 1);
        MembershipFixtures.organizationRegistered(org, "Coop de lecture");
        MembershipFixtures.standing(MembershipApplied.class, membership, 1, org, NETWORK, "APPLIED", false,
                LocalDate.of(2026, 1, 5));
        MembershipFixtures.standing(MembershipActivated.class, membership, 3, org, NETWORK, "ACTIVE", true,
                LocalDate.of(2026, 1, 20));
        MembershipFixtures.standing(MembershipApplied.class, "mbr-" + UUID.randomUUID(), 1, org, OTHER_NETWORK,
                "APPLIED", false, LocalDate.of(2026, 2, 1));
        MembershipFixtures.employee(EmployeeAdded.class, stayer, 1, org, "Camille", null, null);
        MembershipFixtures.employee(EmployeeAdded.class, leaver, 1, org, "Dominique", null, null);
        MembershipFixtures.employee(EmployeeLeft.class, leaver, 2, org, "Dominique", LocalDate.of(2026, 3, 31), null);

        JsonNode known = api.get("/api/training/organizations/" + org, TestTokens.staff(NETWORK)).expect(200).body();

        assertThat(known.path("legalName").asString()).isEqualTo("Coop de lecture");
        assertThat(known.path("standings")).hasSize(1);
        JsonNode standing = known.path("standings").get(0);
        assertThat(standing.path("networkId").asString()).isEqualTo(NETWORK);
        assertThat(standing.path("membershipId").asString()).isEqualTo(membership);
        assertThat(standing.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(standing.path("goodStanding").asBoolean()).isTrue();
        assertThat(standing.path("effectiveDate").asString()).isEqualTo("2026-01-20");
        assertThat(known.path("roster")).hasSize(2);
        for (JsonNode employee : known.path("roster")) {
            assertThat(employee.path("hireDate").asString()).isEqualTo(hired.toString());
            assertThat(employee.path("endDate").isNull()).isEqualTo(employee.path("id").asString().equals(stayer));
            // Ids and dates only: names and accounts stay in membership's roster.
            assertThat(employee.has("firstName") || employee.has("lastName") || employee.has("userId")).isFalse();
        }
        assertThat(known.path("roster").findValuesAsString("id")).containsExactlyInAnyOrder(stayer, leaver);
        assertThat(known.path("roster").valueStream().filter(e -> e.path("id").asString().equals(leaver))
                .findFirst().orElseThrow().path("endDate").asString()).isEqualTo("2026-03-31");

        // Staff of both networks see both standings; staff of a network it never joined see none.
        JsonNode both = api.get("/api/training/organizations/" + org, TestTokens.staff(NETWORK, OTHER_NETWORK))
                .expect(200).body();
        assertThat(both.path("standings").findValuesAsString("networkId"))
                .containsExactly(NETWORK, OTHER_NETWORK);
        JsonNode outsider = api.get("/api/training/organizations/" + org, TestTokens.staff("reseau-axtra"))
                .expect(200).body();
        assertThat(outsider.path("standings")).isEmpty();
        assertThat(outsider.path("roster")).hasSize(2);
    }

    @Test
    void onlyStaffReadItAndAnUnknownOrganizationIsNotFound() {
        Api api = new Api(port);
        MembershipFixtures.organizationRegistered(org, "Coop gardée");

        api.get("/api/training/organizations/" + org, TestTokens.orgAdmin("org-" + UUID.randomUUID()))
                .expectProblem(403, "");
        api.get("/api/training/organizations/" + org, TestTokens.orgAdmin(org)).expectProblem(403, "");
        api.get("/api/training/organizations/" + org, TestTokens.employee("user-" + UUID.randomUUID(), org))
                .expectProblem(403, "");
        api.get("/api/training/organizations/org-" + UUID.randomUUID(), TestTokens.staff(NETWORK))
                .expectProblem(404, "Le service de formation ne connaît aucune organisation");
    }
}
