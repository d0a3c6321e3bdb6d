package qc.esac.projects.reporting;

import qc.esac.events.projects.PeriodApproved;
import qc.esac.events.projects.PeriodLocked;
import qc.esac.events.projects.PeriodSubmitted;
import qc.esac.kit.domain.Change;
import qc.esac.kit.problem.BusinessRuleException;
import qc.esac.kit.problem.FieldViolation;
import qc.esac.kit.problem.ForbiddenException;
import qc.esac.kit.problem.InvalidInputException;
import qc.esac.projects.project.Indicator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A project's reporting period: partners' values and narratives, and the review workflow. Immutable; each rule
 * returns the changed period or refuses with a problem.
 *
 * @param platformValues  values of platform-fed indicators, frozen when the period is submitted
 * @param submittedByLead whether the last submission was made by an administrator of the lead organization
 *                        (who then may not approve it: see {@link #approve}); {@code null} (older documents) is false
 */
public record ReportingPeriod(String id, String projectId, String label, LocalDate startDate, LocalDate endDate,
                              PeriodStatus status, List<Entry> entries, List<PlatformValue> platformValues,
                              List<Transition> history, Boolean submittedByLead) {

    /** Who reviews a submitted period, for the approval rule. */
    public enum Reviewer { PROGRAMME_STAFF, LEAD_ADMINISTRATOR }

    public ReportingPeriod {
        Objects.requireNonNull(id, "id");
        submittedByLead = Boolean.TRUE.equals(submittedByLead);
        entries = entries == null ? List.of() : List.copyOf(entries);
        platformValues = platformValues == null ? List.of() : List.copyOf(platformValues);
        history = history == null ? List.of() : List.copyOf(history);
    }

    public static ReportingPeriod open(String id, String projectId, String label, LocalDate startDate,
                                       LocalDate endDate, LocalDate today, String by) {
        if (startDate == null || endDate == null || endDate.isBefore(startDate)) {
            throw InvalidInputException.of(FieldViolation.of("endDate", "dates.fin-avant-debut"));
        }
        return new ReportingPeriod(id, projectId, label.strip(), startDate, endDate, PeriodStatus.OPEN, List.of(),
                List.of(), List.of(new Transition(PeriodStatus.OPEN, today, by, null)), false);
    }

    public boolean overlaps(LocalDate start, LocalDate end) {
        return !start.isAfter(endDate) && !end.isBefore(startDate);
    }

    /** Records (or replaces) a partner's value for an indicator. */
    public ReportingPeriod record(Indicator indicator, String organizationId, ValueInput input, LocalDate today,
                                  String by) {
        if (!status.isEditable()) {
            throw new BusinessRuleException("periode.non-modifiable", label, status.name());
        }
        Entry entry = input.toEntry(indicator, organizationId, today, by);
        List<Entry> newEntries = new ArrayList<>(entries.stream().filter(e ->
                !(e.indicatorId().equals(indicator.id()) && e.organizationId().equals(organizationId))).toList());
        newEntries.add(entry);
        return new ReportingPeriod(id, projectId, label, startDate, endDate, status, newEntries, platformValues, history,
                submittedByLead);
    }

    /**
     * Submits the period for review, freezing the platform-fed values given (indicator id to value). A period
     * is reported on once it is over (from the day after its last day), when everything it measures has
     * happened: platform-fed values frozen earlier would miss the rest of the period.
     *
     * @param byLead whether the submitter is an administrator of the lead organization
     */
    public Change<ReportingPeriod> submit(Map<String, Double> platformValuesNow, LocalDate today, String by,
                                          boolean byLead) {
        if (!status.isEditable()) {
            throw new BusinessRuleException("periode.soumission-impossible", label, status.name());
        }
        if (!today.isAfter(endDate)) {
            throw new BusinessRuleException("periode.non-terminee", label, endDate.toString());
        }
        List<PlatformValue> frozen = platformValuesNow.entrySet().stream()
                .map(e -> new PlatformValue(e.getKey(), e.getValue())).toList();
        return Change.of(moveTo(PeriodStatus.SUBMITTED, frozen, today, by, null, byLead),
                new PeriodSubmitted(id, projectId, label, startDate, endDate, today));
    }

    /**
     * Approves the submitted period. Nobody approves a submission they made; programme staff approve any other;
     * the lead's administrator approves only what a partner (not the lead's own administration) submitted, so
     * that the lead never signs off its own report.
     */
    public Change<ReportingPeriod> approve(LocalDate today, String by, Reviewer reviewer) {
        requireStatus(PeriodStatus.SUBMITTED, "periode.approbation-impossible");
        boolean ownSubmission = history.stream().filter(t -> t.status() == PeriodStatus.SUBMITTED)
                .reduce((first, last) -> last).map(t -> by.equals(t.by())).orElse(false);
        if (ownSubmission) {
            throw new ForbiddenException("periode.approbation-propre-soumission", label);
        }
        if (reviewer == Reviewer.LEAD_ADMINISTRATOR && submittedByLead) {
            throw new ForbiddenException("periode.approbation-porteur-refusee", label);
        }
        return Change.of(moveTo(PeriodStatus.APPROVED, platformValues, today, by, null, submittedByLead),
                new PeriodApproved(id, projectId, label, startDate, endDate, today));
    }

    /** Sends the period back to the partners; platform-fed values follow the events again until resubmission. */
    public ReportingPeriod returnForRevision(String reason, LocalDate today, String by) {
        requireStatus(PeriodStatus.SUBMITTED, "periode.retour-impossible");
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of(FieldViolation.of("comment", "periode.motif-requis"));
        }
        return moveTo(PeriodStatus.RETURNED, List.of(), today, by, reason.strip(), submittedByLead);
    }

    /** Locks the approved period: its values of the project's quantitative indicators are published final. */
    public Change<ReportingPeriod> lock(LocalDate today, String by, List<Indicator> indicators) {
        requireStatus(PeriodStatus.APPROVED, "periode.verrouillage-impossible");
        ReportingPeriod locked = moveTo(PeriodStatus.LOCKED, platformValues, today, by, null, submittedByLead);
        List<PeriodLocked.LockedValue> values = new ArrayList<>();
        for (Indicator indicator : indicators) {
            if (indicator.isQuantitative()) {
                locked.value(indicator).ifPresent(value -> values.add(new PeriodLocked.LockedValue(indicator.id(),
                        indicator.name(), indicator.programmeCode(), indicator.unit().name(), value,
                        indicator.cumulative())));
            }
        }
        return Change.of(locked, new PeriodLocked(id, projectId, label, startDate, endDate, today, values));
    }

    /** Whether platform-fed values are frozen (submitted, approved or locked). */
    public boolean isFrozen() {
        return status == PeriodStatus.SUBMITTED || status == PeriodStatus.APPROVED || status == PeriodStatus.LOCKED;
    }

    /** The indicator's value for the period: partners' values added up, or the frozen platform value. */
    public Optional<Double> value(Indicator indicator) {
        if (indicator.isBound()) {
            return platformValues.stream().filter(v -> v.indicatorId().equals(indicator.id()))
                    .map(PlatformValue::value).findFirst();
        }
        List<Entry> recorded = entries(indicator.id());
        if (!indicator.isQuantitative() || recorded.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(recorded.stream().mapToDouble(e -> e.value() == null ? 0 : e.value()).sum());
    }

    public List<Entry> entries(String indicatorId) {
        return entries.stream().filter(e -> e.indicatorId().equals(indicatorId)).toList();
    }

    public Optional<LocalDate> dateOf(PeriodStatus reached) {
        return history.stream().filter(t -> t.status() == reached).reduce((first, last) -> last).map(Transition::on);
    }

    private void requireStatus(PeriodStatus expected, String code) {
        if (status != expected) {
            throw new BusinessRuleException(code, label, status.name());
        }
    }

    private ReportingPeriod moveTo(PeriodStatus next, List<PlatformValue> values, LocalDate today, String by,
                                   String comment, boolean byLead) {
        List<Transition> newHistory = new ArrayList<>(history);
        newHistory.add(new Transition(next, today, by, comment));
        return new ReportingPeriod(id, projectId, label, startDate, endDate, next, entries, values, newHistory,
                byLead);
    }
}
