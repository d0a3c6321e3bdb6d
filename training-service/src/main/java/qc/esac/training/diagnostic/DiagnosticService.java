package qc.esac.training.diagnostic;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import qc.esac.events.EventData;
import qc.esac.kit.outbox.AggregateStore;
import qc.esac.kit.outbox.AggregateStores;
import qc.esac.kit.outbox.Versioned;
import qc.esac.kit.problem.ConflictException;
import qc.esac.kit.problem.ForbiddenException;
import qc.esac.kit.problem.NotFoundException;
import qc.esac.kit.security.EsacUser;
import qc.esac.training.TrainingClock;
import qc.esac.training.catalogue.Course;
import qc.esac.training.catalogue.CourseService;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** Training-needs diagnostics of organizations, consolidated into priorities matched with the catalogue. */
@Service
public class DiagnosticService {

    static final String COLLECTION = "diagnostics";
    private static final int ATTEMPTS = 5;

    private final AggregateStore<Diagnostic> diagnostics;
    private final CourseService courses;
    private final TrainingClock clock;

    DiagnosticService(AggregateStores stores, MongoTemplate mongo, CourseService courses, TrainingClock clock) {
        this.diagnostics = stores.forCollection(COLLECTION, Diagnostic.class);
        this.courses = courses;
        this.clock = clock;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("state.organizationId", Sort.Direction.ASC)
                .named("organization"));
    }

    public Versioned<Diagnostic> open(EsacUser user, String organizationId, String networkId, List<String> themes) {
        requireManage(user, organizationId, networkId);
        String id = UUID.randomUUID().toString();
        return diagnostics.insert(id, Diagnostic.open(id, organizationId, networkId, themes, clock.today()), List.of());
    }

    /**
     * An employee of the organization answers as an employee, its administrator as the manager. Nobody else
     * answers, staff included: the diagnostic is the organization's own voice.
     */
    public Versioned<Diagnostic> answer(EsacUser user, String id, Map<String, Integer> ratings) {
        return change(id, d -> {
            Diagnostic.Role role;
            if (user.isOrgAdmin() && user.organizationIds().contains(d.organizationId())) {
                role = Diagnostic.Role.MANAGER;
            } else if (user.isEmployee() && user.organizationIds().contains(d.organizationId())) {
                role = Diagnostic.Role.EMPLOYEE;
            } else {
                throw new ForbiddenException("diagnostic.repondant-hors-organisation", d.organizationId());
            }
            return new DiagnosticStep(d.answer(user.id(), role, ratings, clock.today()), null);
        });
    }

    public Versioned<Diagnostic> complete(EsacUser user, String id) {
        return change(id, d -> {
            requireManage(user, d.organizationId(), d.networkId());
            Diagnostic.DiagnosticChange change = d.complete(clock.today());
            return new DiagnosticStep(change.diagnostic(), change.event());
        });
    }

    public Versioned<Diagnostic> get(EsacUser user, String id) {
        Versioned<Diagnostic> diagnostic = find(id);
        Diagnostic d = diagnostic.state();
        boolean respondent = user.isEmployee() && user.organizationIds().contains(d.organizationId());
        if (!respondent) {
            requireManage(user, d.organizationId(), d.networkId());
        }
        return diagnostic;
    }

    public List<Diagnostic> ofOrganization(EsacUser user, String organizationId) {
        if (!(user.isOrgAdmin() && user.organizationIds().contains(organizationId)) && !user.isStaff()) {
            throw new ForbiddenException("acces.organisation-refusee", organizationId);
        }
        return diagnostics.find(Query.query(Criteria.where("state.organizationId").is(organizationId))
                        .with(Sort.by(Sort.Direction.DESC, "state.openedOn"))).stream().map(Versioned::state)
                .filter(d -> !user.isStaff() || user.isStaffOf(d.networkId()) || user.organizationIds()
                        .contains(organizationId))
                .toList();
    }

    /** Active catalogue courses covering a theme. */
    public List<Course> coursesFor(List<String> themes) {
        return courses.coveringThemes(themes);
    }

    private Versioned<Diagnostic> find(String id) {
        return diagnostics.find(id).orElseThrow(() -> new NotFoundException("diagnostic.introuvable", id));
    }

    private Versioned<Diagnostic> change(String id, Function<Diagnostic, DiagnosticStep> command) {
        for (int attempt = 1; ; attempt++) {
            Versioned<Diagnostic> current = find(id);
            DiagnosticStep step = command.apply(current.state());
            try {
                List<EventData> events = step.event() == null ? List.of() : List.of(step.event());
                return diagnostics.update(id, current.version(), step.diagnostic(), events);
            } catch (OptimisticLockingFailureException concurrent) {
                if (attempt == ATTEMPTS) {
                    throw new ConflictException("version.concurrente");
                }
            }
        }
    }

    /** The organization's administrator, or staff of the network accompanying it. */
    private static void requireManage(EsacUser user, String organizationId, String networkId) {
        if (!user.isStaffOf(networkId) && !(user.isOrgAdmin() && user.organizationIds().contains(organizationId))) {
            throw new ForbiddenException("acces.organisation-refusee", organizationId);
        }
    }

    private record DiagnosticStep(Diagnostic diagnostic, EventData event) {
    }
}
