package qc.esac.membership.membership;

import qc.esac.events.EventData;
import qc.esac.kit.problem.BusinessRuleException;
import qc.esac.kit.problem.FieldViolation;
import qc.esac.kit.problem.InvalidInputException;
import qc.esac.membership.network.Category;
import qc.esac.membership.network.Network;
import qc.esac.membership.network.StatusRule;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static qc.esac.membership.membership.MembershipStatus.ACTIVE;
import static qc.esac.membership.membership.MembershipStatus.APPLIED;
import static qc.esac.membership.membership.MembershipStatus.APPROVED;
import static qc.esac.membership.membership.MembershipStatus.IN_GRACE;
import static qc.esac.membership.membership.MembershipStatus.LAPSED;
import static qc.esac.membership.membership.MembershipStatus.REJECTED;
import static qc.esac.membership.membership.MembershipStatus.RENEWAL_DUE;
import static qc.esac.membership.membership.MembershipStatus.RESIGNED;
import static qc.esac.membership.membership.MembershipStatus.SUSPENDED;
import static qc.esac.membership.membership.MembershipStatus.TERMINATED;

/**
 * One organization's membership in one network, and the status machine: every command returns the new state
 * with the events it causes ({@link Change}), or refuses with a precise problem and changes nothing.
 *
 * @param categoryVotes     whether the category carries a vote (copied from the network at each change)
 * @param periodStart       first day of the current, continuous membership period; null before activation
 * @param periodEnd         last day paid for; null before activation
 * @param memberSince       first activation
 * @param liveKey           organization|network while the membership is not final, so the store refuses a
 *                          second live membership of the same organization in the same network; the id after
 * @param nextCheckEpochDay day (epoch) from which the status rules have something to do; absent when none
 */
public record Membership(String id, String organizationId, String networkId, String category, boolean categoryVotes,
                         MembershipStatus status, LocalDate periodStart, LocalDate periodEnd, LocalDate appliedOn,
                         LocalDate memberSince, List<Transition> history, List<FeePayment> fees, String liveKey,
                         Long nextCheckEpochDay) {

    public Membership {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        history = history == null ? List.of() : List.copyOf(history);
        fees = fees == null ? List.of() : List.copyOf(fees);
        liveKey = status.isFinal() ? id : organizationId + "|" + networkId;
    }

    /** Who acts and when: today (Quebec), the instant, and the user id or {@code system}. */
    public record Context(LocalDate today, Instant now, String by) {
    }

    /** What a command did: the new state and its events, saved together in one write. */
    public record Change(Membership membership, List<EventData> events) {
    }

    /** A fee payment as entered. */
    public record Payment(BigDecimal amount, LocalDate paidOn, String method, String reference) {
    }

    public boolean goodStanding() {
        return status.goodStanding();
    }

    public boolean votingRights() {
        return categoryVotes && goodStanding();
    }

    // --- Commands -------------------------------------------------------------------------------------------

    static Change apply(String id, String organizationId, Network network, String categoryCode, Context context) {
        Category category = category(network, categoryCode);
        Membership applied = new Membership(id, organizationId, network.id(), categoryCode, category.votingRights(),
                APPLIED, null, null, context.today(), null,
                List.of(new Transition(null, APPLIED, context.today(), null, context.now(), context.by())),
                List.of(), null, null);
        return new Change(applied, List.of(StandingEvents.applied(applied, context.today())));
    }

    Change approve(Network network, String reason, Context context) {
        require(status == APPLIED, "adhesion.approbation-impossible");
        Membership approved = moveTo(APPROVED, context.today(), reason, context, network);
        List<EventData> events = new ArrayList<>(List.of(
                StandingEvents.approved(approved, APPLIED, context.today(), reason)));
        if (category(network, category).annualFee().signum() == 0) {
            // Nothing to pay: the membership starts with its approval.
            Membership active = approved.startPeriod(network, context);
            events.add(StandingEvents.activated(active, APPROVED, context.today()));
            return new Change(active, events);
        }
        return new Change(approved, events);
    }

    Change reject(String reason, Context context) {
        require(status == APPLIED, "adhesion.refus-impossible");
        Membership rejected = moveTo(REJECTED, context.today(), reason, context, null);
        return new Change(rejected, List.of(StandingEvents.rejected(rejected, APPLIED, context.today(), reason)));
    }

    /**
     * Records a payment for the period due: it activates an approved membership, renews a membership whose
     * renewal is due, in grace or lapsed.
     */
    Change recordFee(Network network, Payment payment, Context context) {
        requireRenewalOpen(network, context);
        require(status == APPROVED || status == ACTIVE || status == RENEWAL_DUE || status == IN_GRACE
                || status == LAPSED, "adhesion.cotisation-impossible");
        BigDecimal due = category(network, category).annualFee();
        if (status == APPROVED) {
            Membership active = startPeriod(network, context);
            Membership paid = withFee(payment, due, active.periodStart, active.periodEnd, context);
            Membership activeAndPaid = active.withFees(paid.fees);
            return new Change(activeAndPaid, List.of(
                    StandingEvents.feeRecorded(paid, context.today(), active.periodStart, active.periodEnd, payment),
                    StandingEvents.activated(activeAndPaid, APPROVED, context.today())));
        }
        Membership renewed = renewedPeriod(network, context);
        LocalDate feeStart = status == LAPSED ? renewed.periodStart : periodEnd.plusDays(1);
        Membership paid = withFee(payment, due, feeStart, renewed.periodEnd, context);
        Membership renewedAndPaid = renewed.withFees(paid.fees);
        return new Change(renewedAndPaid, List.of(
                StandingEvents.feeRecorded(paid, context.today(), feeStart, renewed.periodEnd, payment),
                StandingEvents.renewed(renewedAndPaid, status, context.today(), periodEnd, status == LAPSED)));
    }

    /** Renews without a payment (a waived fee, a free category): extends a current period, restarts a lapsed one. */
    Change renew(Network network, Context context) {
        requireRenewalOpen(network, context);
        require(status == ACTIVE || status == RENEWAL_DUE || status == IN_GRACE || status == LAPSED,
                "adhesion.renouvellement-impossible");
        Membership renewed = renewedPeriod(network, context);
        return new Change(renewed, List.of(
                StandingEvents.renewed(renewed, status, context.today(), periodEnd, status == LAPSED)));
    }

    Change suspend(String reason, LocalDate effective, Context context) {
        require(status.goodStanding(), "adhesion.suspension-impossible");
        Membership suspended = moveTo(SUSPENDED, effective, reason, context, null);
        return new Change(suspended, List.of(StandingEvents.suspended(suspended, status, effective, reason)));
    }

    /** Lifts a suspension: the status is what the period's dates give today (possibly lapsed meanwhile). */
    Change reinstate(Network network, String reason, Context context) {
        require(status == SUSPENDED, "adhesion.reintegration-impossible");
        MembershipStatus byDates = statusByDates(network, periodEnd, context.today());
        Membership reinstated = moveTo(byDates, context.today(), reason, context, network);
        return new Change(reinstated, List.of(
                StandingEvents.reinstated(reinstated, SUSPENDED, context.today(), reason)));
    }

    Change resign(String reason, LocalDate effective, Context context) {
        require(!status.isFinal(), "adhesion.demission-impossible");
        Membership resigned = moveTo(RESIGNED, effective, reason, context, null);
        return new Change(resigned, List.of(StandingEvents.resigned(resigned, status, effective, reason)));
    }

    Change terminate(String reason, LocalDate effective, Context context) {
        require(!status.isFinal(), "adhesion.fin-impossible");
        Membership terminated = moveTo(TERMINATED, effective, reason, context, null);
        return new Change(terminated, List.of(StandingEvents.terminated(terminated, status, effective, reason)));
    }

    /**
     * Applies the network's status rules as of {@code context.today()}: every step that came due, in order, each
     * with the date it took effect (a job that was down for weeks still tells the whole story).
     */
    Change evaluate(Network network, Context context) {
        if (!status.goodStanding() || periodEnd == null) {
            return new Change(rescheduled(network), List.of());
        }
        Membership current = this;
        List<EventData> events = new ArrayList<>();
        for (StatusRule rule : network.statusRules()) {
            MembershipStatus target = MembershipStatus.valueOf(rule.status());
            LocalDate from = periodEnd.plusDays(rule.offsetDays());
            if (target.ordinal() > current.status.ordinal() && !context.today().isBefore(from)) {
                MembershipStatus previous = current.status;
                String reason = StandingEvents.ruleReason(target, periodEnd, network);
                current = current.moveTo(target, from, reason, context, network);
                events.add(StandingEvents.byRule(current, previous, from, reason, network));
            }
        }
        return new Change(current.rescheduled(network), events);
    }

    /** This membership with its next status-rule date computed from the network's current rules. */
    Membership rescheduled(Network network) {
        Long next = nextCheck(status, periodEnd, network);
        return Objects.equals(next, nextCheckEpochDay) ? this : new Membership(id, organizationId, networkId, category,
                categoryVotes, status, periodStart, periodEnd, appliedOn, memberSince, history, fees, null, next);
    }

    /**
     * The status on {@code date}: what the history says for a day already passed, what the dates will make of
     * the current status for a day to come (nothing else changing). A good standing in the history is checked
     * against the dates too, so a status job that has not run yet does not make a lapsed member count.
     */
    MembershipStatus statusOn(Network network, LocalDate date, LocalDate today) {
        if (date.isAfter(today)) {
            return status.dateDriven() && periodEnd != null ? statusByDates(network, periodEnd, date) : status;
        }
        MembershipStatus on = null;
        for (Transition transition : history) {
            if (!transition.effectiveDate().isAfter(date)) {
                on = transition.to();
            }
        }
        if (on != null && on.goodStanding() && periodEnd != null) {
            MembershipStatus byDates = statusByDates(network, periodEnd, date);
            return byDates.ordinal() > on.ordinal() ? byDates : on;
        }
        return on;
    }

    /** The status a current membership has on {@code date} given its period's last day: the rules, evaluated. */
    static MembershipStatus statusByDates(Network network, LocalDate periodEnd, LocalDate date) {
        MembershipStatus status = ACTIVE;
        for (StatusRule rule : network.statusRules()) {
            if (!date.isBefore(periodEnd.plusDays(rule.offsetDays()))) {
                status = MembershipStatus.valueOf(rule.status());
            }
        }
        return status;
    }

    // --- Internals ------------------------------------------------------------------------------------------

    private Membership startPeriod(Network network, Context context) {
        LocalDate end = network.periodEndFor(context.today());
        Membership started = new Membership(id, organizationId, networkId, category, categoryVotes, status,
                context.today(), end, appliedOn, memberSince == null ? context.today() : memberSince, history, fees,
                null, null);
        return started.moveTo(statusByDates(network, end, context.today()), context.today(), null, context, network);
    }

    private Membership renewedPeriod(Network network, Context context) {
        boolean restart = status == LAPSED;
        LocalDate start = restart ? context.today() : periodStart;
        LocalDate end = restart ? network.periodEndFor(context.today())
                : network.fiscalYearEndOnOrAfter(periodEnd.plusDays(1));
        Membership extended = new Membership(id, organizationId, networkId, category, categoryVotes, status, start,
                end, appliedOn, memberSince, history, fees, null, null);
        return extended.moveTo(statusByDates(network, end, context.today()), context.today(), null, context, network);
    }

    private Membership moveTo(MembershipStatus target, LocalDate effective, String reason, Context context,
                              Network network) {
        List<Transition> steps = new ArrayList<>(history);
        steps.add(new Transition(status, target, effective, reason, context.now(), context.by()));
        boolean votes = network == null ? categoryVotes
                : network.category(category).map(Category::votingRights).orElse(categoryVotes);
        return new Membership(id, organizationId, networkId, category, votes, target, periodStart, periodEnd,
                appliedOn, memberSince, steps, fees, null, nextCheck(target, periodEnd, network));
    }

    private Membership withFee(Payment payment, BigDecimal due, LocalDate feeStart, LocalDate feeEnd,
                               Context context) {
        List<FeePayment> paid = new ArrayList<>(fees);
        paid.add(new FeePayment(feeStart, feeEnd, payment.amount(), due, payment.paidOn(), payment.method(),
                payment.reference(), context.now(), context.by()));
        return withFees(paid);
    }

    private Membership withFees(List<FeePayment> paid) {
        return new Membership(id, organizationId, networkId, category, categoryVotes, status, periodStart, periodEnd,
                appliedOn, memberSince, history, paid, null, nextCheckEpochDay);
    }

    /** First day a rule has something to do for this status, or none. */
    private static Long nextCheck(MembershipStatus status, LocalDate periodEnd, Network network) {
        if (!status.goodStanding() || periodEnd == null || network == null) {
            return null;
        }
        return network.statusRules().stream()
                .filter(rule -> MembershipStatus.valueOf(rule.status()).ordinal() > status.ordinal())
                .map(rule -> periodEnd.plusDays(rule.offsetDays()).toEpochDay())
                .min(Long::compare).orElse(null);
    }

    /**
     * An active membership renews from its window's first day, by the dates (whether or not the status job has
     * already marked it due), not before: nobody pays two years ahead by mistake.
     */
    private void requireRenewalOpen(Network network, Context context) {
        LocalDate opens = status == ACTIVE ? periodEnd.minusDays(network.renewalWindowDays()) : null;
        if (opens != null && context.today().isBefore(opens)) {
            throw new BusinessRuleException("adhesion.renouvellement-pas-ouvert", id, opens.toString());
        }
    }

    private void require(boolean allowed, String code) {
        if (!allowed) {
            throw new BusinessRuleException(code, id, status.name());
        }
    }

    private static Category category(Network network, String code) {
        return network.category(code).orElseThrow(() -> InvalidInputException.of(
                FieldViolation.of("category", "esac.validation.categorie-inconnue", code, network.id())));
    }
}
