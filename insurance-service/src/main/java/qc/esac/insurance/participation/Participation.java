package qc.esac.insurance.participation;

import qc.esac.events.insurance.ParticipationActivated;
import qc.esac.events.insurance.ParticipationApplied;
import qc.esac.events.insurance.ParticipationInGrace;
import qc.esac.events.insurance.ParticipationReinstated;
import qc.esac.events.insurance.ParticipationTerminated;
import qc.esac.events.insurance.RatesRenewed;
import qc.esac.insurance.plan.CoverageCode;
import qc.esac.kit.domain.Change;
import qc.esac.kit.problem.BusinessRuleException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An employer's participation in the association's group plan (aggregate; id = the organization id). Every
 * status rule is here; each transition returns the new state and the events it causes.
 *
 * @param coverages            coverages the employer chose among the plan's
 * @param classCodes           classes of employees the employer's structure uses
 * @param employerSharePercent the employer's share of premiums, one of the plan's options
 * @param notices              what happened and when, in order (a lapse notice, a reinstatement, ...)
 * @param rates                the employer's rate per plan year, set at renewal (absent = the pool's rate)
 * @param standingSequences    last membership event applied, per membership id: standing changes apply once
 */
public record Participation(String organizationId, String networkId, ParticipationStatus status,
                            Set<CoverageCode> coverages, Set<String> classCodes, int employerSharePercent,
                            LocalDate appliedOn, LocalDate activeSince, LocalDate graceEndsOn, LocalDate terminatedOn,
                            String terminationReason, List<Notice> notices, Map<String, YearRate> rates,
                            Map<String, Long> standingSequences) {

    public static final String REASON_MEMBERSHIP_LAPSED = "MEMBERSHIP_LAPSED";
    public static final String REASON_WITHDRAWN = "WITHDRAWN";
    public static final String REASON_ORGANIZATION_CLOSED = "ORGANIZATION_CLOSED";

    public Participation {
        coverages = coverages == null || coverages.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(coverages));
        classCodes = classCodes == null ? Set.of() : Set.copyOf(classCodes);
        notices = notices == null ? List.of() : List.copyOf(notices);
        rates = rates == null ? Map.of() : Map.copyOf(rates);
        standingSequences = standingSequences == null ? Map.of() : Map.copyOf(standingSequences);
    }

    /**
     * A dated entry of the participation's history, written in both languages when it happens so that each reader
     * gets it in theirs.
     */
    public record Notice(LocalDate date, String kind, String textFr, String textEn) {

        /** The text in the reader's language: English when asked for, French otherwise. */
        public String text(java.util.Locale locale) {
            return locale != null && "en".equals(locale.getLanguage()) ? textEn : textFr;
        }

        static Notice applied(LocalDate date) {
            return new Notice(date, "APPLIED", "Demande de participation au régime reçue",
                    "Application to join the plan received");
        }

        static Notice activated(LocalDate date) {
            return new Notice(date, "ACTIVATED", "Participation en vigueur à compter du " + date,
                    "Participation in force from " + date);
        }

        static Notice lapsed(LocalDate date, LocalDate graceEnd) {
            return new Notice(date, "MEMBERSHIP_LAPSED",
                    "L’adhésion au réseau n’est plus en règle : la protection continue pendant le délai de grâce, jusqu’au "
                            + graceEnd,
                    "The network membership is no longer in good standing: coverage continues during the grace period, until "
                            + graceEnd);
        }

        static Notice reinstated(LocalDate date) {
            return new Notice(date, "MEMBERSHIP_REINSTATED", "L’adhésion est de nouveau en règle : la participation est rétablie",
                    "The membership is in good standing again: the participation is reinstated");
        }

        static Notice closed(LocalDate closedOn) {
            return new Notice(closedOn, REASON_ORGANIZATION_CLOSED, "L’organisation a cessé ses activités le " + closedOn
                    + " : la participation et toutes les adhésions de ses employés prennent fin ce jour-là",
                    "The organization ceased activity on " + closedOn
                            + ": the participation and every employee's enrolment end that day");
        }

        static Notice terminated(LocalDate lastDay, String reason) {
            String why = switch (reason) {
                case REASON_MEMBERSHIP_LAPSED -> "délai de grâce écoulé|grace period over";
                case REASON_WITHDRAWN -> "retrait du régime|withdrawal from the plan";
                case REASON_ORGANIZATION_CLOSED -> "fermeture de l’organisation|the organization closed";
                default -> reason + "|" + reason;
            };
            String[] both = why.split("\\|");
            return new Notice(lastDay, "TERMINATED", "Fin de la participation le " + lastDay + " (" + both[0] + ")",
                    "Participation ended on " + lastDay + " (" + both[1] + ")");
        }

        static Notice ratesRenewed(LocalDate date, int planYear, BigDecimal factor) {
            return new Notice(date, "RATES_RENEWED", "Taux de " + planYear + " : " + factor.toPlainString()
                    + " fois les taux du regroupement", planYear + " rates: " + factor.toPlainString() + " times the pool's rates");
        }
    }

    /** The employer's rate for a plan year: factor of the pool's manual rates and how it was obtained. */
    public record YearRate(BigDecimal factor, BigDecimal credibility, boolean capped, LocalDate computedOn) {
    }

    /** The outcome of a transition: the new state and its events (none when nothing changed). */
    public static Change<Participation> apply(String organizationId, String networkId, boolean goodStanding, Set<CoverageCode> coverages,
                               Set<String> classCodes, int employerSharePercent, LocalDate today) {
        if (!goodStanding) {
            throw new BusinessRuleException("participation.membre-sans-bon-standing", organizationId);
        }
        Participation applied = new Participation(organizationId, networkId, ParticipationStatus.APPLIED, coverages,
                classCodes, employerSharePercent, today, null, null, null, null,
                List.of(Notice.applied(today)), Map.of(), Map.of());
        return Change.of(applied, List.of(new ParticipationApplied(organizationId, networkId,
                ParticipationStatus.APPLIED.name(), today)));
    }

    /** A terminated employer applies again: a new participation history starts, rates are kept. */
    public Change<Participation> reapply(boolean goodStanding, Set<CoverageCode> coverages, Set<String> classCodes,
                          int employerSharePercent, LocalDate today) {
        if (status != ParticipationStatus.TERMINATED) {
            throw new BusinessRuleException("participation.deja-participante", organizationId, status.name());
        }
        Change<Participation> fresh = apply(organizationId, networkId, goodStanding, coverages, classCodes, employerSharePercent, today);
        Participation p = fresh.state();
        return Change.of(new Participation(organizationId, networkId, p.status, p.coverages, p.classCodes,
                p.employerSharePercent, today, null, null, null, null, append(notices, Notice.applied(today)),
                rates, standingSequences), fresh.events());
    }

    /** Staff put the participation in force from {@code effectiveDate}. */
    public Change<Participation> activate(LocalDate effectiveDate, boolean goodStanding) {
        requireStatus("activer", ParticipationStatus.APPLIED);
        if (!goodStanding) {
            throw new BusinessRuleException("participation.membre-sans-bon-standing", organizationId);
        }
        if (effectiveDate.isBefore(appliedOn)) {
            throw new BusinessRuleException("participation.date-avant-demande", effectiveDate.toString(), appliedOn.toString());
        }
        return Change.of(with(ParticipationStatus.ACTIVE, effectiveDate, null, null, null,
                Notice.activated(effectiveDate)),
                List.of(new ParticipationActivated(organizationId, networkId, ParticipationStatus.ACTIVE.name(), effectiveDate)));
    }

    /**
     * The membership's standing changed (event {@code sequence} of membership {@code membershipId}). Losing good
     * standing starts the grace period of an employer in force and ends a pending application; regaining it
     * during grace reinstates. Applied once per event, in order: an older or repeated one changes nothing.
     */
    public Change<Participation> standingChanged(String membershipId, long sequence, boolean goodStanding, LocalDate effectiveDate,
                                  int graceDays) {
        // Map keys become field names in the store: no dots or dollar signs there.
        String key = membershipId.replace('.', '_').replace('$', '_');
        Long last = standingSequences.get(key);
        if (last != null && last >= sequence) {
            return Change.of(this);
        }
        Map<String, Long> sequences = new HashMap<>(standingSequences);
        sequences.put(key, sequence);
        Participation seen = withSequences(sequences);
        if (!goodStanding && (status == ParticipationStatus.ACTIVE || status == ParticipationStatus.REINSTATED)) {
            LocalDate graceEnd = effectiveDate.plusDays(graceDays - 1L);
            Participation inGrace = seen.with(ParticipationStatus.IN_GRACE, activeSince, graceEnd, null, null,
                    Notice.lapsed(effectiveDate, graceEnd));
            return Change.of(inGrace, List.of(new ParticipationInGrace(organizationId, networkId,
                    ParticipationStatus.IN_GRACE.name(), effectiveDate, graceEnd)));
        }
        if (!goodStanding && status == ParticipationStatus.APPLIED) {
            return seen.terminate(effectiveDate, REASON_MEMBERSHIP_LAPSED);
        }
        if (goodStanding && status == ParticipationStatus.IN_GRACE && !effectiveDate.isAfter(graceEndsOn)) {
            Participation reinstated = seen.with(ParticipationStatus.REINSTATED, activeSince, null, null, null,
                    Notice.reinstated(effectiveDate));
            return Change.of(reinstated, List.of(new ParticipationReinstated(organizationId, networkId,
                    ParticipationStatus.REINSTATED.name(), effectiveDate)));
        }
        // Nothing to do for this status, but the event is recorded as seen so that a redelivery stays a no-op.
        return Change.of(seen);
    }

    /** Grace is over on {@code today} without reinstatement: participation ends on the last day of grace. */
    public Change<Participation> endGraceIfOver(LocalDate today) {
        if (status != ParticipationStatus.IN_GRACE || !today.isAfter(graceEndsOn)) {
            return Change.of(this);
        }
        return terminate(graceEndsOn, REASON_MEMBERSHIP_LAPSED);
    }

    /** The employer leaves the plan; coverage ends on {@code lastDay}. */
    public Change<Participation> withdraw(LocalDate lastDay) {
        requireStatus("retirer", ParticipationStatus.APPLIED, ParticipationStatus.ACTIVE, ParticipationStatus.IN_GRACE,
                ParticipationStatus.REINSTATED);
        return terminate(lastDay, REASON_WITHDRAWN);
    }

    /**
     * The organization closed on {@code closedOn}: like every employee leaving, without a grace period, the
     * participation ends that day (a pending application too). Repeated or older news changes nothing.
     */
    public Change<Participation> organizationClosed(LocalDate closedOn) {
        if (status == ParticipationStatus.TERMINATED && !terminatedOn.isAfter(closedOn)) {
            return Change.of(this);
        }
        Participation noticed = new Participation(organizationId, networkId, status, coverages, classCodes,
                employerSharePercent, appliedOn, activeSince, graceEndsOn, terminatedOn, terminationReason,
                append(notices, Notice.closed(closedOn)), rates, standingSequences);
        return noticed.terminate(closedOn, REASON_ORGANIZATION_CLOSED);
    }

    public Change<Participation> recordRate(int planYear, LocalDate effectiveDate, YearRate rate) {
        Map<String, YearRate> updated = new HashMap<>(rates);
        updated.put(Integer.toString(planYear), rate);
        Participation p = new Participation(organizationId, networkId, status, coverages, classCodes,
                employerSharePercent, appliedOn, activeSince, graceEndsOn, terminatedOn, terminationReason,
                append(notices, Notice.ratesRenewed(rate.computedOn(), planYear, rate.factor())),
                updated, standingSequences);
        return Change.of(p, List.of(new RatesRenewed(organizationId, planYear, effectiveDate,
                rate.credibility().toPlainString(), rate.factor().toPlainString(), rate.capped())));
    }

    /** The employer's rate factor for a plan year; the pool's (1) until a renewal set one. */
    public BigDecimal rateFactor(int planYear) {
        YearRate rate = rates.get(Integer.toString(planYear));
        return rate == null ? BigDecimal.ONE : rate.factor();
    }

    public boolean hasRateFor(int planYear) {
        return rates.containsKey(Integer.toString(planYear));
    }

    /** Whether employees are covered on {@code date}. */
    public boolean coversOn(LocalDate date) {
        if (activeSince == null || date.isBefore(activeSince)) {
            return false;
        }
        return status.coverageInForce() || (status == ParticipationStatus.TERMINATED && !date.isAfter(terminatedOn));
    }

    private Change<Participation> terminate(LocalDate lastDay, String reason) {
        Participation ended = with(ParticipationStatus.TERMINATED, activeSince, graceEndsOn, lastDay, reason,
                Notice.terminated(lastDay, reason));
        return Change.of(ended, List.of(new ParticipationTerminated(organizationId, networkId,
                ParticipationStatus.TERMINATED.name(), lastDay, reason)));
    }

    private void requireStatus(String action, ParticipationStatus... allowed) {
        for (ParticipationStatus s : allowed) {
            if (s == status) {
                return;
            }
        }
        throw new BusinessRuleException("participation.transition-invalide", action, status.name());
    }

    private Participation with(ParticipationStatus newStatus, LocalDate since, LocalDate graceEnd, LocalDate ended,
                               String reason, Notice notice) {
        return new Participation(organizationId, networkId, newStatus, coverages, classCodes, employerSharePercent,
                appliedOn, since, graceEnd, ended, reason, append(notices, notice), rates, standingSequences);
    }

    private Participation withSequences(Map<String, Long> sequences) {
        return new Participation(organizationId, networkId, status, coverages, classCodes, employerSharePercent,
                appliedOn, activeSince, graceEndsOn, terminatedOn, terminationReason, notices, rates, sequences);
    }

    private static List<Notice> append(List<Notice> notices, Notice notice) {
        List<Notice> all = new ArrayList<>(notices);
        all.add(notice);
        return all;
    }
}
