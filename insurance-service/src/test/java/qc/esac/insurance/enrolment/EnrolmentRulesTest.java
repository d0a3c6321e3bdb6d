package qc.esac.insurance.enrolment;

import org.junit.jupiter.api.Test;
import qc.esac.events.insurance.EnrolmentActivated;
import qc.esac.events.insurance.EnrolmentChanged;
import qc.esac.events.insurance.EnrolmentTerminated;
import qc.esac.insurance.plan.CoverageCode;
import qc.esac.insurance.plan.DependantKind;
import qc.esac.membershipfeed.RosterEntry;
import qc.esac.insurance.plan.EmployeeClass;
import qc.esac.insurance.plan.SamplePlans;
import qc.esac.insurance.plan.Tier;
import qc.esac.kit.domain.Change;
import qc.esac.kit.problem.BusinessRuleException;
import qc.esac.kit.problem.FieldViolation;
import qc.esac.kit.problem.InvalidInputException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnrolmentRulesTest {

    private final EmployeeClass fullTime = SamplePlans.year(2027).employeeClass("FULL_TIME").orElseThrow();
    private static final LocalDate HIRED = LocalDate.of(2027, 1, 11);
    private static final LocalDate PLAN_START = LocalDate.of(2027, 1, 1);

    @Test
    void eligibleAfterTheWaitingPeriodAndAutomaticallyAcceptedWithin31Days() {
        Eligibility onTime = Eligibility.of(fullTime, new BigDecimal("35"), HIRED, null, null, PLAN_START,
                LocalDate.of(2027, 5, 11), 31);
        assertThat(onTime.eligibleOn()).isEqualTo(LocalDate.of(2027, 4, 11));
        assertThat(onTime.late()).isFalse();

        Eligibility early = Eligibility.of(fullTime, new BigDecimal("35"), HIRED, null, null, PLAN_START, HIRED, 31);
        assertThat(early.eligibleOn()).as("enrolled before the end of probation: covered from its end")
                .isEqualTo(LocalDate.of(2027, 4, 11));
        assertThat(early.late()).isFalse();

        Eligibility late = Eligibility.of(fullTime, new BigDecimal("35"), HIRED, null, null, PLAN_START,
                LocalDate.of(2027, 5, 13), 31);
        assertThat(late.late()).as("32 days after eligibility").isTrue();
    }

    @Test
    void eligibilityStartsNoEarlierThanTheEmployersParticipation() {
        Eligibility e = Eligibility.of(fullTime, new BigDecimal("35"), LocalDate.of(2020, 3, 2), null, null,
                LocalDate.of(2027, 6, 1), LocalDate.of(2027, 6, 20), 31);
        assertThat(e.eligibleOn()).isEqualTo(LocalDate.of(2027, 6, 1));
        assertThat(e.late()).isFalse();
    }

    @Test
    void hoursThatRiseToTheMinimumStartEligibilityAndTheWindowThatDayNotAtHire() {
        RosterEntry added = new RosterEntry("e1", "org-1", "Prénom", "Fictif", "PART_TIME", new BigDecimal("20"),
                LocalDate.of(2020, 3, 2), null, null, List.of());
        RosterEntry recorded = withHistory(added, null, LocalDate.of(2020, 3, 2));
        RosterEntry rose = withHistory(hours(recorded, "35"), recorded, LocalDate.of(2027, 6, 10));
        LocalDate since = rose.hoursAtLeastSince(fullTime.minimumWeeklyHours());
        assertThat(since).isEqualTo(LocalDate.of(2027, 6, 10));

        Eligibility e = Eligibility.of(fullTime, new BigDecimal("35"), LocalDate.of(2020, 3, 2), since, null,
                PLAN_START, LocalDate.of(2027, 7, 5), 31);
        assertThat(e.eligibleOn()).isEqualTo(LocalDate.of(2027, 6, 10));
        assertThat(e.late()).as("25 days after the hours rose").isFalse();
        assertThat(Eligibility.of(fullTime, new BigDecimal("35"), LocalDate.of(2020, 3, 2), since, null, PLAN_START,
                LocalDate.of(2027, 7, 12), 31).late()).as("32 days after").isTrue();

        // Back under the minimum, then up again: eligible again from the second rise.
        RosterEntry dropped = withHistory(hours(rose, "20"), rose, LocalDate.of(2027, 9, 1));
        assertThat(dropped.hoursAtLeastSince(fullTime.minimumWeeklyHours())).isNull();
        RosterEntry back = withHistory(hours(dropped, "30"), dropped, LocalDate.of(2027, 11, 15));
        assertThat(back.hoursAtLeastSince(fullTime.minimumWeeklyHours())).isEqualTo(LocalDate.of(2027, 11, 15));
        // Always enough hours: since the hire date, as before.
        RosterEntry fullTimer = withHistory(hours(added, "35"), null, LocalDate.of(2020, 3, 2));
        RosterEntry more = withHistory(hours(fullTimer, "40"), fullTimer, LocalDate.of(2027, 2, 1));
        assertThat(more.hoursAtLeastSince(fullTime.minimumWeeklyHours())).isEqualTo(LocalDate.of(2020, 3, 2));
    }

    private static RosterEntry hours(RosterEntry e, String weeklyHours) {
        return new RosterEntry(e.id(), e.organizationId(), e.firstName(), e.lastName(), e.employmentStatus(),
                new BigDecimal(weeklyHours), e.hireDate(), e.endDate(), e.userId(), e.hoursHistory());
    }

    private static RosterEntry withHistory(RosterEntry e, RosterEntry previous, LocalDate on) {
        return new RosterEntry(e.id(), e.organizationId(), e.firstName(), e.lastName(), e.employmentStatus(),
                e.weeklyHours(), e.hireDate(), e.endDate(), e.userId(), e.historyWith(previous, on));
    }

    @Test
    void tooFewHoursOrAlreadyGoneIsIneligible() {
        assertThatThrownBy(() -> Eligibility.of(fullTime, new BigDecimal("21"), HIRED, null, null, PLAN_START, HIRED, 31))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
                    assertThat(e.code()).isEqualTo("adhesion.heures-insuffisantes");
                    assertThat(e.args()).containsExactly("21", "28", "Temps plein");
                });
        assertThatThrownBy(() -> Eligibility.of(fullTime, new BigDecimal("35"), HIRED, null, LocalDate.of(2027, 3, 1),
                PLAN_START, LocalDate.of(2027, 3, 2), 31))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.code()).isEqualTo("adhesion.employe-parti"));
    }

    @Test
    void aLateApplicantIsNotCoveredUntilTheEvidenceIsAccepted() {
        Change<Enrolment> created = Enrolment.create("e1", "org-1", "u1", "FULL_TIME",
                new Eligibility(LocalDate.of(2027, 4, 11), true), LocalDate.of(2027, 8, 1), Tier.SINGLE,
                Set.of(CoverageCode.DRUGS), List.of(), "sealed", 0);
        assertThat(created.state().status()).isEqualTo(EnrolmentStatus.LATE_APPLICANT);
        assertThat(created.events()).isEmpty();
        assertThat(created.state().coversOn(LocalDate.of(2027, 8, 2))).isFalse();

        Change<Enrolment> accepted = created.state().decideEvidence(true, LocalDate.of(2027, 8, 20), "staff-1",
                "Preuve reçue", LocalDate.of(2027, 9, 1));
        assertThat(accepted.state().status()).isEqualTo(EnrolmentStatus.ACTIVE);
        assertThat(accepted.state().evidenceDecision().decidedBy()).isEqualTo("staff-1");
        assertThat(accepted.events()).singleElement().isInstanceOfSatisfying(EnrolmentActivated.class,
                e -> assertThat(e.effectiveDate()).isEqualTo(LocalDate.of(2027, 9, 1)));

        Change<Enrolment> refused = created.state().decideEvidence(false, LocalDate.of(2027, 8, 20), "staff-1",
                "Refus de l’assureur", null);
        assertThat(refused.state().status()).isEqualTo(EnrolmentStatus.REFUSED);
        assertThatThrownBy(() -> refused.state().decideEvidence(true, LocalDate.of(2027, 8, 21), "staff-1", null,
                LocalDate.of(2027, 9, 1))).isInstanceOf(BusinessRuleException.class);
    }

    @Test
    void aNewChildChangesTheTierFromItsDateAndALeaverIsCoveredToMonthEndOnce() {
        Enrolment active = Enrolment.create("e1", "org-1", "u1", "FULL_TIME", new Eligibility(LocalDate.of(2027, 4, 11), false),
                LocalDate.of(2027, 4, 20), Tier.COUPLE, Set.of(CoverageCode.DRUGS), List.of(), "sealed", 0).state();

        Change<Enrolment> birth = active.change(Tier.FAMILY, Set.of(CoverageCode.DRUGS), List.of(), "sealed2",
                LocalDate.of(2027, 6, 14));
        assertThat(birth.events()).singleElement().isInstanceOfSatisfying(EnrolmentChanged.class,
                e -> assertThat(e.tier()).isEqualTo("FAMILY"));
        assertThat(birth.state().segments()).extracting(Enrolment.Segment::to)
                .containsExactly(LocalDate.of(2027, 6, 13), null);

        Change<Enrolment> left = birth.state().employeeLeft(LocalDate.of(2027, 9, 9), 4);
        assertThat(left.state().coverageEndsOn()).isEqualTo(LocalDate.of(2027, 9, 30));
        assertThat(left.state().coversOn(LocalDate.of(2027, 9, 30))).isTrue();
        assertThat(left.state().coversOn(LocalDate.of(2027, 10, 1))).isFalse();
        assertThat(left.events()).singleElement().isInstanceOfSatisfying(EnrolmentTerminated.class,
                e -> assertThat(e.reason()).isEqualTo("EMPLOYEE_LEFT"));
        assertThat(left.state().employeeLeft(LocalDate.of(2027, 9, 9), 4).events()).as("redelivered").isEmpty();
        assertThat(left.state().end(LocalDate.of(2027, 11, 30), "PARTICIPATION_TERMINATED").events())
                .as("already ended earlier").isEmpty();
    }

    @Test
    void fewerHoursThanTheClassRuleEndCoverageAtMonthEndOnce() {
        Enrolment active = Enrolment.create("e1", "org-1", "u1", "FULL_TIME", new Eligibility(LocalDate.of(2027, 4, 11), false),
                LocalDate.of(2027, 4, 20), Tier.SINGLE, Set.of(CoverageCode.DRUGS), List.of(), "sealed", 0).state();

        Change<Enrolment> lost = active.lostEligibility(LocalDate.of(2027, 7, 8), 3);

        assertThat(lost.state().coverageEndsOn()).isEqualTo(LocalDate.of(2027, 7, 31));
        assertThat(lost.state().endReason()).isEqualTo("NO_LONGER_ELIGIBLE");
        assertThat(lost.state().lostEligibility(LocalDate.of(2027, 7, 8), 3).events()).isEmpty();
    }

    @Test
    void aChildBornInTheFutureAndASecondSpouseAreRefused() {
        LocalDate today = LocalDate.of(2027, 5, 1);
        List<PersonalData.Dependant> dependants = List.of(
                new PersonalData.Dependant(DependantKind.SPOUSE, "Joël", LocalDate.of(1988, 5, 2)),
                new PersonalData.Dependant(DependantKind.SPOUSE, "Inès", LocalDate.of(1990, 1, 2)),
                new PersonalData.Dependant(DependantKind.CHILD, "Lou", LocalDate.of(2027, 7, 1)));

        assertThatThrownBy(() -> EnrolmentService.checkPersonalData(LocalDate.of(1985, 3, 3), new BigDecimal("42000"),
                dependants, today)).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                .extracting(FieldViolation::field).containsExactlyInAnyOrder("dependants[1].kind", "dependants[2].birthDate"));
    }
}
