package qc.esac.fault;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static qc.esac.fault.CommandKind.Outcome.DUPLICATED;
import static qc.esac.fault.CommandKind.Outcome.FOUND;
import static qc.esac.fault.CommandKind.Outcome.LOST;
import static qc.esac.fault.CommandKind.Outcome.OUT_OF_ORDER;

/** The verdict of each command kind on what membership answers (pages as its API returns them). */
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
}
