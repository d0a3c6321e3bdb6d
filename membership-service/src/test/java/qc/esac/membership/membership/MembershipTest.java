package qc.esac.membership.membership;

import org.junit.jupiter.api.Test;
import qc.esac.events.EventData;
import qc.esac.events.membership.MembershipActivated;
import qc.esac.events.membership.MembershipApproved;
import qc.esac.events.membership.MembershipFeeRecorded;
import qc.esac.events.membership.MembershipInGrace;
import qc.esac.events.membership.MembershipLapsed;
import qc.esac.events.membership.MembershipReinstated;
import qc.esac.events.membership.MembershipRenewalDue;
import qc.esac.events.membership.MembershipRenewed;
import qc.esac.events.membership.MembershipStandingEvent;
import qc.esac.kit.domain.Change;
import qc.esac.kit.problem.BusinessRuleException;
import qc.esac.kit.problem.InvalidInputException;
import qc.esac.membership.network.Category;
import qc.esac.membership.network.Network;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The status machine, the status rules by date, renewal and voting rights, without Spring. */
class MembershipTest {

    static final Network NETWORK = new Network("csmo-esac", "Comité sectoriel", 3, 31, 60, 60, List.of(
            new Category("REGULAR", "Membre régulier", "Regular member", true, new BigDecimal("150.00")),
            new Category("ASSOCIATE", "Membre associé", "Associate member", false, new BigDecimal("75.00")),
            new Category("HONORARY", "Membre honoraire", "Honorary member", true, BigDecimal.ZERO)));

    static Membership.Context on(String date) {
        return new Membership.Context(LocalDate.parse(date), Instant.parse(date + "T15:00:00Z"), "staff-1");
    }

    static Membership.Payment payment(String date) {
        return new Membership.Payment(new BigDecimal("150.00"), LocalDate.parse(date), "CHEQUE", "1042");
    }

    /** Applied 2025-05-01, approved the next day, paid 2025-05-03: active until 2026-03-31. */
    static Membership active(String category) {
        Membership applied = Membership.apply("m-1", "org-1", NETWORK, category, on("2025-05-01")).state();
        Membership approved = applied.approve(NETWORK, null, on("2025-05-02")).state();
        return approved.recordFee(NETWORK, payment("2025-05-03"), on("2025-05-03")).state();
    }

    @Test
    void anApplicationIsNotYetAMemberAndNamesAKnownCategory() {
        Change<Membership> change = Membership.apply("m-1", "org-1", NETWORK, "REGULAR", on("2025-05-01"));

        assertThat(change.state().status()).isEqualTo(MembershipStatus.APPLIED);
        MembershipStandingEvent event = (MembershipStandingEvent) change.events().get(0);
        assertThat(event.goodStanding()).isFalse();
        assertThat(event.votingRights()).isFalse();
        assertThat(event.previousStatus()).isNull();
        assertThatThrownBy(() -> Membership.apply("m-2", "org-1", NETWORK, "PLATINUM", on("2025-05-01")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void approvalThenFeeActivatesForTheFiscalYearWithAVote() {
        Membership approved = Membership.apply("m-1", "org-1", NETWORK, "REGULAR", on("2025-05-01")).state()
                .approve(NETWORK, "Conseil du 2 mai", on("2025-05-02")).state();
        Change<Membership> paid = approved.recordFee(NETWORK, payment("2025-05-03"), on("2025-05-03"));

        assertThat(paid.events()).hasExactlyElementsOfTypes(MembershipFeeRecorded.class, MembershipActivated.class);
        MembershipFeeRecorded fee = (MembershipFeeRecorded) paid.events().get(0);
        assertThat(fee.status()).isEqualTo("APPROVED");
        assertThat(fee.feePeriodEnd()).isEqualTo(LocalDate.of(2026, 3, 31));
        MembershipActivated activated = (MembershipActivated) paid.events().get(1);
        assertThat(activated.periodStart()).isEqualTo(LocalDate.of(2025, 5, 3));
        assertThat(activated.periodEnd()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(activated.goodStanding()).isTrue();
        assertThat(activated.votingRights()).isTrue();
        assertThat(paid.state().nextCheckEpochDay()).isEqualTo(LocalDate.of(2026, 1, 30).toEpochDay());
        assertThat(paid.state().fees()).singleElement()
                .satisfies(f -> assertThat(f.amountDue()).isEqualByComparingTo("150"));
    }

    @Test
    void aFreeCategoryStartsAtApprovalAndAnAssociateNeverVotes() {
        Change<Membership> honorary = Membership.apply("m-3", "org-1", NETWORK, "HONORARY", on("2025-05-01"))
                .state().approve(NETWORK, null, on("2025-05-02"));
        assertThat(honorary.events()).hasExactlyElementsOfTypes(MembershipApproved.class, MembershipActivated.class);
        assertThat(honorary.state().votingRights()).isTrue();

        Membership associate = active("ASSOCIATE");
        assertThat(associate.goodStanding()).isTrue();
        assertThat(associate.votingRights()).isFalse();
    }

    @Test
    void joiningInTheRenewalWindowPaysForTheNextFiscalYear() {
        Membership approved = Membership.apply("m-1", "org-1", NETWORK, "REGULAR", on("2026-02-10")).state()
                .approve(NETWORK, null, on("2026-02-10")).state();
        Membership active = approved.recordFee(NETWORK, payment("2026-02-11"), on("2026-02-11")).state();

        assertThat(active.periodEnd()).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(active.status()).isEqualTo(MembershipStatus.ACTIVE);
    }

    @Test
    void statusRulesApplyByDateEachStepWithItsOwnEffectiveDate() {
        Membership active = active("REGULAR");

        assertThat(active.evaluate(NETWORK, on("2026-01-29")).events()).isEmpty();
        Change<Membership> due = active.evaluate(NETWORK, on("2026-01-30"));
        assertThat(due.events()).singleElement().isInstanceOfSatisfying(MembershipRenewalDue.class, e -> {
            assertThat(e.effectiveDate()).isEqualTo(LocalDate.of(2026, 1, 30));
            assertThat(e.amountDue()).isEqualByComparingTo("150");
            assertThat(e.goodStanding()).isTrue();
        });

        Change<Membership> late = active.evaluate(NETWORK, on("2026-07-15"));
        assertThat(late.events()).hasExactlyElementsOfTypes(MembershipRenewalDue.class, MembershipInGrace.class,
                MembershipLapsed.class);
        assertThat(late.events()).extracting(e -> ((MembershipStandingEvent) e).effectiveDate()).containsExactly(
                LocalDate.of(2026, 1, 30), LocalDate.of(2026, 4, 1), LocalDate.of(2026, 5, 31));
        MembershipInGrace grace = (MembershipInGrace) late.events().get(1);
        assertThat(grace.goodStanding()).as("grace keeps the standing").isTrue();
        assertThat(grace.graceEnd()).isEqualTo(LocalDate.of(2026, 5, 30));
        MembershipLapsed lapsed = (MembershipLapsed) late.events().get(2);
        assertThat(lapsed.goodStanding()).isFalse();
        assertThat(lapsed.votingRights()).isFalse();
        assertThat(lapsed.previousStatus()).isEqualTo("IN_GRACE");
        assertThat(late.state().nextCheckEpochDay()).as("nothing more to do by date").isNull();
        assertThat(late.state().evaluate(NETWORK, on("2027-01-01")).events()).isEmpty();
    }

    @Test
    void renewalExtendsACurrentPeriodAndRestartsALapsedOne() {
        Membership inGrace = active("REGULAR").evaluate(NETWORK, on("2026-04-10")).state();
        assertThat(inGrace.status()).isEqualTo(MembershipStatus.IN_GRACE);
        Change<Membership> extended = inGrace.recordFee(NETWORK, payment("2026-04-10"), on("2026-04-10"));
        MembershipRenewed renewed = (MembershipRenewed) extended.events().get(1);
        assertThat(renewed.restarted()).isFalse();
        assertThat(renewed.periodStart()).isEqualTo(LocalDate.of(2025, 5, 3));
        assertThat(renewed.periodEnd()).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(renewed.previousPeriodEnd()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(renewed.status()).isEqualTo("ACTIVE");
        assertThat(((MembershipFeeRecorded) extended.events().get(0)).feePeriodStart())
                .isEqualTo(LocalDate.of(2026, 4, 1));

        Membership lapsed = active("REGULAR").evaluate(NETWORK, on("2026-07-15")).state();
        MembershipRenewed restarted = (MembershipRenewed) lapsed.renew(NETWORK, on("2026-07-15")).events().get(0);
        assertThat(restarted.restarted()).isTrue();
        assertThat(restarted.periodStart()).isEqualTo(LocalDate.of(2026, 7, 15));
        assertThat(restarted.periodEnd()).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(restarted.goodStanding()).isTrue();
    }

    @Test
    void aCurrentMembershipCannotRenewBeforeItsWindow() {
        assertThatThrownBy(() -> active("REGULAR").renew(NETWORK, on("2025-09-01")))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
                    assertThat(e.code()).isEqualTo("adhesion.renouvellement-pas-ouvert");
                    assertThat(e.args()).contains("2026-01-30");
                });
    }

    @Test
    void illegalTransitionsAreRefusedWithTheCurrentStatus() {
        Membership lapsed = active("REGULAR").evaluate(NETWORK, on("2026-07-15")).state();

        assertThatThrownBy(() -> lapsed.approve(NETWORK, null, on("2026-07-16")))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
                    assertThat(e.code()).isEqualTo("adhesion.approbation-impossible");
                    assertThat(e.args()).containsExactly("m-1", "LAPSED");
                });
        assertThatThrownBy(() -> lapsed.suspend(NETWORK, "x", LocalDate.of(2026, 7, 16), on("2026-07-16")))
                .isInstanceOf(BusinessRuleException.class);
        Membership terminated = lapsed.terminate(NETWORK, "Organisation fermée", LocalDate.of(2026, 7, 16), on("2026-07-16"))
                .state();
        assertThat(terminated.liveKey()).as("a final membership frees its organization|network slot").isEqualTo("m-1");
        assertThatThrownBy(() -> terminated.resign(NETWORK, null, LocalDate.of(2026, 7, 17), on("2026-07-17")))
                .isInstanceOf(BusinessRuleException.class);
        assertThatThrownBy(() -> terminated.recordFee(NETWORK, payment("2026-07-17"), on("2026-07-17")))
                .isInstanceOf(BusinessRuleException.class);
    }

    @Test
    void aSuspensionStopsTheStandingAndReinstatementFollowsTheDates() {
        Membership suspended = active("REGULAR").suspend(NETWORK, "Manquement", LocalDate.of(2025, 11, 1), on("2025-11-01"))
                .state();
        assertThat(suspended.goodStanding()).isFalse();
        assertThat(suspended.votingRights()).isFalse();
        assertThat(suspended.nextCheckEpochDay()).isNull();
        assertThat(suspended.evaluate(NETWORK, on("2026-07-01")).events()).as("rules skip suspensions").isEmpty();

        List<EventData> early = suspended.reinstate(NETWORK, null, on("2025-12-01")).events();
        assertThat(((MembershipReinstated) early.get(0)).status()).isEqualTo("ACTIVE");
        List<EventData> late = suspended.reinstate(NETWORK, null, on("2026-07-01")).events();
        assertThat(((MembershipReinstated) late.get(0)).status()).isEqualTo("LAPSED");
        assertThat(((MembershipReinstated) late.get(0)).goodStanding()).isFalse();
    }

    @Test
    void statusOnADateReadsTheHistoryOrProjectsTheDates() {
        Membership active = active("REGULAR");

        assertThat(active.statusOn(NETWORK, LocalDate.of(2025, 5, 2), LocalDate.of(2025, 6, 1)))
                .isEqualTo(MembershipStatus.APPROVED);
        assertThat(active.statusOn(NETWORK, LocalDate.of(2025, 4, 1), LocalDate.of(2025, 6, 1))).isNull();
        assertThat(active.statusOn(NETWORK, LocalDate.of(2026, 4, 15), LocalDate.of(2025, 6, 1)))
                .isEqualTo(MembershipStatus.IN_GRACE);
        assertThat(active.statusOn(NETWORK, LocalDate.of(2026, 6, 15), LocalDate.of(2025, 6, 1)))
                .isEqualTo(MembershipStatus.LAPSED);
    }

    @Test
    void withoutGraceAMembershipLapsesTheDayAfterItsPeriod() {
        Network strict = new Network("strict", "Sans grâce", 12, 31, 30, 0, NETWORK.categories());
        Membership m = Membership.apply("m-9", "org-1", strict, "REGULAR", on("2025-05-01")).state()
                .approve(strict, null, on("2025-05-01")).state()
                .recordFee(strict, payment("2025-05-01"), on("2025-05-01")).state();

        assertThat(m.periodEnd()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(m.evaluate(strict, on("2026-01-01")).events())
                .hasExactlyElementsOfTypes(MembershipRenewalDue.class, MembershipLapsed.class);
    }

    @Test
    void newRulesRescheduleTheNextCheckWithoutAnEvent() {
        Membership active = active("REGULAR");
        Network longerWindow = new Network(NETWORK.id(), NETWORK.name(), 3, 31, 90, 60, NETWORK.categories());

        Membership rescheduled = active.rescheduled(longerWindow);
        assertThat(rescheduled.nextCheckEpochDay()).isEqualTo(LocalDate.of(2025, 12, 31).toEpochDay());
        assertThat(active.rescheduled(NETWORK)).isSameAs(active);
        assertThat(active.evaluate(longerWindow, on("2025-12-01")).events()).isEmpty();
        assertThat(active.evaluate(longerWindow, on("2025-12-31")).events()).hasSize(1);
    }

    @Test
    void partialPaymentsAddUpAndOnlyTheWholeFeeActivatesOrRenews() {
        Membership approved = Membership.apply("m-1", "org-1", NETWORK, "REGULAR", on("2025-05-01")).state()
                .approve(NETWORK, null, on("2025-05-02")).state();
        Membership.Payment part = new Membership.Payment(new BigDecimal("100.00"), LocalDate.of(2025, 5, 3), "CASH", null);
        Change<Membership> first = approved.recordFee(NETWORK, part, on("2025-05-03"));
        assertThat(first.events()).hasExactlyElementsOfTypes(MembershipFeeRecorded.class);
        assertThat(first.state().status()).isEqualTo(MembershipStatus.APPROVED);
        assertThat(first.state().goodStanding()).isFalse();
        Dues dues = first.state().duesOn(NETWORK, LocalDate.of(2025, 5, 3)).orElseThrow();
        assertThat(dues.amountPaid()).isEqualByComparingTo("100");
        assertThat(dues.outstanding()).isEqualByComparingTo("50");

        Change<Membership> second = first.state().recordFee(NETWORK, part, on("2025-05-04"));
        assertThat(second.events()).hasExactlyElementsOfTypes(MembershipFeeRecorded.class, MembershipActivated.class);
        assertThat(second.state().duesOn(NETWORK, LocalDate.of(2025, 5, 4))).as("nothing due until the window")
                .isEmpty();

        Change<Membership> renewalPart = second.state().recordFee(NETWORK, part, on("2026-02-15"));
        assertThat(renewalPart.events()).hasExactlyElementsOfTypes(MembershipFeeRecorded.class);
        assertThat(renewalPart.state().periodEnd()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(renewalPart.state().duesOn(NETWORK, LocalDate.of(2026, 2, 15)).orElseThrow().outstanding())
                .as("the first period's payments do not count toward the next").isEqualByComparingTo("50");

        assertThatThrownBy(() -> approved.recordFee(NETWORK, new Membership.Payment(BigDecimal.ZERO,
                LocalDate.of(2025, 5, 3), "CASH", null), on("2025-05-03"))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> approved.recordFee(NETWORK, new Membership.Payment(new BigDecimal("-5"),
                LocalDate.of(2025, 5, 3), "CASH", null), on("2025-05-03"))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void inGraceAMemberKeepsServicesAndVotesOnlyIfItsNetworkSaysSo() {
        MembershipInGrace byDefault = (MembershipInGrace) active("REGULAR").evaluate(NETWORK, on("2026-04-10"))
                .events().get(1);
        assertThat(byDefault.goodStanding()).isTrue();
        assertThat(byDefault.votingRights()).isFalse();

        Network strict = new Network(NETWORK.id(), NETWORK.name(), 3, 31, 60, 60, NETWORK.categories(), false, true);
        Membership inGrace = active("REGULAR").evaluate(strict, on("2026-04-10")).state();
        assertThat(inGrace.goodStanding()).isFalse();
        assertThat(inGrace.votingRights()).isTrue();
        assertThat(VotingRoll.entitledOn(strict, List.of(inGrace), LocalDate.of(2026, 4, 10),
                LocalDate.of(2026, 4, 10))).containsExactly(inGrace);
        assertThat(VotingRoll.entitledOn(NETWORK, List.of(inGrace), LocalDate.of(2026, 4, 10),
                LocalDate.of(2026, 4, 10))).isEmpty();
    }
}
