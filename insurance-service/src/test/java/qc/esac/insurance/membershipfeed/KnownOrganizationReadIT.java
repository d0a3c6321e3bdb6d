package qc.esac.insurance.membershipfeed;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import qc.esac.events.membership.EmployeeAdded;
import qc.esac.events.membership.EmployeeLeft;
import qc.esac.events.membership.MembershipActivated;
import qc.esac.events.membership.MembershipApplied;
import qc.esac.events.membership.OrganizationRegistered;
import qc.esac.events.membership.OrganizationUpdated;
import qc.esac.insurance.support.InsuranceApi;
import qc.esac.testkit.jwt.TestTokens;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static qc.esac.insurance.support.InsuranceApi.NETWORK;
import static qc.esac.insurance.support.InsuranceApi.check;
import static qc.esac.insurance.support.InsuranceApi.publish;

/**
 * What insurance consumed of an organization, read back by the plan network's staff: its profile as last renamed,
 * its standing in the plan's network (never another network's), and its roster entries (ids and employment dates,
 * no names); anyone else is refused, an unknown organization is not found.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KnownOrganizationReadIT {

    @LocalServerPort
    int port;

    private final String org = "org-" + UUID.randomUUID();

    @Test
    void planStaffSeeTheProfileStandingAndRosterAsInsuranceConsumedThem() throws Exception {
        InsuranceApi api = new InsuranceApi(port);
        String membership = "mem-" + UUID.randomUUID();
        String stayer = "emp-" + UUID.randomUUID();
        String leaver = "emp-" + UUID.randomUUID();
        LocalDate hired = LocalDate.of(2022, 9, 1);
        publish(org, 1, new OrganizationRegistered(org, "Coop d’assurance", "1170000002", "COOP_TRAVAIL", "06",
                List.of("ECONOMIE_SOCIALE")));
        publish(org, 2, new OrganizationUpdated(org, "Coop d’assurance renommée", "1170000002", "COOP_TRAVAIL", "06",
                List.of("06"), List.of("ECONOMIE_SOCIALE"), null, null, null, null, null, null, "fr",
                List.of("legalName")));
        publish(membership, 1, new MembershipApplied(membership, org, NETWORK, "REGULAR", "APPLIED", null, false,
                false, null, null, LocalDate.of(2026, 1, 5), null));
        publish(membership, 3, new MembershipActivated(membership, org, NETWORK, "REGULAR", "ACTIVE", "APPROVED",
                true, true, LocalDate.of(2026, 1, 20), LocalDate.of(2026, 12, 31), LocalDate.of(2026, 1, 20), null));
        String elsewhere = "mem-" + UUID.randomUUID();
        publish(elsewhere, 1, new MembershipApplied(elsewhere, org, "fqcs", "REGULAR", "APPLIED", null, false, false,
                null, null, LocalDate.of(2026, 2, 1), null));
        for (String id : List.of(stayer, leaver)) {
            publish(id, 1, new EmployeeAdded(id, org, "Prénom", "Fictif", null, null, "FULL_TIME",
                    new BigDecimal("35"), hired, null, null));
        }
        publish(leaver, 2, new EmployeeLeft(leaver, org, "Prénom", "Fictif", null, null, "FULL_TIME",
                new BigDecimal("35"), hired, LocalDate.of(2026, 3, 31), null, null));

        JsonNode known = api.json(check(api.get("/api/insurance/organizations/" + org,
                TestTokens.staff(NETWORK, "fqcs")), 200));

        assertThat(known.path("legalName").asString()).isEqualTo("Coop d’assurance renommée");
        // The plan's network only, even for staff of another network as well.
        assertThat(known.path("standings")).hasSize(1);
        JsonNode standing = known.path("standings").get(0);
        assertThat(standing.path("networkId").asString()).isEqualTo(NETWORK);
        assertThat(standing.path("membershipId").asString()).isEqualTo(membership);
        assertThat(standing.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(standing.path("goodStanding").asBoolean()).isTrue();
        assertThat(standing.path("effectiveDate").asString()).isEqualTo("2026-01-20");
        assertThat(known.path("roster").findValuesAsString("id")).containsExactlyInAnyOrder(stayer, leaver);
        for (JsonNode employee : known.path("roster")) {
            assertThat(employee.path("hireDate").asString()).isEqualTo(hired.toString());
            assertThat(employee.path("endDate").isNull()).isEqualTo(employee.path("id").asString().equals(stayer));
            // Ids and dates only: names and accounts stay in membership's roster.
            assertThat(employee.has("firstName") || employee.has("lastName") || employee.has("userId")).isFalse();
        }
        assertThat(known.path("roster").valueStream().filter(e -> e.path("id").asString().equals(leaver))
                .findFirst().orElseThrow().path("endDate").asString()).isEqualTo("2026-03-31");
    }

    @Test
    void onlyThePlanNetworksStaffReadItAndAnUnknownOrganizationIsNotFound() throws Exception {
        InsuranceApi api = new InsuranceApi(port);
        publish(org, 1, new OrganizationRegistered(org, "Coop gardée", "1170000003", "OBNL", "06", List.of()));
        String path = "/api/insurance/organizations/" + org;

        for (String outsider : List.of(TestTokens.staff("fqcs"), TestTokens.orgAdmin("org-" + UUID.randomUUID()),
                TestTokens.orgAdmin(org), TestTokens.employee("user-" + UUID.randomUUID(), org))) {
            HttpResponse<String> refused = api.get(path, outsider);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
        HttpResponse<String> unknown = api.get("/api/insurance/organizations/org-" + UUID.randomUUID(),
                InsuranceApi.staff(), "en");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(api.json(unknown).path("code").asString()).isEqualTo("organisation.inconnue");
        assertThat(api.json(unknown).path("title").asString()).isEqualTo("Unknown organization");
    }
}
