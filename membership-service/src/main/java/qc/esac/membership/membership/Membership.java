package qc.esac.membership.membership;

import qc.esac.events.EventData;
import qc.esac.kit.domain.Change;
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
import java.util.Optional;

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
 * @param graceKeepsServices the network's rule, copied at each change like {@code categoryVotes}: whether a member
 *                           in grace keeps its good standing (true in documents written before the rule existed)
 * @param graceVotes         the network's rule: whether a member in grace votes (false when absent)
 */
public record Membership(String id, String organizationId, String networkId, String category, boolean categoryVotes,
                         MembershipStatus status, LocalDate periodStart, LocalDate periodEnd, LocalDate appliedOn,
                         LocalDate memberSince, List<Transition> history, List<FeePayment> fees, String liveKey,
                         Long nextCheckEpochDay, Boolean graceKeepsServices, Boolean graceVotes) {

    public Membership {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        history = history == null ? List.of() : List.copyOf(history);
        fees = fees == null ? List.of() : List.copyOf(fees);
        liveKey = status.isFinal() ? id : organizationId + "|" + networkId;
        graceKeepsServices = graceKeepsServices == null ? Network.DEFAULT_GRACE_KEEPS_SERVICES : graceKeepsServices;
        graceVotes = graceVotes == null ? Network.DEFAULT_GRACE_VOTES : graceVotes;
    }

    /**
     * Who acts and when: today (Quebec), the instant, the user id or {@code system}, and how a reason the platform
     * writes (a status rule's) reads in French, the language of the events.
     */
    public record Context(LocalDate today, Instant now, String by, ReasonText french) {

        public Context(LocalDate today, Instant now, String by) {
            this(today, now, by, ReasonText.CODES);
        }
    }

    /** What a command did: the new state and its events, saved together in one write. */
    /** A fee payment as entered. */
    public record Payment(BigDecimal amount, LocalDate paidOn, String method, String reference) {
    }

    public boolean goodStanding() {
        return Standing.goodStanding(status, graceKeepsServices);
    }

    public boolean votingRights() {
        return Standing.votes(status, categoryVotes, graceVotes);
    }

    // --- Commands -------------------------------------------------------------------------------------------

    static Change<Membership> apply(String id, String organizationId, Network network, String categoryCode,
                                    Context context) {
        Category category = category(network, categoryCode);
        Membership applied = new Membership(id, organizationId, network.id(), categoryCode, category.votingRights(),
                APPLIED, null, null, context.today(), null,
                List.of(new Transition(null, APPLIED, context.today(), null, context.now(), context.by())),
                List.of(), null, null, network.graceKeepsServices(), network.graceVotes());
        return Change.of(applied, List.of(StandingEvents.applied(applied, context.today())));
    }

    Change<Membership> approve(Network network, String reason, Context context) {
        require(status == APPLIED, "adhesion.approbation-impossible");
        Membership approved = moveTo(APPROVED, context.today(), Reason.typed(reason), context, network);
        List<EventData> events = new ArrayList<>(List.of(
                StandingEvents.approved(approved, APPLIED, context.today(), reason)));
        if (category(network, category).annualFee().signum() == 0) {
            // Nothing to pay: the membership starts with its approval.
            Membership active = approved.startPeriod(network, context);
            events.add(StandingEvents.activated(active, APPROVED, context.today()));
            return Change.of(active, events);
        }
        return Change.of(approved, events);
    }

    Change<Membership> reject(String reason, Context context) {
        require(status == APPLIED, "adhesion.refus-impossible");
        Membership rejected = moveTo(REJECTED, context.today(), Reason.typed(reason), context, null);
        return Change.of(rejected, List.of(StandingEvents.rejected(rejected, APPLIED, context.today(), reason)));
    }

    /**
     * Records a payment toward the period due: the first one once approved, the next one once the renewal window
     * opened (or in grace, or lapsed). Payments add up; the one that completes the category's fee activates an
     * approved membership or renews the others, a partial one is only recorded.
     */
    Change<Membership> recordFee(Network network, Payment payment, Context context) {
        if (payment.amount() == null || payment.amount().signum() <= 0) {
            throw InvalidInputException.of(FieldViolation.of("amount", "esac.validation.montant-positif"));
        }
        requireRenewalOpen(network, context);
        require(status == APPROVED || status == ACTIVE || status == RENEWAL_DUE || status == IN_GRACE
                || status == LAPSED, "adhesion.cotisation-impossible");
        BigDecimal fee = category(network, category).annualFee();
        Dues before = dues(network, context.today(), fee);
        List<FeePayment> payments = new ArrayList<>(fees);
        payments.add(new FeePayment(before.periodStart(), before.periodEnd(), payment.amount(), fee,
                payment.paidOn(), payment.method(), payment.reference(), context.now(), context.by()));
        Membership paid = withFees(payments);
        EventData recorded = StandingEvents.feeRecorded(paid, context.today(), before.periodStart(),
                before.periodEnd(), payment);
        if (before.amountPaid().add(payment.amount()).compareTo(fee) < 0) {
            return Change.of(paid, List.of(recorded));
        }
        if (status == APPROVED) {
            Membership active = paid.startPeriod(network, context);
            return Change.of(active, List.of(recorded, StandingEvents.activated(active, APPROVED, context.today())));
        }
        Membership renewed = paid.renewedPeriod(network, context);
        return Change.of(renewed, List.of(recorded,
                StandingEvents.renewed(renewed, status, context.today(), periodEnd, status == LAPSED)));
    }

    /**
     * What is due on {@code today}: the period the next fee pays for, the category's fee, what was paid toward it
     * and what remains; empty when no fee is expected (not approved yet, active before its renewal window, ended).
     */
    public Optional<Dues> duesOn(Network network, LocalDate today) {
        boolean expected = switch (status) {
            case APPROVED, RENEWAL_DUE, IN_GRACE, LAPSED -> true;
            case ACTIVE -> !today.isBefore(periodEnd.minusDays(network.renewalWindowDays()));
            default -> false;
        };
        return expected ? network.category(category).map(c -> dues(network, today, c.annualFee())) : Optional.empty();
    }

    /** Renews without a payment (a waived fee, a free category): extends a current period, restarts a lapsed one. */
    Change<Membership> renew(Network network, Context context) {
        requireRenewalOpen(network, context);
        require(status == ACTIVE || status == RENEWAL_DUE || status == IN_GRACE || status == LAPSED,
                "adhesion.renouvellement-impossible");
        Membership renewed = renewedPeriod(network, context);
        return Change.of(renewed, List.of(
                StandingEvents.renewed(renewed, status, context.today(), periodEnd, status == LAPSED)));
    }

    Change<Membership> suspend(Network network, String reason, LocalDate effective, Context context) {
        require(status.current(), "adhesion.suspension-impossible");
        Membership suspended = moveTo(SUSPENDED, effective, Reason.typed(reason), context, network);
        return Change.of(suspended, List.of(StandingEvents.suspended(suspended, status, effective, reason)));
    }

    /** Lifts a suspension: the status is what the period's dates give today (possibly lapsed meanwhile). */
    Change<Membership> reinstate(Network network, String reason, Context context) {
        require(status == SUSPENDED, "adhesion.reintegration-impossible");
        MembershipStatus byDates = statusByDates(network, periodEnd, context.today());
        Membership reinstated = moveTo(byDates, context.today(), Reason.typed(reason), context, network);
        return Change.of(reinstated, List.of(
                StandingEvents.reinstated(reinstated, SUSPENDED, context.today(), reason)));
    }

    Change<Membership> resign(Network network, String reason, LocalDate effective, Context context) {
        require(!status.isFinal(), "adhesion.demission-impossible");
        Membership resigned = moveTo(RESIGNED, effective, Reason.typed(reason), context, network);
        return Change.of(resigned, List.of(StandingEvents.resigned(resigned, status, effective, reason)));
    }

    Change<Membership> terminate(Network network, String reason, LocalDate effective, Context context) {
        return terminate(network, Reason.typed(reason), effective, context);
    }

    /** Ends the membership of an organization that closed (the reason is the platform's, in both languages). */
    Change<Membership> terminateOnClosure(Network network, LocalDate closedOn, Context context) {
        return terminate(network, Reason.coded(Reason.ORGANIZATION_CLOSED, List.of(), context.french()), closedOn,
                context);
    }

    private Change<Membership> terminate(Network network, Reason reason, LocalDate effective, Context context) {
        require(!status.isFinal(), "adhesion.fin-impossible");
        Membership terminated = moveTo(TERMINATED, effective, reason, context, network);
        return Change.of(terminated, List.of(
                StandingEvents.terminated(terminated, status, effective, reason == null ? null : reason.text())));
    }

    /**
     * Applies the network's status rules as of {@code context.today()}: every step that came due, in order, each
     * with the date it took effect (a job that was down for weeks still tells the whole story).
     */
    Change<Membership> evaluate(Network network, Context context) {
        if (!status.current() || periodEnd == null) {
            return Change.of(rescheduled(network));
        }
        Membership current = this;
        List<EventData> events = new ArrayList<>();
        for (StatusRule rule : network.statusRules()) {
            MembershipStatus target = MembershipStatus.valueOf(rule.status());
            LocalDate from = periodEnd.plusDays(rule.offsetDays());
            if (target.ordinal() > current.status.ordinal() && !context.today().isBefore(from)) {
                MembershipStatus previous = current.status;
                Reason reason = Reason.ofRule(target, periodEnd, network, context.french());
                current = current.moveTo(target, from, reason, context, network);
                events.add(StandingEvents.byRule(current, previous, from, reason.text(), network));
            }
        }
        return Change.of(current.rescheduled(network), events);
    }

    /**
     * This membership with its next status-rule date computed from the network's current rules, and the network's
     * current rights during grace.
     */
    Membership rescheduled(Network network) {
        Long next = nextCheck(status, periodEnd, network);
        Membership updated = new Membership(id, organizationId, networkId, category, categoryVotes, status,
                periodStart, periodEnd, appliedOn, memberSince, history, fees, null, next,
                network.graceKeepsServices(), network.graceVotes());
        return updated.equals(this) ? this : updated;
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
        if (on != null && on.current() && periodEnd != null) {
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
        LocalDate[] period = nextPeriod(network, context.today());
        Membership started = new Membership(id, organizationId, networkId, category, categoryVotes, status,
                period[0], period[1], appliedOn, memberSince == null ? context.today() : memberSince, history, fees,
                null, null, graceKeepsServices, graceVotes);
        return started.moveTo(statusByDates(network, period[1], context.today()), context.today(), null, context,
                network);
    }

    private Membership renewedPeriod(Network network, Context context) {
        LocalDate[] period = nextPeriod(network, context.today());
        // A lapsed membership starts over; any other goes on, its period longer by a year.
        LocalDate start = status == LAPSED ? period[0] : periodStart;
        Membership extended = new Membership(id, organizationId, networkId, category, categoryVotes, status, start,
                period[1], appliedOn, memberSince, history, fees, null, null, graceKeepsServices, graceVotes);
        return extended.moveTo(statusByDates(network, period[1], context.today()), context.today(), null, context,
                network);
    }

    /**
     * The period the next fee pays for: the first one (from today) once approved, the one after the current period,
     * or a new one from today once lapsed.
     */
    private LocalDate[] nextPeriod(Network network, LocalDate today) {
        if (status == APPROVED || status == LAPSED) {
            return new LocalDate[] {today, network.periodEndFor(today)};
        }
        LocalDate start = periodEnd.plusDays(1);
        return new LocalDate[] {start, network.fiscalYearEndOnOrAfter(start)};
    }

    private Dues dues(Network network, LocalDate today, BigDecimal fee) {
        LocalDate[] period = nextPeriod(network, today);
        // Payments not yet applied: those toward a period ending after the current one (all of them before the first).
        BigDecimal paid = fees.stream().filter(f -> periodEnd == null || f.periodEnd().isAfter(periodEnd))
                .map(FeePayment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Dues(period[0], period[1], fee, paid, fee.subtract(paid).max(BigDecimal.ZERO));
    }

    private Membership moveTo(MembershipStatus target, LocalDate effective, Reason reason, Context context,
                              Network network) {
        List<Transition> steps = new ArrayList<>(history);
        steps.add(reason == null ? new Transition(status, target, effective, null, context.now(), context.by())
                : new Transition(status, target, effective, reason.text(), context.now(), context.by(), reason.code(),
                reason.args()));
        boolean votes = network == null ? categoryVotes
                : network.category(category).map(Category::votingRights).orElse(categoryVotes);
        return new Membership(id, organizationId, networkId, category, votes, target, periodStart, periodEnd,
                appliedOn, memberSince, steps, fees, null, nextCheck(target, periodEnd, network),
                network == null ? graceKeepsServices : network.graceKeepsServices(),
                network == null ? graceVotes : network.graceVotes());
    }

    private Membership withFees(List<FeePayment> paid) {
        return new Membership(id, organizationId, networkId, category, categoryVotes, status, periodStart, periodEnd,
                appliedOn, memberSince, history, paid, null, nextCheckEpochDay, graceKeepsServices, graceVotes);
    }

    /** First day a rule has something to do for this status, or none. */
    private static Long nextCheck(MembershipStatus status, LocalDate periodEnd, Network network) {
        if (!status.current() || periodEnd == null || network == null) {
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
