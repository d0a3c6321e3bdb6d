package qc.esac.insurance.participation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import qc.esac.insurance.InsuranceCalendar;
import qc.esac.insurance.InsuranceProperties;
import qc.esac.insurance.membership.MembershipReadModels;
import qc.esac.insurance.plan.CoverageCode;
import qc.esac.insurance.plan.PlanService;
import qc.esac.insurance.plan.PlanYear;
import qc.esac.kit.outbox.AggregateStore;
import qc.esac.kit.outbox.AggregateStores;
import qc.esac.kit.outbox.Versioned;
import qc.esac.kit.problem.ConflictException;
import qc.esac.kit.problem.FieldViolation;
import qc.esac.kit.problem.InvalidInputException;
import qc.esac.kit.problem.NotFoundException;
import qc.esac.kit.web.VersionHeaders;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Employers joining, staying in and leaving the plan; standing changes from membership drive it without re-keying. */
@Service
public class ParticipationService {

    private static final Logger log = LoggerFactory.getLogger(ParticipationService.class);
    static final String COLLECTION = "participations";
    private static final int MAX_ATTEMPTS = 5;

    private final AggregateStore<Participation> participations;
    private final MembershipReadModels membership;
    private final PlanService plans;
    private final InsuranceCalendar calendar;
    private final String networkId;

    ParticipationService(AggregateStores stores, MongoTemplate mongo, MembershipReadModels membership, PlanService plans,
                         InsuranceCalendar calendar, InsuranceProperties properties) {
        this.participations = stores.forCollection(COLLECTION, Participation.class);
        this.membership = membership;
        this.plans = plans;
        this.calendar = calendar;
        this.networkId = properties.networkId();
        mongo.indexOps(COLLECTION).createIndex(new Index().on("state.status", Sort.Direction.ASC).named("status"));
    }

    public String networkId() {
        return networkId;
    }

    public Optional<Versioned<Participation>> find(String organizationId) {
        return participations.find(organizationId);
    }

    public Versioned<Participation> get(String organizationId) {
        return find(organizationId).orElseThrow(() -> new NotFoundException("participation.introuvable", organizationId));
    }

    /** The employer applies: it must be a member in good standing of the association's network. */
    public Versioned<Participation> apply(String organizationId, Set<CoverageCode> coverages, Set<String> classCodes,
                                          int employerSharePercent) {
        LocalDate today = calendar.today();
        checkChoices(plans.requireInForceOn(today), coverages, classCodes, employerSharePercent);
        boolean goodStanding = membership.isInGoodStanding(networkId, organizationId);
        Optional<Versioned<Participation>> existing = participations.find(organizationId);
        if (existing.isPresent()) {
            Participation.Change change = existing.get().state().reapply(goodStanding, coverages, classCodes,
                    employerSharePercent, today);
            return save(existing.get(), change);
        }
        Participation.Change change = Participation.apply(organizationId, networkId, goodStanding, coverages, classCodes,
                employerSharePercent, today);
        try {
            return participations.insert(organizationId, change.participation(), change.events());
        } catch (DuplicateKeyException e) {
            throw new ConflictException("participation.deja-participante", organizationId, ParticipationStatus.APPLIED.name());
        }
    }

    public Versioned<Participation> activate(String organizationId, LocalDate effectiveDate, long expectedVersion) {
        Versioned<Participation> current = requireVersion(organizationId, expectedVersion);
        boolean goodStanding = membership.isInGoodStanding(networkId, organizationId);
        return save(current, current.state().activate(effectiveDate, goodStanding));
    }

    public Versioned<Participation> withdraw(String organizationId, LocalDate lastDay, long expectedVersion) {
        Versioned<Participation> current = requireVersion(organizationId, expectedVersion);
        return save(current, current.state().withdraw(lastDay));
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
        retrying(organizationId, p -> p.standingChanged(membershipId, sequence, goodStanding, effectiveDate, graceDays));
    }

    /** Ends the participations whose grace is over on {@code today}; returns how many ended. */
    public int endExpiredGraces(LocalDate today) {
        int ended = 0;
        for (Versioned<Participation> p : withStatus(ParticipationStatus.IN_GRACE)) {
            if (retrying(p.id(), current -> current.endGraceIfOver(today)).map(Participation::status)
                    .filter(s -> s == ParticipationStatus.TERMINATED).isPresent()) {
                ended++;
            }
        }
        return ended;
    }

    public Versioned<Participation> recordRate(String organizationId, int planYear, LocalDate effectiveDate,
                                               Participation.YearRate rate) {
        return retrying(organizationId, p -> p.recordRate(planYear, effectiveDate, rate))
                .flatMap(p -> participations.find(organizationId)).orElseThrow();
    }

    public List<Versioned<Participation>> withStatus(ParticipationStatus... statuses) {
        List<String> names = new ArrayList<>();
        for (ParticipationStatus s : statuses) {
            names.add(s.name());
        }
        return participations.find(Query.query(Criteria.where("state.status").in(names)).with(Sort.by("_id")));
    }

    public List<Versioned<Participation>> page(int page, int size) {
        return participations.find(new Query().with(Sort.by("_id")).skip((long) page * size).limit(size));
    }

    public long count() {
        return participations.count(new Query());
    }

    private Optional<Participation> retrying(String organizationId, Function<Participation, Participation.Change> transition) {
        for (int attempt = 1; ; attempt++) {
            Optional<Versioned<Participation>> current = participations.find(organizationId);
            if (current.isEmpty()) {
                return Optional.empty();
            }
            Participation.Change change = transition.apply(current.get().state());
            if (change.participation().equals(current.get().state()) && !change.changed()) {
                return Optional.of(current.get().state());
            }
            try {
                return Optional.of(participations.update(organizationId, current.get().version(), change.participation(),
                        change.events()).state());
            } catch (OptimisticLockingFailureException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                log.debug("Participation {} changed concurrently, retrying", organizationId);
            }
        }
    }

    private Versioned<Participation> requireVersion(String organizationId, long expectedVersion) {
        Versioned<Participation> current = get(organizationId);
        if (current.version() != expectedVersion) {
            throw VersionHeaders.conflict(expectedVersion, current.version());
        }
        return current;
    }

    private Versioned<Participation> save(Versioned<Participation> current, Participation.Change change) {
        try {
            return participations.update(current.id(), current.version(), change.participation(), change.events());
        } catch (OptimisticLockingFailureException e) {
            throw new ConflictException("version.concurrente");
        }
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
        if (!plan.employerShareOptions().contains(share)) {
            violations.add(FieldViolation.of("employerSharePercent", "participation.partage-non-offert",
                    plan.employerShareOptions().toString()));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }

}
