package qc.esac.membership.roster;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import qc.esac.kit.domain.Change;
import qc.esac.kit.outbox.Versioned;
import qc.esac.kit.problem.BusinessRuleException;
import qc.esac.kit.problem.ConflictException;
import qc.esac.kit.problem.FieldViolation;
import qc.esac.kit.problem.ForbiddenException;
import qc.esac.kit.problem.InvalidInputException;
import qc.esac.kit.problem.NotFoundException;
import qc.esac.kit.security.EsacUser;
import qc.esac.kit.web.PageView;
import qc.esac.membership.QuebecCalendar;
import qc.esac.membership.organization.Organization;
import qc.esac.membership.organization.OrganizationService;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Staff rosters: an organization's administrators (and network staff) keep them; employees read their own
 * entry. Each entry is its own aggregate, so its events come out in order per employee.
 */
@Service
public class RosterService {

    private final Employees employees;
    private final OrganizationService organizations;
    private final RosterReads reads;
    private final Clock clock;

    RosterService(Employees employees, OrganizationService organizations, RosterReads reads, Clock clock) {
        this.employees = employees;
        this.organizations = organizations;
        this.reads = reads;
        this.clock = clock;
    }

    public Versioned<Employee> add(String organizationId, Employee.Details details, String userId, EsacUser user) {
        user.requireOrganization(organizationId);
        requireOpen(organizationId);
        validate(details);
        try {
            return employees.insert(Employee.add(UUID.randomUUID().toString(), organizationId, details, blank(userId)));
        } catch (DuplicateKeyException e) {
            throw new ConflictException("employe.existant");
        }
    }

    public Versioned<Employee> update(String organizationId, String id, long version, Employee.Details details,
                                      String userId, EsacUser user) {
        user.requireOrganization(organizationId);
        validate(details);
        try {
            return employees.change(id, version, e -> requireKeeper(organizationId, e, user),
                    e -> e.change(details, blank(userId)));
        } catch (DuplicateKeyException e) {
            throw new ConflictException("employe.existant");
        }
    }

    public Versioned<Employee> depart(String organizationId, String id, long version, LocalDate endDate,
                                      String reason, EsacUser user) {
        user.requireOrganization(organizationId);
        return employees.change(id, version, e -> requireKeeper(organizationId, e, user),
                e -> e.leave(endDate, blank(reason), today()));
    }

    /**
     * An entry: for the organization's administrators and staff, and for the employee it describes. Who may not
     * read the organization's roster learns nothing, not even whether the entry exists.
     */
    public Versioned<Employee> get(String organizationId, String id, EsacUser user) {
        Optional<Versioned<Employee>> found = employees.find(id)
                .filter(e -> e.state().organizationId().equals(organizationId));
        if (!user.canActForOrganization(organizationId)) {
            if (found.isEmpty() || !isThePerson(found.get().state(), user)) {
                throw new ForbiddenException("acces.organisation-refusee", organizationId);
            }
            return found.get();
        }
        Versioned<Employee> employee = found.orElseThrow(() -> new NotFoundException("employe.introuvable", id));
        reads.record(user.id(), organizationId, List.of(employee.state()));
        return employee;
    }

    /** The signed-in employee's own entries (one per organization of their token they work for). */
    public List<Versioned<Employee>> mine(EsacUser user) {
        if (!user.isEmployee()) {
            throw new ForbiddenException("acces.refuse");
        }
        return employees.ofUser(user.id()).stream()
                .filter(e -> isThePerson(e.state(), user)).toList();
    }

    /** Everything the roster holds about the signed-in employee, and who read it (Law 25: access, portability). */
    public Export export(EsacUser user) {
        List<Versioned<Employee>> own = mine(user);
        return new Export(user.id(), clock.instant(), own, reads.of(own.stream().map(Versioned::id).toList()));
    }

    /**
     * The employee corrects their own names and work email (what describes them); the employer keeps the rest.
     */
    public Versioned<Employee> correct(String id, long version, String firstName, String lastName, String workEmail,
                                       EsacUser user) {
        try {
            return employees.change(id, version, e -> {
                if (!isThePerson(e, user)) {
                    throw new ForbiddenException("acces.refuse");
                }
            }, e -> {
                e.requireCurrent();
                Employee.Details d = e.details();
                Employee.Details corrected = new Employee.Details(firstName, lastName, workEmail, d.jobTitle(),
                        d.employmentStatus(), d.weeklyHours(), d.hireDate());
                validate(corrected);
                return e.change(corrected, e.userId());
            });
        } catch (DuplicateKeyException e) {
            throw new ConflictException("employe.existant");
        }
    }

    /**
     * Links the entry to the platform account of the employee it describes: the access feature does it when the
     * employee accepts the invitation their employer sent (the grant is the authority, so no user check here).
     */
    public Versioned<Employee> linkAccount(String employeeId, String userId) {
        return employees.change(employeeId, null, e -> { }, e -> e.linkedTo(userId));
    }

    /** Ends the link when the employee's grant is revoked, unless the entry now names another account. */
    public Versioned<Employee> unlinkAccount(String employeeId, String userId) {
        return employees.change(employeeId, null, e -> { },
                e -> userId.equals(e.userId()) ? e.linkedTo(null) : Change.unchanged());
    }

    /** What {@link #export} returns. */
    public record Export(String person, java.time.Instant exportedAt, List<Versioned<Employee>> entries,
                         List<RosterReads.Read> reads) {
    }

    public PageView<Versioned<Employee>> list(String organizationId, boolean includeFormer, int page, int size,
                                              EsacUser user) {
        user.requireOrganization(organizationId);
        PageView<Versioned<Employee>> found = employees.ofOrganization(organizationId, includeFormer, page, size);
        reads.record(user.id(), organizationId, found.items().stream().map(Versioned::state).toList());
        return found;
    }

    /**
     * Imports roster lines: every line is checked first (fields, duplicates in the file, people already on the
     * roster by work email); then, unless {@code allOrNothing} found a rejected line, each valid line is added in
     * its own write. Each line's outcome is in the report; a re-run skips the people already added.
     */
    public ImportReport importLines(String organizationId, List<RosterCsv.Line> lines, boolean allOrNothing,
                                    boolean dryRun, EsacUser user) {
        user.requireOrganization(organizationId);
        requireOpen(organizationId);
        LocalDate today = today();
        Set<String> emailsInFile = new HashSet<>();
        List<ImportReport.LineResult> checked = new ArrayList<>();
        for (RosterCsv.Line line : lines) {
            List<FieldViolation> problems = new ArrayList<>(line.problems());
            // A value already reported as unreadable is not reported again as missing.
            line.details().violations(today).stream()
                    .filter(v -> line.problems().stream().noneMatch(p -> p.field().equals(v.field())))
                    .forEach(problems::add);
            String email = line.details().workEmail();
            if (email != null && !emailsInFile.add(email)) {
                problems.add(FieldViolation.of("workEmail", "esac.validation.courriel-en-double-fichier", email));
            }
            if (!problems.isEmpty()) {
                checked.add(ImportReport.LineResult.rejected(line.number(), problems));
            } else if (alreadyOnRoster(organizationId, line.details()).isPresent()) {
                checked.add(new ImportReport.LineResult(line.number(), ImportReport.Outcome.ALREADY_PRESENT,
                        alreadyOnRoster(organizationId, line.details()).get(), List.of()));
            } else {
                checked.add(new ImportReport.LineResult(line.number(), ImportReport.Outcome.VALID, null, List.of()));
            }
        }
        boolean blocked = allOrNothing && checked.stream().anyMatch(r -> r.outcome() == ImportReport.Outcome.REJECTED);
        if (dryRun || blocked) {
            return ImportReport.of(dryRun, blocked, checked);
        }
        List<ImportReport.LineResult> done = new ArrayList<>();
        for (int i = 0; i < checked.size(); i++) {
            ImportReport.LineResult result = checked.get(i);
            if (result.outcome() != ImportReport.Outcome.VALID) {
                done.add(result);
                continue;
            }
            try {
                Versioned<Employee> added = add(organizationId, lines.get(i).details(), null, user);
                done.add(new ImportReport.LineResult(result.line(), ImportReport.Outcome.IMPORTED, added.id(),
                        List.of()));
            } catch (ConflictException e) {
                done.add(new ImportReport.LineResult(result.line(), ImportReport.Outcome.ALREADY_PRESENT, null,
                        List.of()));
            } catch (RuntimeException e) {
                // Reported, never swallowed: the line is not on the roster and a re-run will add it.
                done.add(ImportReport.LineResult.failed(result.line()));
            }
        }
        return ImportReport.of(false, false, done);
    }

    private Optional<String> alreadyOnRoster(String organizationId, Employee.Details details) {
        return employees.withIdentity(Employee.identityKey(organizationId, details)).map(Versioned::id);
    }

    /** The entry belongs to the organization named in the path, which the user may keep. */
    private static void requireKeeper(String organizationId, Employee employee, EsacUser user) {
        user.requireOrganization(organizationId);
        if (!employee.organizationId().equals(organizationId)) {
            throw new NotFoundException("employe.introuvable", employee.id());
        }
    }

    /** The employee the entry describes: their account, in an organization of their token. */
    private static boolean isThePerson(Employee employee, EsacUser user) {
        return user.isEmployee() && user.id().equals(employee.userId())
                && user.organizationIds().contains(employee.organizationId());
    }

    private void requireOpen(String organizationId) {
        Organization organization = organizations.get(organizationId).state();
        if (organization.closed()) {
            throw new BusinessRuleException("organisation.fermee", organizationId);
        }
    }

    private void validate(Employee.Details details) {
        List<FieldViolation> problems = details.violations(today());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private LocalDate today() {
        return QuebecCalendar.today(clock);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
