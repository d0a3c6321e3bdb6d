package qc.esac.demo;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo content holds together before it meets the APIs: ids, keys, references, house style. */
class DemoContentTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private final DemoContent content = DemoContent.load();

    @Test
    void organizationsHaveUniqueCanonicalIdsKeysAndPlausibleNeqs() {
        List<DemoContent.Organization> all = content.allOrganizations();
        assertThat(all).hasSizeGreaterThanOrEqualTo(90);
        assertThat(all).extracting(DemoContent.Organization::id).doesNotHaveDuplicates().allMatch(id -> id.matches(UUID));
        assertThat(all).extracting(DemoContent.Organization::key).doesNotHaveDuplicates();
        assertThat(all).extracting(o -> o.profile().get("neq").asString()).doesNotHaveDuplicates()
                .allMatch(neq -> neq.matches("[1-9]\\d{9}"));
        assertThat(all).extracting(o -> o.profile().get("regionCode").asString())
                .allMatch(code -> code.matches("0[1-9]|1[0-7]"));
        assertThat(all).extracting(o -> o.profile().get("legalName").asString()).doesNotHaveDuplicates();
    }

    @Test
    void everyOrganizationIsRegisteredAsIllustrativeForItsProfileIsInvented() {
        List<JsonNode> programme = list(content.projects().get("organizations"));
        assertThat(programme).hasSize(81).allSatisfy(o -> assertThat(o.path("illustrative").asBoolean(false))
                .as("programme organization %s", o.path("key").asString()).isTrue());
        List<DemoContent.Organization> all = content.allOrganizations();
        assertThat(all.stream().filter(DemoContent.Organization::namedByProjects)).hasSize(81);
        assertThat(all).allSatisfy(o -> assertThat(o.profile().path("illustrative").isBoolean()
                && o.profile().get("illustrative").asBoolean()).as("profile sent for %s", o.key()).isTrue());
    }

    @Test
    void theDemoAccountsOrganizationsAreThereUnderTheirFixedIds() {
        // infra/identity's DemoDirectory: the administrators' tokens carry these ids.
        Map<String, String> byId = new HashMap<>();
        content.allOrganizations().forEach(o -> byId.put(o.id(), o.profile().get("legalName").asString()));
        assertThat(byId).containsEntry("5e5ac000-0002-4000-8000-000000000001", "Cuisine collective du Vieux-Moulin")
                .containsEntry("5e5ac000-0002-4000-8000-000000000002", "Coopérative de solidarité Bois-Franc")
                .containsEntry("5e5ac000-0002-4000-8000-000000000003", "Maison des jeunes L’Escale");
        assertThat(content.organizations().get(0).path("employees").valueStream()
                .map(e -> e.path("userId").asString()))
                .as("the demo employee account is on the Vieux-Moulin roster")
                .contains("5e5ac000-0003-4000-8000-000000000007");
    }

    @Test
    void theOrganizationsSpreadOverRegionsSectorsAndLegalForms() {
        List<JsonNode> invented = list(content.organizations());
        assertThat(invented).hasSizeGreaterThanOrEqualTo(24);
        assertThat(invented.stream().map(o -> o.at("/profile/regionCode").asString()).distinct().count())
                .isGreaterThanOrEqualTo(15);
        assertThat(invented.stream().map(o -> o.at("/profile/legalForm").asString()).distinct().count())
                .isGreaterThanOrEqualTo(8);
        assertThat(invented.stream().flatMap(o -> o.at("/profile/sectorCodes").valueStream()).map(JsonNode::asString)
                .distinct().count()).isGreaterThanOrEqualTo(20);
    }

    @Test
    void networksFollowTheirPublishedFiscalYearAndTheDefaultRightsInGrace() {
        Map<String, String> yearEnds = new HashMap<>();
        content.networks().forEach(n -> yearEnds.put(n.get("id").asString(), n.get("fiscalYearEnd").asString()));
        // The FQCS reports its members "au 31 mars" in its annual report (seeds); the CSMO-ÉSAC's year ends then too.
        assertThat(yearEnds).containsEntry("fqcs", "03-31").containsEntry("csmo-esac", "03-31");
        for (JsonNode network : content.networks()) {
            assertThat(network.path("graceKeepsServices").asBoolean(false)).isTrue();
            assertThat(network.path("graceVotes").asBoolean(true)).isFalse();
        }
    }

    @Test
    void membershipsNameKnownNetworksAndCategoriesAndEveryNetworkHasMembers() {
        Map<String, Set<String>> categories = new HashMap<>();
        for (JsonNode network : content.networks()) {
            Set<String> codes = new HashSet<>();
            network.get("categories").forEach(c -> codes.add(c.get("code").asString()));
            categories.put(network.get("id").asString(), codes);
            assertThat(network.get("renewalWindowDays").asInt() + network.get("graceDays").asInt()).isLessThanOrEqualTo(330);
            assertThat(list(network.get("categories"))).anyMatch(c -> c.get("votingRights").asBoolean())
                    .anyMatch(c -> !c.get("votingRights").asBoolean());
        }
        assertThat(categories).containsOnlyKeys("csmo-esac", "aacocq", "fqcs", "axtra");
        Set<String> networksWithMembers = new HashSet<>();
        for (JsonNode organization : content.organizations()) {
            Set<String> networks = new HashSet<>();
            for (JsonNode membership : organization.path("memberships")) {
                String network = membership.get("network").asString();
                assertThat(categories).containsKey(network);
                assertThat(categories.get(network)).contains(membership.get("category").asString());
                assertThat(membership.path("status").asString("ACTIVE")).isIn("APPLIED", "APPROVED", "ACTIVE");
                assertThat(networks.add(network)).as("one membership per network").isTrue();
                networksWithMembers.add(network);
            }
        }
        assertThat(networksWithMembers).isEqualTo(categories.keySet());
    }

    @Test
    void rostersHaveUniqueWorkEmailsOnReservedDomains() {
        List<String> emails = new ArrayList<>();
        content.organizations().forEach(o -> o.path("employees").forEach(e -> emails.add(e.get("workEmail").asString())));
        assertThat(emails).hasSizeGreaterThanOrEqualTo(15).doesNotHaveDuplicates()
                .allMatch(email -> email.matches("[a-z.-]+@[a-z]+\\.exemple\\.org"), "invented addresses only");
    }

    @Test
    void sessionsNameCataloguedCoursesAndTheStandardHasUniqueCompetencies() {
        JsonNode training = content.training();
        Set<String> courses = keys(training.get("courses"), c -> c.get("key").asString());
        assertThat(courses).hasSizeGreaterThanOrEqualTo(8);
        assertThat(list(training.get("courses"))).allMatch(c -> Set.of("fqcs", "csmo-esac")
                .contains(c.get("networkId").asString()));
        assertThat(list(training.get("sessions"))).allMatch(s -> courses.contains(s.get("course").asString()))
                .allMatch(s -> s.get("startsInDays").asInt() > s.get("registrationClosesDaysBefore").asInt());
        JsonNode pamt = training.get("pamtStandards").get(0);
        assertThat(pamt.get("code").asString()).isEqualTo("PREPOSE_AIDE_DOMICILE");
        assertThat(list(pamt.get("competencies"))).hasSizeGreaterThanOrEqualTo(5)
                .extracting(c -> c.get("code").asString()).doesNotHaveDuplicates();
    }

    @Test
    void courseHoursAgreeWithTheSourceFiguresAndInventedCompetenciesSaySo() {
        // Seed 002: the two online financial-management courses gave 36 attestations and 72 UEC (20 h each);
        // the online social-impact course 4 attestations and 2.4 UEC (6 h each). 1 UEC = 10 h.
        Map<String, Double> hours = new HashMap<>();
        content.training().get("courses").forEach(c -> hours.put(c.get("key").asString(), c.get("hours").asDouble()));
        assertThat(hours).containsEntry("gestion-financiere-obnl", 72.0 / 36 * 10)
                .containsEntry("gestion-financiere-coop", 72.0 / 36 * 10)
                .containsEntry("mesure-impact-social", 2.4 / 4 * 10);
        // The sources do not list the standard's competencies: the demo's are examples, and says so to readers.
        JsonNode pamt = content.training().get("pamtStandards").get(0);
        assertThat(pamt.at("/title/fr").asString()).contains("exemple");
        assertThat(pamt.at("/title/en").asString()).contains("example");
        assertThat(list(pamt.get("competencies"))).allMatch(c -> c.at("/title/fr").asString().startsWith("Exemple")
                && c.at("/title/en").asString().startsWith("Example"));
    }

    @Test
    void theTwelveProjectsNameOnlyOrganizationsOfTheFixture() {
        JsonNode projects = content.projects();
        Set<String> organizations = keys(projects.get("organizations"), o -> o.get("key").asString());
        assertThat(projects.get("projects")).hasSize(12);
        for (JsonNode project : projects.get("projects")) {
            assertThat(organizations).contains(project.get("lead").asString());
            project.get("partners").forEach(p -> assertThat(organizations).contains(p.get("organization").asString()));
        }
        assertThat(keys(projects.get("projects"), p -> p.get("name").asString())).hasSize(12);
    }

    @Test
    void frenchTextUsesTheTypographicApostrophe() {
        for (String file : DemoContent.FILES) {
            List<String> straight = new ArrayList<>();
            collectStrings(DemoContent.read(file), straight);
            assertThat(straight).as(file).noneMatch(text -> text.contains("'"));
        }
    }

    private static void collectStrings(JsonNode node, List<String> into) {
        if (node.isString()) {
            into.add(node.asString());
        }
        node.values().forEach(child -> collectStrings(child, into));
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static Set<String> keys(JsonNode array, Function<JsonNode, String> key) {
        Set<String> keys = new HashSet<>();
        array.forEach(node -> assertThat(keys.add(key.apply(node))).as("unique " + key.apply(node)).isTrue());
        return keys;
    }
}
