package qc.esac.insurance.participation;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import qc.esac.insurance.InsuranceCalendar;
import qc.esac.insurance.InsuranceProperties;
import qc.esac.membershipfeed.MembershipStandings;
import qc.esac.insurance.plan.CoverageCode;
import qc.esac.insurance.plan.PlanService;
import qc.esac.insurance.plan.PlanYear;
import qc.esac.kit.domain.Change;
import qc.esac.kit.outbox.Versioned;
import qc.esac.kit.problem.ConflictException;
import qc.esac.kit.problem.FieldViolation;
import qc.esac.kit.problem.InvalidInputException;
import qc.esac.kit.security.EsacUser;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/** Employers joining, staying in and leaving the plan; standing changes from membership drive it without re-keying. */
@Service
public class ParticipationService {

    private final Participations participations;
    private final MembershipStandings membership;
    private final PlanService plans;
    private final InsuranceCalendar calendar;
    private final String networkId;

    ParticipationService(Participations participations, MembershipStandings membership, PlanService plans,
                         InsuranceCalendar calendar, InsuranceProperties properties) {
        this.participations = participations;
        this.membership = membership;
        this.plans = plans;
        this.calendar = calendar;
        this.networkId = properties.networkId();
    }

    public String networkId() {
        return networkId;
    }

    public Optional<Versioned<Participation>> find(String organizationId) {
        return participations.find(organizationId);
    }

    public Versioned<Participation> get(String organizationId) {
        return participations.get(organizationId);
    }

    /**
     * The employer applies: it must be a member in good standing of the association's network. The caller was
     * authorized for the organization before anything about it is read.
     */
    public Versioned<Participation> apply(String organizationId, Set<CoverageCode> coverages, Set<String> classCodes,
                                          int employerSharePercent) {
        LocalDate today = calendar.today();
        checkChoices(plans.requireInForceOn(today), coverages, classCodes, employerSharePercent);
        boolean goodStanding = membership.isInGoodStanding(organizationId, networkId, today);
        if (participations.find(organizationId).isPresent()) {
            return change(organizationId, null, p -> { },
                    p -> p.reapply(goodStanding, coverages, classCodes, employerSharePercent, today));
        }
        Change<Participation> change = Participation.apply(organizationId, networkId, goodStanding, coverages, classCodes,
                employerSharePercent, today);
        try {
            return participations.insert(organizationId, change);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("participation.deja-participante", organizationId, ParticipationStatus.APPLIED.name());
        }
    }

    /** Staff of the participation's network put it in force; {@code expectedVersion} is the client's If-Match. */
    public Versioned<Participation> activate(String organizationId, LocalDate effectiveDate, Long expectedVersion,
                                             EsacUser user) {
        boolean goodStanding = membership.isInGoodStanding(organizationId, networkId, calendar.today());
        return change(organizationId, expectedVersion, p -> user.requireStaffOf(p.networkId()),
                p -> p.activate(effectiveDate, goodStanding));
    }

    public Versioned<Participation> withdraw(String organizationId, LocalDate lastDay, Long expectedVersion, EsacUser user) {
        return change(organizationId, expectedVersion, p -> user.requireStaffOf(p.networkId()), p -> p.withdraw(lastDay));
    }

    /**
     * Applies a membership standing change to the employer's participation, if it has one. Idempotent: the
     * participation remembers the last membership event it applied.
     */
    public void standingChanged(String organizationId, String standingNetworkId, String membershipId, long sequence,
                                boolean goodStanding, LocalDate effectiveDate) {
        if (!networkId.equals(standingNetworkId)) {
            return;
        }
        int graceDays = plans.inForceOn(effectiveDate).or(() -> plans.inForceOn(calendar.today()))
                .map(PlanYear::graceDays).orElse(60);
        internal(organizationId, p -> p.standingChanged(membershipId, sequence, goodStanding, effectiveDate, graceDays));
    }

    /**
     * The organization closed on {@code closedOn}: its participation, if any, ends that day.
     *
     * @return the participation after the change, when there is one
     */
    public Optional<Participation> organizationClosed(String organizationId, LocalDate closedOn) {
        return internal(organizationId, p -> p.organizationClosed(closedOn));
    }

    /** Ends the participations whose grace is over on {@code today}; returns how many ended. */
    public int endExpiredGraces(LocalDate today) {
        int ended = 0;
        for (Versioned<Participation> p : withStatus(ParticipationStatus.IN_GRACE)) {
            if (internal(p.id(), current -> current.endGraceIfOver(today)).map(Participation::status)
                    .filter(s -> s == ParticipationStatus.TERMINATED).isPresent()) {
                ended++;
            }
        }
        return ended;
    }

    public Versioned<Participation> recordRate(String organizationId, int planYear, LocalDate effectiveDate,
                                               Participation.YearRate rate) {
        return change(organizationId, null, p -> { }, p -> p.recordRate(planYear, effectiveDate, rate));
    }

    public List<Versioned<Participation>> withStatus(ParticipationStatus... statuses) {
        return participations.withStatus(List.of(statuses));
    }

    public List<Versioned<Participation>> page(int page, int size) {
        return participations.page(page, size);
    }

    public long count() {
        return participations.count();
    }

    /** A change the service makes itself (events, jobs): nobody to authorize, any current version. */
    private Optional<Participation> internal(String organizationId, Function<Participation, Change<Participation>> transition) {
        if (participations.find(organizationId).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(change(organizationId, null, p -> { }, transition).state());
    }

    /** Through the store's one way to change an aggregate: 404, then {@code authorize}, then If-Match, then the rule. */
    private Versioned<Participation> change(String organizationId, Long expectedVersion, Consumer<Participation> authorize,
                                            Function<Participation, Change<Participation>> transition) {
        return participations.change(organizationId, expectedVersion, authorize, p -> {
            Change<Participation> change = transition.apply(p);
            return change.events().isEmpty() && p.equals(change.state()) ? Change.unchanged() : change;
        });
    }

    private static void checkChoices(PlanYear plan, Set<CoverageCode> coverages, Set<String> classCodes, int share) {
        List<FieldViolation> violations = new ArrayList<>();
        if (coverages == null || coverages.isEmpty()) {
            violations.add(FieldViolation.of("coverages", "participation.garanties-requises"));
        } else {
            coverages.stream().filter(c -> plan.coverage(c).isEmpty())
                    .forEach(c -> violations.add(FieldViolation.of("coverages", "regime.garantie-non-offerte", c.name())));
        }
        if (classCodes == null || classCodes.isEmpty()) {
            violations.add(FieldViolation.of("classCodes", "participation.classes-requises"));
        } else {
            classCodes.stream().filter(c -> plan.employeeClass(c).isEmpty())
                    .forEach(c -> violations.add(FieldViolation.of("classCodes", "participation.classe-inconnue", c)));
        }
        if (coverages != null) {
            violations.addAll(CoverageCode.requirementViolations("coverages", coverages));
        }
        if (!plan.employerShareOptions().contains(share)) {
            violations.add(FieldViolation.of("employerSharePercent", "participation.partage-non-offert",
                    plan.employerShareOptions().toString()));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }

}
