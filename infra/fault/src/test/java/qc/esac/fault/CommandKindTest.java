package qc.esac.fault;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static qc.esac.fault.CommandKind.Outcome.DUPLICATED;
import static qc.esac.fault.CommandKind.Outcome.FOUND;
import static qc.esac.fault.CommandKind.Outcome.LOST;
import static qc.esac.fault.CommandKind.Outcome.OUT_OF_ORDER;

/**
 * The verdict of each command kind on what membership answers (pages as its API returns them) and on what training
 * and insurance show of an organization (their organization read: standings and roster entries).
 */
class CommandKindTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode page(String items) {
        return JSON.readTree("{\"items\": [" + items + "], \"page\": 0, \"size\": 50}");
    }

    private static String membership(String organizationId, String status, int fees, String... reached) {
        StringBuilder history = new StringBuilder();
        String from = null;
        for (String to : reached) {
            history.append(history.isEmpty() ? "" : ",").append("{\"from\": ")
                    .append(from == null ? "null" : "\"" + from + "\"").append(", \"to\": \"").append(to).append("\"}");
            from = to;
        }
        String payments = String.join(",", java.util.Collections.nCopies(fees, "{\"amount\": 100}"));
        return """
                {"id": "m-%s", "organizationId": "%s", "networkId": "aacocq", "status": "%s", "history": [%s], "fees": [%s]}"""
                .formatted(organizationId, organizationId, status, history, payments);
    }

    @Test
    void aMembershipAppliedApprovedAndPaidOnceIsFoundActive() {
        JsonNode page = page(membership("o1", "ACTIVE", 1, "APPLIED", "APPROVED", "ACTIVE") + ","
                + membership("o2", "APPLIED", 0, "APPLIED"));

        assertThat(MembershipKind.verdict(page, "o1", 3)).isEqualTo(FOUND);
        assertThat(MembershipKind.verdict(page, "o2", 1)).isEqualTo(FOUND);
        assertThat(MembershipKind.verdict(page, "o3", 1)).isEqualTo(LOST);
    }

    @Test
    void twoMembershipsAFeeRecordedTwiceOrAStatusReachedTwiceAreDuplicates() {
        assertThat(MembershipKind.verdict(page(membership("o1", "APPLIED", 0, "APPLIED") + ","
                + membership("o1", "APPLIED", 0, "APPLIED")), "o1", 1)).isEqualTo(DUPLICATED);
        assertThat(MembershipKind.verdict(page(membership("o1", "ACTIVE", 2, "APPLIED", "APPROVED", "ACTIVE")),
                "o1", 3)).isEqualTo(DUPLICATED);
        assertThat(MembershipKind.verdict(page(membership("o1", "APPROVED", 0, "APPLIED", "APPROVED", "APPROVED")),
                "o1", 2)).isEqualTo(DUPLICATED);
    }

    @Test
    void aMembershipShortOfItsLastAcceptedStepIsOutOfOrder() {
        assertThat(MembershipKind.verdict(page(membership("o1", "APPROVED", 0, "APPLIED", "APPROVED")), "o1", 3))
                .isEqualTo(OUT_OF_ORDER);
        assertThat(MembershipKind.verdict(page(membership("o1", "ACTIVE", 0, "APPLIED", "APPROVED", "ACTIVE")),
                "o1", 3)).isEqualTo(OUT_OF_ORDER);
        assertThat(MembershipKind.verdict(page(membership("o1", "APPLIED", 0, "APPLIED")), "o1", 2))
                .isEqualTo(OUT_OF_ORDER);
    }

    private static String employee(String email, String endDate) {
        return """
                {"id": "e-%s", "workEmail": "%s", "endDate": %s}"""
                .formatted(email.hashCode(), email, endDate == null ? "null" : "\"" + endDate + "\"");
    }

    @Test
    void aRosterEntryIsFoundOnceEndedExactlyWhenItsDepartureWasAccepted() {
        JsonNode page = page(employee("a@faute.exemple.org", "2026-12-06") + "," + employee("b@faute.exemple.org", null));

        assertThat(RosterKind.verdict(page, "A@faute.exemple.org", 2)).isEqualTo(FOUND);
        assertThat(RosterKind.verdict(page, "b@faute.exemple.org", 1)).isEqualTo(FOUND);
        assertThat(RosterKind.verdict(page, "b@faute.exemple.org", 2)).isEqualTo(OUT_OF_ORDER);
        assertThat(RosterKind.verdict(page, "a@faute.exemple.org", 1)).isEqualTo(OUT_OF_ORDER);
        assertThat(RosterKind.verdict(page, "c@faute.exemple.org", 1)).isEqualTo(LOST);
        assertThat(RosterKind.verdict(page(employee("a@faute.exemple.org", null) + ","
                + employee("a@faute.exemple.org", "2026-12-06")), "a@faute.exemple.org", 2)).isEqualTo(DUPLICATED);
    }

    @Test
    void eachKindIsCheckedInMembershipAndInBothConsumers() {
        assertThat(new MembershipKind(5).readModels())
                .containsExactly("membership-service", "training-service", "insurance-service");
        assertThat(new RosterKind(5).readModels())
                .containsExactly("membership-service", "training-service", "insurance-service");
    }

    private static JsonNode organization(String standings, String roster) {
        return JSON.readTree("""
                {"id": "o1", "legalName": "Faute x 000001 v2", "standings": [%s], "roster": [%s]}"""
                .formatted(standings, roster));
    }

    private static String standing(String network, String membershipId, String status, boolean goodStanding) {
        return """
                {"networkId": "%s", "membershipId": "%s", "status": "%s", "goodStanding": %s, "effectiveDate": "2026-12-06"}"""
                .formatted(network, membershipId, status, goodStanding);
    }

    @Test
    void aConsumersStandingIsFoundWhenThisMembershipLeftItInTheLastStepsStatus() {
        assertThat(MembershipKind.standingVerdict(organization(standing("aacocq", "m1", "ACTIVE", true), ""), "m1", 3))
                .isEqualTo(FOUND);
        assertThat(MembershipKind.standingVerdict(organization(standing("fqcs", "m9", "ACTIVE", true) + ","
                + standing("aacocq", "m1", "APPLIED", false), ""), "m1", 1)).isEqualTo(FOUND);
        assertThat(MembershipKind.standingVerdict(organization(standing("aacocq", "m1", "APPROVED", false), ""), "m1", 2))
                .isEqualTo(FOUND);
    }

    @Test
    void aConsumersStandingMissingFromAnotherMembershipOrBehindIsLostDuplicatedOrOutOfOrder() {
        // The organization unknown to the consumer yet, or known without a standing in the network.
        assertThat(MembershipKind.standingVerdict(null, "m1", 1)).isEqualTo(LOST);
        assertThat(MembershipKind.standingVerdict(organization(standing("fqcs", "m1", "ACTIVE", true), ""), "m1", 3))
                .isEqualTo(LOST);
        // Another membership of the organization in the network: a second one was created.
        assertThat(MembershipKind.standingVerdict(organization(standing("aacocq", "m2", "APPLIED", false), ""), "m1", 1))
                .isEqualTo(DUPLICATED);
        assertThat(MembershipKind.standingVerdict(organization(standing("aacocq", "m1", "APPLIED", false) + ","
                + standing("aacocq", "m1", "APPLIED", false), ""), "m1", 1)).isEqualTo(DUPLICATED);
        // An older step's status, or the right status without the good standing it gives.
        assertThat(MembershipKind.standingVerdict(organization(standing("aacocq", "m1", "APPROVED", false), ""), "m1", 3))
                .isEqualTo(OUT_OF_ORDER);
        assertThat(MembershipKind.standingVerdict(organization(standing("aacocq", "m1", "ACTIVE", false), ""), "m1", 3))
                .isEqualTo(OUT_OF_ORDER);
    }

    private static String entry(String id, String endDate) {
        return """
                {"id": "%s", "hireDate": "2025-12-06", "endDate": %s}"""
                .formatted(id, endDate == null ? "null" : "\"" + endDate + "\"");
    }

    @Test
    void aConsumersRosterEntryIsFoundOnceEndedExactlyWhenItsDepartureWasAccepted() {
        JsonNode organization = organization("", entry("e1", "2026-12-06") + "," + entry("e2", null));

        assertThat(RosterKind.consumerVerdict(organization, "e1", 2)).isEqualTo(FOUND);
        assertThat(RosterKind.consumerVerdict(organization, "e2", 1)).isEqualTo(FOUND);
        assertThat(RosterKind.consumerVerdict(organization, "e2", 2)).isEqualTo(OUT_OF_ORDER);
        assertThat(RosterKind.consumerVerdict(organization, "e1", 1)).isEqualTo(OUT_OF_ORDER);
        assertThat(RosterKind.consumerVerdict(organization, "e3", 1)).isEqualTo(LOST);
        assertThat(RosterKind.consumerVerdict(null, "e1", 1)).isEqualTo(LOST);
        assertThat(RosterKind.consumerVerdict(organization("", entry("e1", null) + "," + entry("e1", "2026-12-06")),
                "e1", 2)).isEqualTo(DUPLICATED);
    }
}
