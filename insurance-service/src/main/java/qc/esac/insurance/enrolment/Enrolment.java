package qc.esac.insurance.enrolment;

import qc.esac.events.EventData;
import qc.esac.events.insurance.EnrolmentActivated;
import qc.esac.events.insurance.EnrolmentChanged;
import qc.esac.events.insurance.EnrolmentTerminated;
import qc.esac.insurance.plan.CoverageCode;
import qc.esac.insurance.plan.Tier;
import qc.esac.kit.domain.Change;
import qc.esac.kit.problem.BusinessRuleException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An employee's enrolment in the plan (aggregate; id = the employee's roster id). Personal information is
 * only held sealed ({@code sealedPersonalData}); the tier it determines is kept in clear for billing.
 *
 * @param segments what was covered when, one segment per change, for billing by the day
 * @param lastRosterSequence last roster event applied: "employee left" applies once
 */
public record Enrolment(String id, String organizationId, String userId, String classCode, EnrolmentStatus status,
                        LocalDate eligibleOn, LocalDate requestedOn, LocalDate effectiveDate, LocalDate coverageEndsOn,
                        String endReason, Tier tier, Set<CoverageCode> coverages, List<Waiver> waivers,
                        EvidenceDecision evidenceDecision, List<Segment> segments, String sealedPersonalData,
                        String certificateNumber, long lastRosterSequence) {

    public static final String EMPLOYEE_LEFT = "EMPLOYEE_LEFT";
    public static final String PARTICIPATION_TERMINATED = "PARTICIPATION_TERMINATED";
    public static final String NO_LONGER_ELIGIBLE = "NO_LONGER_ELIGIBLE";

    public Enrolment {
        coverages = coverages == null || coverages.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(coverages));
        waivers = waivers == null ? List.of() : List.copyOf(waivers);
        segments = segments == null ? List.of() : List.copyOf(segments);
    }

    /** A coverage the employee declined because covered elsewhere. */
    public record Waiver(CoverageCode coverage, String reason) {
    }

    /** The decision on a late applicant's evidence of insurability. */
    public record EvidenceDecision(LocalDate decidedOn, String decidedBy, boolean approved, String note) {
    }

    /** Coverage from {@code from} to {@code to} (inclusive; null = open). */
    public record Segment(LocalDate from, LocalDate to, String classCode, Tier tier, Set<CoverageCode> coverages) {

        public Segment {
            coverages = coverages == null || coverages.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(coverages));
        }

        Segment endingOn(LocalDate last) {
            return new Segment(from, last, classCode, tier, coverages);
        }
    }

    /** A new enrolment: active from eligibility when on time, otherwise a late applicant without coverage yet. */
    public static Change<Enrolment> create(String employeeId, String organizationId, String userId, String classCode,
                                Eligibility eligibility, LocalDate requestedOn, Tier tier, Set<CoverageCode> coverages,
                                List<Waiver> waivers, String sealedPersonalData, long rosterSequence) {
        String certificate = certificateNumber(employeeId, eligibility.eligibleOn());
        if (eligibility.late()) {
            return Change.of(new Enrolment(employeeId, organizationId, userId, classCode, EnrolmentStatus.LATE_APPLICANT,
                    eligibility.eligibleOn(), requestedOn, null, null, null, tier, coverages, waivers, null, List.of(),
                    sealedPersonalData, certificate, rosterSequence));
        }
        LocalDate start = eligibility.eligibleOn();
        Enrolment active = new Enrolment(employeeId, organizationId, userId, classCode, EnrolmentStatus.ACTIVE,
                eligibility.eligibleOn(), requestedOn, start, null, null, tier, coverages, waivers, null,
                List.of(new Segment(start, null, classCode, tier, coverages)), sealedPersonalData, certificate, rosterSequence);
        return Change.of(active, List.of(active.activated()));
    }

    /** Staff record the decision on a late applicant's evidence; approval covers from {@code effectiveDate}. */
    public Change<Enrolment> decideEvidence(boolean approved, LocalDate decidedOn, String decidedBy, String note,
                                 LocalDate effectiveDate) {
        if (status != EnrolmentStatus.LATE_APPLICANT) {
            throw new BusinessRuleException("adhesion.transition-invalide", "decider", status.name());
        }
        EvidenceDecision decision = new EvidenceDecision(decidedOn, decidedBy, approved, note);
        if (!approved) {
            return Change.of(copy(EnrolmentStatus.REFUSED, null, null, null, tier, coverages, waivers, decision,
                    segments, sealedPersonalData));
        }
        Enrolment active = copy(EnrolmentStatus.ACTIVE, effectiveDate, null, null, tier, coverages, waivers, decision,
                List.of(new Segment(effectiveDate, null, classCode, tier, coverages)), sealedPersonalData);
        return Change.of(active, List.of(active.activated()));
    }

    /** Dependants, waivers or coverages changed from {@code effectiveDate}. */
    public Change<Enrolment> change(Tier newTier, Set<CoverageCode> newCoverages, List<Waiver> newWaivers, String newSealed,
                         LocalDate changeDate) {
        if (status == EnrolmentStatus.TERMINATED || status == EnrolmentStatus.REFUSED) {
            throw new BusinessRuleException("adhesion.transition-invalide", "modifier", status.name());
        }
        if (status == EnrolmentStatus.LATE_APPLICANT) {
            return Change.of(copy(status, effectiveDate, coverageEndsOn, endReason, newTier, newCoverages, newWaivers,
                    evidenceDecision, segments, newSealed));
        }
        LocalDate from = changeDate.isBefore(effectiveDate) ? effectiveDate : changeDate;
        boolean coverageChanged = newTier != tier || !newCoverages.equals(coverages);
        List<Segment> newSegments = coverageChanged ? splitAt(from, classCode, newTier, newCoverages) : segments;
        Enrolment changed = copy(status, effectiveDate, coverageEndsOn, endReason, newTier, newCoverages, newWaivers,
                evidenceDecision, newSegments, newSealed);
        List<EventData> events = coverageChanged
                ? List.of(new EnrolmentChanged(id, organizationId, id, classCode, newTier.name(), codes(newCoverages), from))
                : List.of();
        return Change.of(changed, events);
    }

    /**
     * The employee's salary and/or class changed from {@code changeDate} (a raise, a move to part time): billing
     * follows from that day, the month of the change prorated by the day. The salary itself travels only in
     * {@code newSealed}; the event says the enrolment changed on that date, with the class and coverages after it.
     */
    public Change<Enrolment> changeEmployment(String newClassCode, Set<CoverageCode> newCoverages, List<Waiver> newWaivers,
                                   String newSealed, LocalDate changeDate) {
        if (status == EnrolmentStatus.TERMINATED || status == EnrolmentStatus.REFUSED) {
            throw new BusinessRuleException("adhesion.transition-invalide", "modifier", status.name());
        }
        if (status == EnrolmentStatus.LATE_APPLICANT) {
            return Change.of(new Enrolment(id, organizationId, userId, newClassCode, status, eligibleOn, requestedOn,
                    effectiveDate, coverageEndsOn, endReason, tier, newCoverages, newWaivers, evidenceDecision, segments,
                    newSealed, certificateNumber, lastRosterSequence));
        }
        LocalDate from = changeDate.isBefore(effectiveDate) ? effectiveDate : changeDate;
        Enrolment changed = new Enrolment(id, organizationId, userId, newClassCode, status, eligibleOn, requestedOn,
                effectiveDate, coverageEndsOn, endReason, tier, newCoverages, newWaivers, evidenceDecision,
                splitAt(from, newClassCode, tier, newCoverages), newSealed, certificateNumber, lastRosterSequence);
        return Change.of(changed, List.of(new EnrolmentChanged(id, organizationId, id, newClassCode, tier.name(),
                codes(newCoverages), from)));
    }

    /** The insured person corrected their own personal information: nothing billed or covered changes. */
    public Change<Enrolment> correctPersonalData(String newSealed) {
        return Change.of(copy(status, effectiveDate, coverageEndsOn, endReason, tier, coverages, waivers, evidenceDecision,
                segments, newSealed));
    }

    /** The segments up to the day before {@code from}, then one open segment from it. */
    private List<Segment> splitAt(LocalDate from, String newClassCode, Tier newTier, Set<CoverageCode> newCoverages) {
        List<Segment> newSegments = new ArrayList<>();
        for (Segment s : segments) {
            if (!s.from().isBefore(from)) {
                continue; // replaced by the change (a change dated back before a later one)
            }
            newSegments.add(s.to() == null || !s.to().isBefore(from) ? s.endingOn(from.minusDays(1)) : s);
        }
        newSegments.add(new Segment(from, coverageEndsOn, newClassCode, newTier, newCoverages));
        return newSegments;
    }

    /**
     * The employee left on {@code lastDayOfWork}: covered to the end of that month. Applied once per roster event.
     */
    public Change<Enrolment> employeeLeft(LocalDate lastDayOfWork, long rosterSequence) {
        return endAtMonthEnd(lastDayOfWork, EMPLOYEE_LEFT, rosterSequence);
    }

    /**
     * The roster says the employee no longer meets the class rule (fewer weekly hours) from {@code date}: covered to
     * the end of that month. Applied once per roster event.
     */
    public Change<Enrolment> lostEligibility(LocalDate date, long rosterSequence) {
        return endAtMonthEnd(date, NO_LONGER_ELIGIBLE, rosterSequence);
    }

    private Change<Enrolment> endAtMonthEnd(LocalDate date, String reason, long rosterSequence) {
        if (rosterSequence <= lastRosterSequence) {
            return Change.of(this);
        }
        LocalDate endOfMonth = date.withDayOfMonth(date.lengthOfMonth());
        Change<Enrolment> ended = end(endOfMonth, reason);
        Enrolment e = ended.state();
        return Change.of(new Enrolment(e.id, e.organizationId, e.userId, e.classCode, e.status, e.eligibleOn,
                e.requestedOn, e.effectiveDate, e.coverageEndsOn, e.endReason, e.tier, e.coverages, e.waivers,
                e.evidenceDecision, e.segments, e.sealedPersonalData, e.certificateNumber, rosterSequence), ended.events());
    }

    /** Coverage ends after {@code lastDay} (no-op when already ended by then). */
    public Change<Enrolment> end(LocalDate lastDay, String reason) {
        if (status == EnrolmentStatus.REFUSED
                || (status == EnrolmentStatus.TERMINATED && coverageEndsOn != null && !coverageEndsOn.isAfter(lastDay))) {
            return Change.of(this);
        }
        if (status == EnrolmentStatus.LATE_APPLICANT) {
            // Never covered, never announced: the pending application just closes.
            return Change.of(copy(EnrolmentStatus.TERMINATED, null, lastDay, reason, tier, coverages, waivers,
                    evidenceDecision, segments, sealedPersonalData));
        }
        List<Segment> closed = new ArrayList<>();
        for (Segment s : segments) {
            if (s.from().isAfter(lastDay)) {
                continue;
            }
            closed.add(s.to() == null || s.to().isAfter(lastDay) ? s.endingOn(lastDay) : s);
        }
        return Change.of(copy(EnrolmentStatus.TERMINATED, effectiveDate, lastDay, reason, tier, coverages, waivers,
                evidenceDecision, closed, sealedPersonalData),
                List.of(new EnrolmentTerminated(id, organizationId, id, lastDay, reason)));
    }

    /** Whether the employee is covered on {@code date}. */
    public boolean coversOn(LocalDate date) {
        return segments.stream().anyMatch(s -> !date.isBefore(s.from()) && (s.to() == null || !date.isAfter(s.to())));
    }

    public boolean isOpen() {
        return status == EnrolmentStatus.ACTIVE || status == EnrolmentStatus.LATE_APPLICANT;
    }

    private EnrolmentActivated activated() {
        return new EnrolmentActivated(id, organizationId, id, classCode, tier.name(), codes(coverages), effectiveDate);
    }

    private Enrolment copy(EnrolmentStatus newStatus, LocalDate newEffective, LocalDate newEnd, String newReason,
                           Tier newTier, Set<CoverageCode> newCoverages, List<Waiver> newWaivers,
                           EvidenceDecision decision, List<Segment> newSegments, String sealed) {
        return new Enrolment(id, organizationId, userId, classCode, newStatus, eligibleOn, requestedOn, newEffective,
                newEnd, newReason, newTier, newCoverages, newWaivers, decision, newSegments, sealed, certificateNumber,
                lastRosterSequence);
    }

    private static List<String> codes(Set<CoverageCode> coverages) {
        return coverages.stream().sorted().map(Enum::name).toList();
    }

    private static String certificateNumber(String employeeId, LocalDate eligibleOn) {
        // The employee id is unique on the platform: so is the certificate number derived from it.
        return "AC-" + eligibleOn.getYear() + "-" + employeeId.toUpperCase(Locale.ROOT);
    }
}
