package qc.esac.membership.membership;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static qc.esac.membership.membership.MembershipTest.NETWORK;
import static qc.esac.membership.membership.MembershipTest.on;
import static qc.esac.membership.membership.MembershipTest.payment;

/** Voting rights at a meeting and the yearly figures, computed from the memberships' histories. */
class NetworkFiguresTest {

    private static Membership activeFrom(String id, String organization, String category, String date) {
        Membership applied = Membership.apply(id, organization, NETWORK, category, on(date)).state();
        Membership approved = applied.approve(NETWORK, null, on(date)).state();
        return approved.recordFee(NETWORK, payment(date), on(date)).state();
    }

    @Test
    void votersAreRegularMembersInGoodStandingOnTheMeetingDay() {
        Membership regular = activeFrom("m-1", "org-1", "REGULAR", "2025-05-01");
        Membership associate = activeFrom("m-2", "org-2", "ASSOCIATE", "2025-05-01");
        Membership suspended = activeFrom("m-3", "org-3", "REGULAR", "2025-05-01")
                .suspend(NETWORK, "Cotisation contestée", LocalDate.of(2025, 6, 1), on("2025-06-01")).state();
        List<Membership> all = List.of(regular, associate, suspended);

        assertThat(VotingRoll.entitledOn(NETWORK, all, LocalDate.of(2025, 6, 10), LocalDate.of(2025, 6, 15)))
                .containsExactly(regular);
        assertThat(VotingRoll.entitledOn(NETWORK, all, LocalDate.of(2025, 5, 20), LocalDate.of(2025, 6, 15)))
                .as("before the suspension, from the history").containsExactly(regular, suspended);
        assertThat(VotingRoll.entitledOn(NETWORK, all, LocalDate.of(2026, 6, 15), LocalDate.of(2025, 6, 15)))
                .as("a meeting after the grace: nobody renewed").isEmpty();
    }

    @Test
    void figuresCountNewMembersAndGrowthAgainstThePreviousYear() {
        Membership old = activeFrom("m-1", "org-1", "REGULAR", "2024-06-01")
                .recordFee(NETWORK, payment("2025-03-01"), on("2025-03-01")).state();
        Membership lapsedOld = activeFrom("m-2", "org-2", "REGULAR", "2024-06-01");
        Membership newcomer = activeFrom("m-3", "org-3", "ASSOCIATE", "2025-06-01");
        Membership newcomer2 = activeFrom("m-4", "org-4", "REGULAR", "2025-09-01");
        Map<String, NetworkFigures.Place> places = Map.of("org-1", new NetworkFigures.Place("03", List.of("AIDE_DOMICILE")),
                "org-3", new NetworkFigures.Place("03", List.of("AIDE_DOMICILE", "TRANSPORT")),
                "org-4", new NetworkFigures.Place("16", List.of()));

        NetworkFigures figures = NetworkFigures.of(NETWORK, 2025, List.of(old, lapsedOld, newcomer, newcomer2),
                places::get, LocalDate.of(2025, 12, 1));

        assertThat(figures.asOf()).isEqualTo(LocalDate.of(2025, 12, 1));
        assertThat(figures.members()).isEqualTo(3);
        assertThat(figures.membersBefore()).as("both 2024 members at 2025-03-31").isEqualTo(2);
        assertThat(figures.growth()).isEqualTo(1);
        assertThat(figures.growthPercent()).isEqualByComparingTo(new BigDecimal("50.0"));
        assertThat(figures.newMembers()).isEqualTo(2);
        assertThat(figures.newMembersPreviousYear()).isEqualTo(2);
        assertThat(figures.byCategory()).containsEntry("REGULAR", 2L).containsEntry("ASSOCIATE", 1L);
        assertThat(figures.byRegion()).containsEntry("03", 2L).containsEntry("16", 1L);
        assertThat(figures.bySector()).containsEntry("AIDE_DOMICILE", 2L).containsEntry("TRANSPORT", 1L);
    }
}
