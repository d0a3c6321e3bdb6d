package qc.esac.insurance.enrolment;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import qc.esac.insurance.InsuranceCalendar;
import qc.esac.membershipfeed.MembershipFeed;
import qc.esac.membershipfeed.RosterEntry;
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
import qc.esac.kit.domain.Change;
import qc.esac.kit.outbox.Versioned;
import qc.esac.kit.problem.BusinessRuleException;
import qc.esac.kit.problem.ConflictException;
import qc.esac.kit.problem.FieldViolation;
import qc.esac.kit.problem.InvalidInputException;
import qc.esac.kit.problem.NotFoundException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/** Employees' enrolments: eligibility by class, the 31-day rule, dependants and waivers, departures. */
@Service
public class EnrolmentService {

    private final Enrolments enrolments;
    private final MembershipFeed membership;
    private final ParticipationService participations;
    private final PlanService plans;
    private final PersonalDataCipher cipher;
    private final InsuranceCalendar calendar;

    EnrolmentService(Enrolments enrolments, MembershipFeed membership, ParticipationService participations,
                     PlanService plans, PersonalDataCipher cipher, InsuranceCalendar calendar) {
        this.enrolments = enrolments;
        this.membership = membership;
        this.participations = participations;
        this.plans = plans;
        this.cipher = cipher;
        this.calendar = calendar;
    }

    /** What an administrator supplies to enrol an employee of the roster. */
    public record Enrol(String employeeId, String classCode, LocalDate birthDate, BigDecimal annualSalary,
                        List<PersonalData.Dependant> dependants, List<Enrolment.Waiver> waivers) {
    }

    public Versioned<Enrolment> enrol(String organizationId, Enrol command) {
        LocalDate today = calendar.today();
        RosterEntry employee = membership.roster().find(command.employeeId())
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
                employee.hoursAtLeastSince(employeeClass.minimumWeeklyHours()), employee.endDate(),
                participation.activeSince(), today, plan.lateApplicationDays());
        PersonalData personal = new PersonalData(command.birthDate(), command.annualSalary(), command.dependants(),
                List.of(new PersonalData.Salary(eligibility.eligibleOn(), command.annualSalary())));
        Change<Enrolment> change = Enrolment.create(command.employeeId(), organizationId, employee.userId(),
                employeeClass.code(), eligibility, today, Tier.of(personal.dependantKinds()), covered,
                command.waivers(), cipher.seal(personal),
                // A re-enrolment keeps the roster events already applied: an old departure redelivered stays a no-op.
                existing.map(e -> e.state().lastRosterSequence()).orElse(0L));
        try {
            if (existing.isPresent()) {
                return enrolments.replace(command.employeeId(), existing.get().version(), change);
            }
            return enrolments.insert(command.employeeId(), change);
        } catch (DuplicateKeyException | OptimisticLockingFailureException e) {
            throw new ConflictException("adhesion.deja-adhere", command.employeeId(), "?");
        }
    }

    public Versioned<Enrolment> get(String employeeId) {
        return enrolments.get(employeeId);
    }

    public Optional<Versioned<Enrolment>> find(String employeeId) {
        return enrolments.find(employeeId);
    }

    /**
     * The enrolments of a signed-in employee: through the roster (which links accounts, possibly after the
     * enrolment), or the account recorded at enrolment.
     */
    public List<Versioned<Enrolment>> ofUser(String userId) {
        Optional<Versioned<Enrolment>> viaRoster = membership.roster().ofUser(userId).flatMap(e -> enrolments.find(e.id()));
        if (viaRoster.isPresent()) {
            return List.of(viaRoster.get());
        }
        return enrolments.ofUser(userId);
    }

    /** Whether {@code userId} is the insured person of {@code enrolment}. */
    public boolean isInsuredPerson(String userId, Enrolment enrolment) {
        return userId.equals(enrolment.userId())
                || membership.roster().find(enrolment.id()).map(e -> userId.equals(e.userId())).orElse(false);
    }

    public List<Versioned<Enrolment>> ofOrganization(String organizationId) {
        return enrolments.ofOrganization(organizationId);
    }

    /** Enrolments in a status across employers (e.g. late applicants waiting for a decision), oldest request first. */
    public List<Versioned<Enrolment>> withStatus(EnrolmentStatus status, int page, int size) {
        return enrolments.withStatus(status, page, size);
    }

    public long countWithStatus(EnrolmentStatus status) {
        return enrolments.countWithStatus(status);
    }

    public PersonalData personalData(Enrolment enrolment) {
        return cipher.open(enrolment.sealedPersonalData(), PersonalData.class);
    }

    /**
     * Dependants and waivers change from {@code effectiveDate}: the tier and coverages follow.
     *
     * @param authorize sees the enrolment before its version is compared with {@code expectedVersion}
     */
    public Versioned<Enrolment> changeFamily(String employeeId, List<PersonalData.Dependant> dependants,
                                             List<Enrolment.Waiver> waivers, LocalDate effectiveDate, Long expectedVersion,
                                             Consumer<Enrolment> authorize) {
        return change(employeeId, expectedVersion, authorize, enrolment -> {
            LocalDate today = calendar.today();
            PersonalData before = personalData(enrolment);
            checkPersonalData(before.birthDate(), before.annualSalary(), dependants, today);
            PlanYear plan = plans.requireInForceOn(effectiveDate.isAfter(today) ? effectiveDate : today);
            Set<CoverageCode> offered = offered(plan, participations.get(enrolment.organizationId()).state(),
                    enrolment.classCode());
            Set<CoverageCode> covered = coveredAfterWaivers(plan, offered, waivers);
            PersonalData after = before.withFamily(dependants);
            return enrolment.change(Tier.of(after.dependantKinds()), covered, waivers, cipher.seal(after), effectiveDate);
        });
    }

    /**
     * The employee's salary and/or class changed from {@code effectiveDate}; coverages follow the new class, and
     * the salary-rated premiums the new salary, from that day.
     */
    public Versioned<Enrolment> changeEmployment(String employeeId, BigDecimal annualSalary, String classCode,
                                                 LocalDate effectiveDate, Long expectedVersion,
                                                 Consumer<Enrolment> authorize) {
        return change(employeeId, expectedVersion, authorize, enrolment -> {
            if (annualSalary != null && annualSalary.signum() <= 0) {
                throw InvalidInputException.of(FieldViolation.of("annualSalary", "adhesion.salaire-positif"));
            }
            PersonalData before = personalData(enrolment);
            String newClass = classCode == null ? enrolment.classCode() : classCode;
            boolean salaryChanged = annualSalary != null && annualSalary.compareTo(before.annualSalary()) != 0;
            if (!salaryChanged && newClass.equals(enrolment.classCode())) {
                return null;
            }
            LocalDate today = calendar.today();
            PlanYear plan = plans.requireInForceOn(effectiveDate.isAfter(today) ? effectiveDate : today);
            Participation participation = participations.get(enrolment.organizationId()).state();
            if (plan.employeeClass(newClass).filter(c -> participation.classCodes().contains(c.code())).isEmpty()) {
                throw InvalidInputException.of(FieldViolation.of("classCode", "participation.classe-inconnue", newClass));
            }
            Set<CoverageCode> offered = offered(plan, participation, newClass);
            // Waivers of coverages the new class does not offer have nothing left to waive.
            List<Enrolment.Waiver> waivers = enrolment.waivers().stream().filter(w -> offered.contains(w.coverage())).toList();
            Set<CoverageCode> covered = coveredAfterWaivers(plan, offered, waivers);
            LocalDate from = enrolment.effectiveDate() != null && effectiveDate.isBefore(enrolment.effectiveDate())
                    ? enrolment.effectiveDate() : effectiveDate;
            PersonalData after = salaryChanged
                    ? before.withSalary(annualSalary, from, enrolment.effectiveDate() == null ? enrolment.eligibleOn()
                            : enrolment.effectiveDate())
                    : before;
            return enrolment.changeEmployment(newClass, covered, waivers, cipher.seal(after), effectiveDate);
        });
    }

    /**
     * The insured person corrects their own personal information (their birth date, their dependants' first names
     * and birth dates). Who is covered, and so the tier, changes only through the employer.
     */
    public Versioned<Enrolment> correctPersonalData(String employeeId, LocalDate birthDate,
                                                    List<PersonalData.Dependant> dependants, Consumer<Enrolment> authorize) {
        return change(employeeId, null, authorize, enrolment -> {
            PersonalData before = personalData(enrolment);
            PersonalData after = birthDate == null ? before : before.withBirthDate(birthDate);
            if (dependants != null) {
                if (!before.dependantKinds().equals(dependants.stream().map(PersonalData.Dependant::kind).toList())) {
                    throw new BusinessRuleException("adhesion.correction-famille");
                }
                after = after.withFamily(dependants);
            }
            checkPersonalData(after.birthDate(), after.annualSalary(), after.dependants(), calendar.today());
            return after.equals(before) ? null : enrolment.correctPersonalData(cipher.seal(after));
        });
    }

    public Versioned<Enrolment> decideEvidence(String employeeId, boolean approved, String note, LocalDate effectiveDate,
                                               String decidedBy, Consumer<Enrolment> authorize) {
        return change(employeeId, null, authorize, enrolment -> enrolment.decideEvidence(approved, calendar.today(),
                decidedBy, note, effectiveDate == null ? calendar.today() : effectiveDate));
    }

    /** Roster event {@code sequence}: the employee left on {@code lastDay}; covered to the end of that month. */
    public void employeeLeft(String employeeId, LocalDate lastDay, long sequence) {
        internal(employeeId, e -> e.employeeLeft(lastDay, sequence));
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
            internal(employeeId, e -> e.lostEligibility(today, sequence));
        }
    }

    /**
     * Ends, on the participation's last day, every enrolment still running of employers whose participation
     * ended. Safe to repeat: an enrolment already ended by then is left alone.
     */
    public int endEnrolmentsOfTerminatedEmployers() {
        int ended = 0;
        for (Versioned<Participation> p : participations.withStatus(ParticipationStatus.TERMINATED)) {
            ended += endEnrolmentsOf(p.id(), p.state().terminatedOn());
        }
        return ended;
    }

    /** Ends on {@code lastDay} every enrolment of the employer still running after it; returns how many. */
    public int endEnrolmentsOf(String organizationId, LocalDate lastDay) {
        int ended = 0;
        for (Versioned<Enrolment> e : ofOrganization(organizationId)) {
            Enrolment state = e.state();
            boolean runsPast = state.isOpen() || (state.status() == EnrolmentStatus.TERMINATED
                    && state.coverageEndsOn() != null && state.coverageEndsOn().isAfter(lastDay));
            if (runsPast) {
                internal(e.id(), current -> current.end(lastDay, Enrolment.PARTICIPATION_TERMINATED));
                ended++;
            }
        }
        return ended;
    }

    /** A change the service makes itself (events, jobs): nobody to authorize, any current version. */
    private void internal(String employeeId, Function<Enrolment, Change<Enrolment>> transition) {
        if (enrolments.find(employeeId).isPresent()) {
            change(employeeId, null, e -> { }, transition);
        }
    }

    /**
     * Through the store's one way to change an aggregate: 404, then {@code authorize}, then If-Match, then the
     * rule ({@code transition} returns null or the same state without events when there is nothing to do).
     */
    private Versioned<Enrolment> change(String employeeId, Long expectedVersion, Consumer<Enrolment> authorize,
                                        Function<Enrolment, Change<Enrolment>> transition) {
        return enrolments.change(employeeId, expectedVersion, authorize, e -> {
            Change<Enrolment> change = transition.apply(e);
            return change == null || (change.events().isEmpty() && e.equals(change.state())) ? Change.unchanged()
                    : change;
        });
    }

    private static Set<CoverageCode> offered(PlanYear plan, Participation participation, String classCode) {
        Set<CoverageCode> offered = EnumSet.noneOf(CoverageCode.class);
        plan.employeeClass(classCode).ifPresent(c -> offered.addAll(c.coverages()));
        offered.retainAll(participation.coverages());
        return offered;
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
        // Waiving a coverage another one needs (basic dental under major dental) waives neither alone.
        for (CoverageCode incomplete : CoverageCode.withoutRequirements(covered)) {
            violations.add(FieldViolation.of("waivers", "garantie.requiert", incomplete.name(),
                    incomplete.requires().iterator().next().name()));
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
