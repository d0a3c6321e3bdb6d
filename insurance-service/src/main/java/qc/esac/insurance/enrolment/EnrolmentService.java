package qc.esac.insurance.enrolment;

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
import qc.esac.insurance.membership.MembershipReadModels;
import qc.esac.insurance.membership.RosterEntry;
import qc.esac.insurance.participation.Participation;
import qc.esac.insurance.participation.ParticipationService;
import qc.esac.insurance.participation.ParticipationStatus;
import qc.esac.insurance.plan.CoverageCode;
import qc.esac.insurance.plan.CoverageTerms;
import qc.esac.insurance.plan.DependantKind;
import qc.esac.insurance.plan.EmployeeClass;
import qc.esac.insurance.plan.PlanService;
import qc.esac.insurance.plan.PlanYear;
import qc.esac.insurance.plan.Tier;
import qc.esac.insurance.privacy.PersonalDataCipher;
import qc.esac.kit.outbox.AggregateStore;
import qc.esac.kit.outbox.AggregateStores;
import qc.esac.kit.outbox.Versioned;
import qc.esac.kit.problem.BusinessRuleException;
import qc.esac.kit.problem.ConflictException;
import qc.esac.kit.problem.FieldViolation;
import qc.esac.kit.problem.InvalidInputException;
import qc.esac.kit.problem.NotFoundException;
import qc.esac.kit.web.VersionHeaders;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Employees' enrolments: eligibility by class, the 31-day rule, dependants and waivers, departures. */
@Service
public class EnrolmentService {

    private static final Logger log = LoggerFactory.getLogger(EnrolmentService.class);
    static final String COLLECTION = "enrolments";
    private static final int MAX_ATTEMPTS = 5;

    private final AggregateStore<Enrolment> enrolments;
    private final MembershipReadModels membership;
    private final ParticipationService participations;
    private final PlanService plans;
    private final PersonalDataCipher cipher;
    private final InsuranceCalendar calendar;

    EnrolmentService(AggregateStores stores, MongoTemplate mongo, MembershipReadModels membership,
                     ParticipationService participations, PlanService plans, PersonalDataCipher cipher,
                     InsuranceCalendar calendar) {
        this.enrolments = stores.forCollection(COLLECTION, Enrolment.class);
        this.membership = membership;
        this.participations = participations;
        this.plans = plans;
        this.cipher = cipher;
        this.calendar = calendar;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("state.organizationId", Sort.Direction.ASC)
                .on("state.status", Sort.Direction.ASC).named("organization_status"));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("state.userId", Sort.Direction.ASC).sparse().named("user"));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("state.status", Sort.Direction.ASC)
                .on("state.requestedOn", Sort.Direction.ASC).named("status_requested"));
    }

    /** What an administrator supplies to enrol an employee of the roster. */
    public record Enrol(String employeeId, String classCode, LocalDate birthDate, BigDecimal annualSalary,
                        List<PersonalData.Dependant> dependants, List<Enrolment.Waiver> waivers) {
    }

    public Versioned<Enrolment> enrol(String organizationId, Enrol command) {
        LocalDate today = calendar.today();
        RosterEntry employee = membership.employee(command.employeeId())
                .filter(e -> organizationId.equals(e.organizationId()))
                .orElseThrow(() -> new NotFoundException("adhesion.employe-inconnu", command.employeeId(), organizationId));
        Participation participation = participations.find(organizationId).map(Versioned::state)
                .orElseThrow(() -> new BusinessRuleException("adhesion.employeur-non-participant", organizationId));
        if (participation.status() != ParticipationStatus.ACTIVE && participation.status() != ParticipationStatus.REINSTATED) {
            throw new BusinessRuleException("adhesion.participation-non-en-vigueur", participation.status().name());
        }
        PlanYear plan = plans.requireInForceOn(today);
        EmployeeClass employeeClass = plan.employeeClass(command.classCode())
                .filter(c -> participation.classCodes().contains(c.code()))
                .orElseThrow(() -> InvalidInputException.of(FieldViolation.of("classCode", "participation.classe-inconnue",
                        command.classCode())));
        Set<CoverageCode> offered = EnumSet.noneOf(CoverageCode.class);
        offered.addAll(employeeClass.coverages());
        offered.retainAll(participation.coverages());
        checkPersonalData(command.birthDate(), command.annualSalary(), command.dependants(), today);
        Set<CoverageCode> covered = coveredAfterWaivers(plan, offered, command.waivers());

        Optional<Versioned<Enrolment>> existing = enrolments.find(command.employeeId());
        if (existing.isPresent() && existing.get().state().isOpen()) {
            throw new ConflictException("adhesion.deja-adhere", command.employeeId(), existing.get().state().status().name());
        }
        Eligibility eligibility = Eligibility.of(employeeClass, employee.weeklyHours(), employee.hireDate(),
                employee.endDate(), participation.activeSince(), today, plan.lateApplicationDays());
        PersonalData personal = new PersonalData(command.birthDate(), command.annualSalary(), command.dependants());
        Enrolment.Change change = Enrolment.create(command.employeeId(), organizationId, employee.userId(),
                employeeClass.code(), eligibility, today, Tier.of(personal.dependantKinds()), covered,
                command.waivers(), cipher.seal(personal),
                // A re-enrolment keeps the roster events already applied: an old departure redelivered stays a no-op.
                existing.map(e -> e.state().lastRosterSequence()).orElse(0L));
        try {
            if (existing.isPresent()) {
                return enrolments.update(command.employeeId(), existing.get().version(), change.enrolment(), change.events());
            }
            return enrolments.insert(command.employeeId(), change.enrolment(), change.events());
        } catch (DuplicateKeyException | OptimisticLockingFailureException e) {
            throw new ConflictException("adhesion.deja-adhere", command.employeeId(), "?");
        }
    }

    public Versioned<Enrolment> get(String employeeId) {
        return enrolments.find(employeeId).orElseThrow(() -> new NotFoundException("adhesion.introuvable", employeeId));
    }

    public Optional<Versioned<Enrolment>> find(String employeeId) {
        return enrolments.find(employeeId);
    }

    /**
     * The enrolments of a signed-in employee: through the roster (which links accounts, possibly after the
     * enrolment), or the account recorded at enrolment.
     */
    public List<Versioned<Enrolment>> ofUser(String userId) {
        Optional<Versioned<Enrolment>> viaRoster = membership.employeeOfUser(userId).flatMap(e -> enrolments.find(e.id()));
        if (viaRoster.isPresent()) {
            return List.of(viaRoster.get());
        }
        return enrolments.find(Query.query(Criteria.where("state.userId").is(userId)));
    }

    /** Whether {@code userId} is the insured person of {@code enrolment}. */
    public boolean isInsuredPerson(String userId, Enrolment enrolment) {
        return userId.equals(enrolment.userId())
                || membership.employee(enrolment.id()).map(e -> userId.equals(e.userId())).orElse(false);
    }

    public List<Versioned<Enrolment>> ofOrganization(String organizationId) {
        return enrolments.find(Query.query(Criteria.where("state.organizationId").is(organizationId)).with(Sort.by("_id")));
    }

    /** Enrolments in a status across employers (e.g. late applicants waiting for a decision), oldest request first. */
    public List<Versioned<Enrolment>> withStatus(EnrolmentStatus status, int page, int size) {
        return enrolments.find(Query.query(Criteria.where("state.status").is(status.name()))
                .with(Sort.by("state.requestedOn", "_id")).skip((long) page * size).limit(size));
    }

    public long countWithStatus(EnrolmentStatus status) {
        return enrolments.count(Query.query(Criteria.where("state.status").is(status.name())));
    }

    public PersonalData personalData(Enrolment enrolment) {
        return cipher.open(enrolment.sealedPersonalData(), PersonalData.class);
    }

    /** Dependants and waivers change from {@code effectiveDate}: the tier and coverages follow. */
    public Versioned<Enrolment> changeFamily(String employeeId, List<PersonalData.Dependant> dependants,
                                             List<Enrolment.Waiver> waivers, LocalDate effectiveDate, long expectedVersion) {
        Versioned<Enrolment> current = get(employeeId);
        if (current.version() != expectedVersion) {
            throw VersionHeaders.conflict(expectedVersion, current.version());
        }
        LocalDate today = calendar.today();
        Enrolment enrolment = current.state();
        PersonalData before = personalData(enrolment);
        checkPersonalData(before.birthDate(), before.annualSalary(), dependants, today);
        PlanYear plan = plans.requireInForceOn(effectiveDate.isAfter(today) ? effectiveDate : today);
        Participation participation = participations.get(enrolment.organizationId()).state();
        Set<CoverageCode> offered = EnumSet.noneOf(CoverageCode.class);
        plan.employeeClass(enrolment.classCode()).ifPresent(c -> offered.addAll(c.coverages()));
        offered.retainAll(participation.coverages());
        Set<CoverageCode> covered = coveredAfterWaivers(plan, offered, waivers);
        PersonalData after = new PersonalData(before.birthDate(), before.annualSalary(), dependants);
        Enrolment.Change change = enrolment.change(Tier.of(after.dependantKinds()), covered, waivers, cipher.seal(after),
                effectiveDate);
        try {
            return enrolments.update(employeeId, current.version(), change.enrolment(), change.events());
        } catch (OptimisticLockingFailureException e) {
            throw new ConflictException("version.concurrente");
        }
    }

    public Versioned<Enrolment> decideEvidence(String employeeId, boolean approved, String note, LocalDate effectiveDate,
                                               String decidedBy) {
        Versioned<Enrolment> current = get(employeeId);
        Enrolment.Change change = current.state().decideEvidence(approved, calendar.today(), decidedBy, note,
                effectiveDate == null ? calendar.today() : effectiveDate);
        try {
            return enrolments.update(employeeId, current.version(), change.enrolment(), change.events());
        } catch (OptimisticLockingFailureException e) {
            throw new ConflictException("version.concurrente");
        }
    }

    /** Roster event {@code sequence}: the employee left on {@code lastDay}; covered to the end of that month. */
    public void employeeLeft(String employeeId, LocalDate lastDay, long sequence) {
        retrying(employeeId, e -> e.employeeLeft(lastDay, sequence));
    }

    /**
     * Roster event {@code sequence} says the employee now works {@code weeklyHours}: below the class minimum, the
     * coverage ends at the end of the month.
     */
    public void weeklyHoursChanged(String employeeId, BigDecimal weeklyHours, long sequence) {
        Optional<Versioned<Enrolment>> current = enrolments.find(employeeId);
        if (current.isEmpty() || !current.get().state().isOpen()) {
            return;
        }
        LocalDate today = calendar.today();
        boolean eligible = plans.inForceOn(today).flatMap(p -> p.employeeClass(current.get().state().classCode()))
                .map(c -> c.worksEnoughHours(weeklyHours)).orElse(true);
        if (!eligible) {
            retrying(employeeId, e -> e.lostEligibility(today, sequence));
        }
    }

    /**
     * Ends, on the participation's last day, every enrolment still running of employers whose participation
     * ended. Safe to repeat: an enrolment already ended by then is left alone.
     */
    public int endEnrolmentsOfTerminatedEmployers() {
        int ended = 0;
        for (Versioned<Participation> p : participations.withStatus(ParticipationStatus.TERMINATED)) {
            LocalDate lastDay = p.state().terminatedOn();
            for (Versioned<Enrolment> e : ofOrganization(p.id())) {
                Enrolment state = e.state();
                boolean runsPast = state.isOpen() || (state.status() == EnrolmentStatus.TERMINATED
                        && state.coverageEndsOn() != null && state.coverageEndsOn().isAfter(lastDay));
                if (runsPast) {
                    retrying(e.id(), current -> current.end(lastDay, Enrolment.PARTICIPATION_TERMINATED));
                    ended++;
                }
            }
        }
        return ended;
    }

    private void retrying(String employeeId, Function<Enrolment, Enrolment.Change> transition) {
        for (int attempt = 1; ; attempt++) {
            Optional<Versioned<Enrolment>> current = enrolments.find(employeeId);
            if (current.isEmpty()) {
                return;
            }
            Enrolment.Change change = transition.apply(current.get().state());
            if (change.events().isEmpty() && change.enrolment().equals(current.get().state())) {
                return;
            }
            try {
                enrolments.update(employeeId, current.get().version(), change.enrolment(), change.events());
                return;
            } catch (OptimisticLockingFailureException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                log.debug("Enrolment {} changed concurrently, retrying", employeeId);
            }
        }
    }

    private static Set<CoverageCode> coveredAfterWaivers(PlanYear plan, Set<CoverageCode> offered,
                                                         List<Enrolment.Waiver> waivers) {
        List<FieldViolation> violations = new ArrayList<>();
        Set<CoverageCode> covered = EnumSet.noneOf(CoverageCode.class);
        covered.addAll(offered);
        List<Enrolment.Waiver> list = waivers == null ? List.of() : waivers;
        for (int i = 0; i < list.size(); i++) {
            Enrolment.Waiver waiver = list.get(i);
            boolean waivable = waiver.coverage() != null && offered.contains(waiver.coverage())
                    && plan.coverage(waiver.coverage()).map(CoverageTerms::waivable).orElse(false);
            if (!waivable) {
                violations.add(FieldViolation.of("waivers[" + i + "].coverage", "adhesion.renonciation-impossible",
                        String.valueOf(waiver.coverage())));
            } else if (waiver.reason() == null || waiver.reason().isBlank()) {
                violations.add(FieldViolation.of("waivers[" + i + "].reason", "adhesion.renonciation-motif"));
            } else {
                covered.remove(waiver.coverage());
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return covered;
    }

    /** Dates of birth in the past, one spouse at most, a salary: checked before anything is stored. */
    static void checkPersonalData(LocalDate birthDate, BigDecimal annualSalary, List<PersonalData.Dependant> dependants,
                                  LocalDate today) {
        List<FieldViolation> violations = new ArrayList<>();
        if (birthDate == null) {
            violations.add(FieldViolation.of("birthDate", "adhesion.champ-requis"));
        } else if (birthDate.isAfter(today.minusYears(14))) {
            violations.add(FieldViolation.of("birthDate", "adhesion.naissance-employe", birthDate.toString()));
        }
        if (annualSalary == null || annualSalary.signum() <= 0) {
            violations.add(FieldViolation.of("annualSalary", "adhesion.salaire-positif"));
        }
        int spouses = 0;
        List<PersonalData.Dependant> list = dependants == null ? List.of() : dependants;
        for (int i = 0; i < list.size(); i++) {
            PersonalData.Dependant d = list.get(i);
            String prefix = "dependants[" + i + "]";
            if (d.kind() == null) {
                violations.add(FieldViolation.of(prefix + ".kind", "adhesion.champ-requis"));
            } else if (d.kind() == DependantKind.SPOUSE && ++spouses > 1) {
                violations.add(FieldViolation.of(prefix + ".kind", "adhesion.un-seul-conjoint"));
            }
            if (d.firstName() == null || d.firstName().isBlank() || d.firstName().length() > 100) {
                violations.add(FieldViolation.of(prefix + ".firstName", "adhesion.champ-requis"));
            }
            if (d.birthDate() == null) {
                violations.add(FieldViolation.of(prefix + ".birthDate", "adhesion.champ-requis"));
            } else if (d.birthDate().isAfter(today)) {
                violations.add(FieldViolation.of(prefix + ".birthDate", "adhesion.naissance-future", d.birthDate().toString()));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }
}
