package qc.esac.membership.roster;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import qc.esac.kit.outbox.AggregateStore;
import qc.esac.kit.outbox.AggregateStores;
import qc.esac.kit.outbox.Versioned;
import qc.esac.kit.problem.BusinessRuleException;
import qc.esac.kit.problem.ConflictException;
import qc.esac.kit.problem.FieldViolation;
import qc.esac.kit.problem.ForbiddenException;
import qc.esac.kit.problem.InvalidInputException;
import qc.esac.kit.problem.NotFoundException;
import qc.esac.kit.security.EsacUser;
import qc.esac.kit.web.PageView;
import qc.esac.kit.web.VersionHeaders;
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

    static final String COLLECTION = "employees";
    /** Who read personal details of whom (Quebec's Law 25): a dedicated logger operators can route and keep. */
    private static final Logger ACCESS = LoggerFactory.getLogger("esac.privacy.access");

    private final AggregateStore<Employee> employees;
    private final OrganizationService organizations;
    private final Clock clock;

    RosterService(AggregateStores stores, MongoTemplate mongo, OrganizationService organizations, Clock clock) {
        this.employees = stores.forCollection(COLLECTION, Employee.class);
        this.organizations = organizations;
        this.clock = clock;
        var indexes = mongo.indexOps(COLLECTION);
        indexes.createIndex(new Index().on("state.identityKey", Sort.Direction.ASC).unique().named("identity"));
        indexes.createIndex(new Index().on("state.organizationId", Sort.Direction.ASC)
                .on("state.details.lastName", Sort.Direction.ASC).named("organization"));
        indexes.createIndex(new Index().on("state.userId", Sort.Direction.ASC).sparse().named("user"));
    }

    public Versioned<Employee> add(String organizationId, Employee.Details details, String userId, EsacUser user) {
        user.requireOrganization(organizationId);
        requireOpen(organizationId);
        validate(details);
        Employee employee = new Employee(UUID.randomUUID().toString(), organizationId, details, blank(userId), null,
                null, null);
        try {
            return employees.insert(employee.id(), employee, List.of(RosterEvents.added(employee)));
        } catch (DuplicateKeyException e) {
            throw new ConflictException("employe.existant");
        }
    }

    public Versioned<Employee> update(String organizationId, String id, long version, Employee.Details details,
                                      String userId, EsacUser user) {
        user.requireOrganization(organizationId);
        Versioned<Employee> current = current(organizationId, id, version);
        validate(details);
        Employee changed = current.state().withDetails(details).withUserId(blank(userId));
        List<String> changes = RosterEvents.changes(current.state(), changed);
        if (changes.isEmpty()) {
            return current;
        }
        try {
            return employees.update(id, version, changed, List.of(RosterEvents.updated(changed, changes)));
        } catch (DuplicateKeyException e) {
            throw new ConflictException("employe.existant");
        }
    }

    public Versioned<Employee> depart(String organizationId, String id, long version, LocalDate endDate,
                                      String reason, EsacUser user) {
        user.requireOrganization(organizationId);
        Versioned<Employee> current = current(organizationId, id, version);
        if (endDate.isBefore(current.state().details().hireDate()) || endDate.isAfter(today().plusYears(1))) {
            throw InvalidInputException.of(FieldViolation.of("endDate", "esac.validation.date-fin-emploi",
                    current.state().details().hireDate().toString()));
        }
        Employee departed = current.state().depart(endDate, blank(reason));
        return employees.update(id, version, departed, List.of(RosterEvents.left(departed)));
    }

    /** An entry: for the organization's administrators and staff, and for the employee it describes. */
    public Versioned<Employee> get(String organizationId, String id, EsacUser user) {
        Versioned<Employee> employee = employees.find(id)
                .filter(e -> e.state().organizationId().equals(organizationId))
                .orElseThrow(() -> new NotFoundException("employe.introuvable", id));
        boolean self = user.isEmployee() && user.id().equals(employee.state().userId());
        if (!self) {
            user.requireOrganization(organizationId);
        }
        ACCESS.info("roster entry read: user={} organization={} employee={}", user.id(), organizationId, id);
        return employee;
    }

    /** The signed-in employee's own entries (one per organization they work for). */
    public List<Versioned<Employee>> mine(EsacUser user) {
        if (!user.isEmployee()) {
            throw new ForbiddenException("acces.refuse");
        }
        List<Versioned<Employee>> own = employees.find(new Query(Criteria.where("state.userId").is(user.id())));
        ACCESS.info("own roster entries read: user={} employees={}", user.id(), own.stream().map(Versioned::id).toList());
        return own;
    }

    public PageView<Versioned<Employee>> list(String organizationId, boolean includeFormer, int page, int size,
                                              EsacUser user) {
        user.requireOrganization(organizationId);
        Criteria criteria = Criteria.where("state.organizationId").is(organizationId);
        if (!includeFormer) {
            criteria.and("state.endDate").is(null);
        }
        Query query = new Query(criteria);
        long total = employees.count(query);
        query.with(Sort.by("state.details.lastName", "state.details.firstName", "_id"))
                .skip((long) page * size).limit(size);
        List<Versioned<Employee>> found = employees.find(query);
        ACCESS.info("roster read: user={} organization={} employees={}", user.id(), organizationId,
                found.stream().map(Versioned::id).toList());
        return new PageView<>(found, page, size, total, (int) ((total + size - 1) / size));
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
        return employees.find(new Query(Criteria.where("state.identityKey")
                        .is(Employee.identityKey(organizationId, details))))
                .stream().findFirst().map(Versioned::id);
    }

    private Versioned<Employee> current(String organizationId, String id, long version) {
        Versioned<Employee> current = employees.find(id)
                .filter(e -> e.state().organizationId().equals(organizationId))
                .orElseThrow(() -> new NotFoundException("employe.introuvable", id));
        if (current.version() != version) {
            throw VersionHeaders.conflict(version, current.version());
        }
        if (current.state().departed()) {
            throw new BusinessRuleException("employe.parti", id, current.state().endDate().toString());
        }
        return current;
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
