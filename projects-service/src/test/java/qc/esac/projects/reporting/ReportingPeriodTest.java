package qc.esac.projects.reporting;

import org.junit.jupiter.api.Test;
import qc.esac.events.projects.PeriodApproved;
import qc.esac.events.projects.PeriodLocked;
import qc.esac.events.projects.PeriodSubmitted;
import qc.esac.kit.domain.Change;
import qc.esac.kit.problem.BusinessRuleException;
import qc.esac.kit.problem.ForbiddenException;
import qc.esac.kit.problem.InvalidInputException;
import qc.esac.kit.problem.ProblemException;
import qc.esac.projects.platform.PlatformSource;
import qc.esac.projects.project.Indicator;
import qc.esac.projects.project.IndicatorKind;
import qc.esac.projects.vocabulary.Unit;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportingPeriodTest {

    static final LocalDate DAY = LocalDate.of(2026, 4, 15);
    static final Indicator JOBS = new Indicator("i-1", "Personnes en emploi", null, IndicatorKind.QUANTITATIVE,
            Unit.PERSONNES, 0.0, 100.0, true, "région", null, "PERSONNES_EN_EMPLOI");
    static final Indicator STORY = new Indicator("i-2", "Concertation", null, IndicatorKind.QUALITATIVE, null, null,
            null, false, null, null, null);
    static final Indicator REGISTERED = new Indicator("i-3", "Partenaires inscrits", null, IndicatorKind.QUANTITATIVE,
            Unit.ORGANISATIONS, null, 10.0, false, null, PlatformSource.PARTNER_ORGANIZATIONS_REGISTERED, null);

    static ReportingPeriod open() {
        return ReportingPeriod.open("per-1", "p-1", "2025-2026", LocalDate.of(2025, 4, 1), LocalDate.of(2026, 3, 31),
                DAY, "lead-admin");
    }

    static ValueInput jobs(double value) {
        return new ValueInput(value, null, List.of(), null, null);
    }

    @Test
    void partnersValuesAddUpAndAPartnerReplacesItsOwn() {
        ReportingPeriod period = open()
                .record(JOBS, "org-a", jobs(10), DAY, "a")
                .record(JOBS, "org-b", jobs(5), DAY, "b")
                .record(JOBS, "org-a", jobs(12), DAY, "a");

        assertThat(period.value(JOBS)).hasValue(17.0);
        assertThat(period.entries(JOBS.id())).hasSize(2);
    }

    @Test
    void theWorkflowGoesOpenSubmittedApprovedLocked() {
        ReportingPeriod submitted = open().record(JOBS, "org-a", jobs(3), DAY, "a")
                .submit(Map.of(REGISTERED.id(), 4.0), DAY, "a", false).state();
        assertThat(submitted.status()).isEqualTo(PeriodStatus.SUBMITTED);
        assertThat(submitted.value(REGISTERED)).as("frozen at submission").hasValue(4.0);

        ReportingPeriod locked = submitted.approve(DAY, "staff", ReportingPeriod.Reviewer.PROGRAMME_STAFF).state()
                .lock(DAY.plusDays(1), "staff", List.of()).state();

        assertThat(locked.status()).isEqualTo(PeriodStatus.LOCKED);
        assertThat(locked.history()).extracting(Transition::status).containsExactly(PeriodStatus.OPEN,
                PeriodStatus.SUBMITTED, PeriodStatus.APPROVED, PeriodStatus.LOCKED);
        assertThat(locked.dateOf(PeriodStatus.LOCKED)).hasValue(DAY.plusDays(1));
    }

    @Test
    void thePeriodEmitsItsWorkflowEventsAndLocksItsQuantitativeValues() {
        Change<ReportingPeriod> submitted = open().record(JOBS, "org-a", jobs(3), DAY, "a")
                .submit(Map.of(), DAY, "a", false);
        assertThat(submitted.events()).hasExactlyElementsOfTypes(PeriodSubmitted.class);
        Change<ReportingPeriod> approved = submitted.state().approve(DAY, "staff",
                ReportingPeriod.Reviewer.PROGRAMME_STAFF);
        assertThat(approved.events()).hasExactlyElementsOfTypes(PeriodApproved.class);

        Change<ReportingPeriod> locked = approved.state().lock(DAY, "staff", List.of(JOBS, STORY));

        assertThat(locked.events()).singleElement().isInstanceOfSatisfying(PeriodLocked.class,
                e -> assertThat(e.values()).singleElement().satisfies(v -> {
                    assertThat(v.indicatorId()).isEqualTo(JOBS.id());
                    assertThat(v.value()).isEqualTo(3.0);
                }));
    }

    @Test
    void nothingIsRecordedInASubmittedApprovedOrLockedPeriod() {
        ReportingPeriod submitted = open().submit(Map.of(), DAY, "a", false).state();
        ReportingPeriod approved = submitted.approve(DAY, "staff", ReportingPeriod.Reviewer.PROGRAMME_STAFF).state();
        ReportingPeriod locked = approved.lock(DAY, "staff", List.of()).state();

        for (ReportingPeriod closed : List.of(submitted, approved, locked)) {
            assertThatThrownBy(() -> closed.record(JOBS, "org-a", jobs(1), DAY, "a"))
                    .isInstanceOf(BusinessRuleException.class)
                    .extracting(e -> ((ProblemException) e).code()).isEqualTo("periode.non-modifiable");
        }
        assertThatThrownBy(() -> locked.submit(Map.of(), DAY, "a", false)).isInstanceOf(BusinessRuleException.class);
    }

    @Test
    void illegalTransitionsAreRefused() {
        assertThatThrownBy(() -> open().approve(DAY, "staff", ReportingPeriod.Reviewer.PROGRAMME_STAFF)).isInstanceOf(BusinessRuleException.class);
        assertThatThrownBy(() -> open().lock(DAY, "staff", List.of())).isInstanceOf(BusinessRuleException.class);
        assertThatThrownBy(() -> open().submit(Map.of(), DAY, "a", false).state().lock(DAY, "staff", List.of()))
                .as("only approved periods lock").isInstanceOf(BusinessRuleException.class);
        assertThatThrownBy(() -> open().returnForRevision("motif", DAY, "lead"))
                .isInstanceOf(BusinessRuleException.class);
    }

    @Test
    void aReturnedPeriodIsEditableAgainAndFollowsTheEventsUntilResubmitted() {
        ReportingPeriod submitted = open().submit(Map.of(REGISTERED.id(), 2.0), DAY, "a", false).state();
        assertThatThrownBy(() -> submitted.returnForRevision(" ", DAY, "lead"))
                .isInstanceOf(InvalidInputException.class);

        ReportingPeriod returned = submitted.returnForRevision("Préciser les régions", DAY, "lead");

        assertThat(returned.status()).isEqualTo(PeriodStatus.RETURNED);
        assertThat(returned.isFrozen()).isFalse();
        assertThat(returned.value(REGISTERED)).isEmpty();
        assertThat(returned.history().get(2).comment()).isEqualTo("Préciser les régions");
        assertThat(returned.record(JOBS, "org-a", jobs(8), DAY, "a").submit(Map.of(REGISTERED.id(), 3.0), DAY, "a", false).state()
                .value(REGISTERED)).hasValue(3.0);
    }

    @Test
    void aValueInAnotherUnitIsRefused() {
        ValueInput inEnterprises = new ValueInput(5.0, Unit.ENTREPRISES, List.of(), null, null);

        assertThatThrownBy(() -> open().record(JOBS, "org-a", inEnterprises, DAY, "a"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("unit")));
    }

    @Test
    void aBreakdownMustAddUpToTheValue() {
        List<BreakdownValue> byRegion = List.of(new BreakdownValue("03", 4), new BreakdownValue("06", 6));

        assertThat(open().record(JOBS, "org-a", new ValueInput(null, null, byRegion, null, null), DAY, "a")
                .value(JOBS)).hasValue(10.0);
        assertThatThrownBy(() -> open().record(JOBS, "org-a", new ValueInput(11.0, null, byRegion, null, null), DAY, "a"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void platformFedIndicatorsAreNotEnteredByHand() {
        assertThatThrownBy(() -> open().record(REGISTERED, "org-a", jobs(3), DAY, "a"))
                .isInstanceOf(BusinessRuleException.class)
                .extracting(e -> ((ProblemException) e).code()).isEqualTo("valeur.indicateur-alimente");
    }

    @Test
    void aQualitativeIndicatorTakesANarrativeAndAnAssessment() {
        ReportingPeriod period = open().record(STORY, "org-a",
                new ValueInput(null, null, List.of(), "Trois rencontres régionales tenues", ProgressLabel.ON_TRACK), DAY, "a");

        assertThat(period.entries(STORY.id())).singleElement()
                .satisfies(e -> assertThat(e.progressLabel()).isEqualTo(ProgressLabel.ON_TRACK));
        assertThat(period.value(STORY)).isEmpty();
        assertThatThrownBy(() -> open().record(STORY, "org-a", new ValueInput(2.0, null, List.of(), null, null), DAY, "a"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations()).hasSize(3));
    }

    @Test
    void aPeriodIsSubmittedOnceItIsOverNotOnItsLastDay() {
        LocalDate lastDay = LocalDate.of(2026, 3, 31);

        for (LocalDate tooEarly : List.of(lastDay.minusDays(10), lastDay)) {
            assertThatThrownBy(() -> open().submit(Map.of(), tooEarly, "a", false))
                    .isInstanceOfSatisfying(BusinessRuleException.class,
                            e -> assertThat(e.code()).isEqualTo("periode.non-terminee"));
        }
        assertThat(open().submit(Map.of(), lastDay.plusDays(1), "a", false).state().status())
                .isEqualTo(PeriodStatus.SUBMITTED);
    }

    @Test
    void theLeadApprovesOnlyWhatAPartnerSubmittedAndNobodyTheirOwnSubmission() {
        ReportingPeriod byLead = open().submit(Map.of(), DAY, "lead-admin", true).state();
        ReportingPeriod byPartner = open().submit(Map.of(), DAY, "partner-admin", false).state();

        assertThatThrownBy(() -> byLead.approve(DAY, "other-lead-admin", ReportingPeriod.Reviewer.LEAD_ADMINISTRATOR))
                .isInstanceOfSatisfying(ForbiddenException.class,
                        e -> assertThat(e.code()).isEqualTo("periode.approbation-porteur-refusee"));
        assertThat(byLead.approve(DAY, "staff", ReportingPeriod.Reviewer.PROGRAMME_STAFF).state().status())
                .isEqualTo(PeriodStatus.APPROVED);
        assertThat(byPartner.approve(DAY, "lead-admin", ReportingPeriod.Reviewer.LEAD_ADMINISTRATOR).state().status())
                .isEqualTo(PeriodStatus.APPROVED);
        assertThatThrownBy(() -> open().submit(Map.of(), DAY, "staff", false).state()
                .approve(DAY, "staff", ReportingPeriod.Reviewer.PROGRAMME_STAFF))
                .isInstanceOfSatisfying(ForbiddenException.class,
                        e -> assertThat(e.code()).isEqualTo("periode.approbation-propre-soumission"));
    }
}
