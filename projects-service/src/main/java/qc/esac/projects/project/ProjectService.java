package qc.esac.projects.project;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import qc.esac.events.EventData;
import qc.esac.events.projects.PartnerJoined;
import qc.esac.events.projects.PartnerLeft;
import qc.esac.events.projects.ProjectActivated;
import qc.esac.events.projects.ProjectCompleted;
import qc.esac.events.projects.ProjectCreated;
import qc.esac.events.projects.StepCompleted;
import qc.esac.kit.outbox.AggregateStore;
import qc.esac.kit.outbox.AggregateStores;
import qc.esac.kit.outbox.Versioned;
import qc.esac.kit.problem.ForbiddenException;
import qc.esac.kit.problem.NotFoundException;
import qc.esac.kit.security.EsacUser;
import qc.esac.kit.web.PageView;
import qc.esac.kit.web.VersionHeaders;
import qc.esac.projects.organization.KnownOrganizations;
import qc.esac.projects.vocabulary.PartnerRole;
import qc.esac.projects.vocabulary.TargetedIssue;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Projects' commands and queries: authorization, known organizations, and state with its events in one write. */
@Service
public class ProjectService {

    static final String COLLECTION = "projects";
    private static final int ATTEMPTS = 5;

    private final AggregateStore<Project> projects;
    private final KnownOrganizations organizations;
    private final Clock clock;

    ProjectService(AggregateStores stores, MongoTemplate mongo, KnownOrganizations organizations, Clock clock) {
        this.projects = stores.forCollection(COLLECTION, Project.class);
        this.organizations = organizations;
        this.clock = clock;
        var indexes = mongo.indexOps(COLLECTION);
        for (String field : List.of("status", "targetedIssues", "leadOrganizationId", "regionCodes",
                "partners.organizationId", "name")) {
            indexes.createIndex(new Index().on("state." + field, Sort.Direction.ASC).named(field));
        }
    }

    // --- queries ---------------------------------------------------------------------------------------

    public Versioned<Project> get(String id) {
        return projects.find(id).orElseThrow(() -> new NotFoundException("projet.introuvable", id));
    }

    public Versioned<Project> getReadable(EsacUser user, String id) {
        Versioned<Project> project = get(id);
        ProjectAccess.requireRead(user, project.state());
        return project;
    }

    /** A public project: an active one; anything else is unknown to the public. */
    public Project getPublic(String id) {
        return projects.find(id).map(Versioned::state).filter(p -> p.status().isPublic())
                .orElseThrow(() -> new NotFoundException("projet.introuvable", id));
    }

    /** Projects this user may read, filtered. Staff see all; administrators the projects of their organizations. */
    public PageView<Versioned<Project>> search(EsacUser user, ProjectFilter filter, int page, int size) {
        List<Criteria> criteria = criteria(filter);
        if (!user.isStaff()) {
            criteria.add(Criteria.where("state.partners.organizationId").in(
                    user.isOrgAdmin() ? user.organizationIds() : List.of()));
        }
        return page(criteria, page, size);
    }

    /** Public projects, filtered. */
    public PageView<Versioned<Project>> searchPublic(ProjectFilter filter, int page, int size) {
        List<Criteria> criteria = criteria(filter);
        criteria.add(Criteria.where("state.status").is(ProjectStatus.ACTIVE.name()));
        return page(criteria, page, size);
    }

    /** Every project, for the programme's aggregate report (a few hundred at most in a programme). */
    public List<Project> all() {
        return projects.find(new Query().with(Sort.by("state.name"))).stream().map(Versioned::state).toList();
    }

    private PageView<Versioned<Project>> page(List<Criteria> criteria, int page, int size) {
        Query query = criteria.isEmpty() ? new Query() : Query.query(new Criteria().andOperator(criteria));
        long total = projects.count(query);
        query.with(Sort.by("state.name")).skip((long) page * size).limit(size);
        return new PageView<>(projects.find(query), page, size, total, (int) ((total + size - 1) / size));
    }

    // --- commands --------------------------------------------------------------------------------------

    public Versioned<Project> create(String leadOrganizationId, ProjectDetails details) {
        organizations.require(leadOrganizationId, "leadOrganizationId");
        LocalDate today = today();
        Project project = Project.draft(UUID.randomUUID().toString(), leadOrganizationId, details, today);
        return projects.insert(project.id(), project, List.of(
                new ProjectCreated(project.id(), project.name(), leadOrganizationId,
                        project.targetedIssues().stream().map(TargetedIssue::name).toList(), project.regionCodes(),
                        project.startDate(), project.endDate()),
                new PartnerJoined(project.id(), leadOrganizationId, PartnerRole.LEAD.name(), today)));
    }

    public Versioned<Project> update(EsacUser user, String id, long version, ProjectDetails details) {
        return change(id, version, p -> {
            ProjectAccess.requireManage(user, p);
            // Funding is granted by the programme: the lead may describe its project, not change its money.
            if (!user.isStaff() && !details.funding().equals(p.funding())) {
                throw new ForbiddenException("projet.financement-reserve", p.id());
            }
            return new Change(p.withDetails(details));
        });
    }

    public Versioned<Project> activate(String id) {
        return change(id, null, p -> {
            Project active = p.activate(today());
            return new Change(active, new ProjectActivated(p.id(), p.name(), p.leadOrganizationId(),
                    active.partnerOrganizationIds(), active.activatedOn()));
        });
    }

    public Versioned<Project> complete(String id) {
        return change(id, null, p -> {
            Project completed = p.complete(today());
            return new Change(completed, new ProjectCompleted(p.id(), p.name(), completed.closedOn(),
                    completed.progressPercent()));
        });
    }

    public Versioned<Project> cancel(String id) {
        return change(id, null, p -> new Change(p.cancel(today())));
    }

    public Versioned<Project> addPartner(EsacUser user, String id, String organizationId, PartnerRole role) {
        organizations.require(organizationId, "organizationId");
        return change(id, null, p -> {
            ProjectAccess.requireManage(user, p);
            return new Change(p.addPartner(organizationId, role, today()),
                    new PartnerJoined(p.id(), organizationId, role.name(), today()));
        });
    }

    public Versioned<Project> requestToJoin(EsacUser user, String id, String organizationId, String message) {
        user.requireOrganization(organizationId);
        organizations.require(organizationId, "organizationId");
        return change(id, null, p -> new Change(p.requestToJoin(organizationId, message, user.id(), today())));
    }

    public Versioned<Project> acceptJoinRequest(EsacUser user, String id, String organizationId, PartnerRole role) {
        return change(id, null, p -> {
            ProjectAccess.requireManage(user, p);
            Project accepted = p.acceptJoinRequest(organizationId, role, today());
            return new Change(accepted, new PartnerJoined(p.id(), organizationId,
                    accepted.partner(organizationId).orElseThrow().role().name(), today()));
        });
    }

    public Versioned<Project> declineJoinRequest(EsacUser user, String id, String organizationId) {
        return change(id, null, p -> {
            ProjectAccess.requireManage(user, p);
            return new Change(p.declineJoinRequest(organizationId));
        });
    }

    /** A partner leaves on its own, or the lead or staff remove it. */
    public Versioned<Project> removePartner(EsacUser user, String id, String organizationId) {
        return change(id, null, p -> {
            if (!ProjectAccess.canManage(user, p)) {
                user.requireOrganization(organizationId);
                if (p.partner(organizationId).isEmpty()) {
                    throw new NotFoundException("partenaire.introuvable", organizationId);
                }
            }
            return new Change(p.removePartner(organizationId), new PartnerLeft(p.id(), organizationId, today()));
        });
    }

    public Versioned<Project> addStep(EsacUser user, String id, StepDefinition definition) {
        return change(id, null, p -> {
            ProjectAccess.requireManage(user, p);
            return new Change(p.addStep(definition));
        });
    }

    public Versioned<Project> redefineStep(EsacUser user, String id, long version, String stepId,
                                           StepDefinition definition, StepStatus status) {
        return change(id, version, p -> {
            ProjectAccess.requireManage(user, p);
            Project changed = p.redefineStep(stepId, definition);
            return status == null ? new Change(changed) : statusChange(p, changed, stepId, status);
        });
    }

    public Versioned<Project> changeStepStatus(EsacUser user, String id, String stepId, StepStatus status) {
        return change(id, null, p -> {
            ProjectAccess.requireManage(user, p);
            return statusChange(p, p, stepId, status);
        });
    }

    private Change statusChange(Project before, Project changed, String stepId, StepStatus status) {
        Project after = changed.changeStepStatus(stepId, status, today());
        boolean completedNow = status == StepStatus.DONE
                && before.step(stepId).map(s -> s.status() != StepStatus.DONE).orElse(false);
        if (!completedNow) {
            return new Change(after);
        }
        Step step = after.step(stepId).orElseThrow();
        return new Change(after, new StepCompleted(after.id(), stepId, step.title(), step.completedOn(),
                after.progressPercent()));
    }

    public Versioned<Project> reorderSteps(EsacUser user, String id, long version, List<String> stepIds) {
        return change(id, version, p -> {
            ProjectAccess.requireManage(user, p);
            return new Change(p.reorderSteps(stepIds));
        });
    }

    public Versioned<Project> addIndicator(EsacUser user, String id, IndicatorDefinition definition) {
        return change(id, null, p -> {
            ProjectAccess.requireManage(user, p);
            return new Change(p.addIndicator(definition));
        });
    }

    public Versioned<Project> redefineIndicator(EsacUser user, String id, long version, String indicatorId,
                                                IndicatorDefinition definition) {
        return change(id, version, p -> {
            ProjectAccess.requireManage(user, p);
            return new Change(p.redefineIndicator(indicatorId, definition));
        });
    }

    /**
     * Applies a command to the current project. With a version (the client's {@code If-Match}) the project must
     * still be at it; without one, the command expresses an intent that holds whatever changed meanwhile, so
     * a concurrent write is simply retried on the fresh state.
     */
    private Versioned<Project> change(String id, Long expectedVersion, Function<Project, Change> command) {
        for (int attempt = 1; ; attempt++) {
            Versioned<Project> current = get(id);
            if (expectedVersion != null && current.version() != expectedVersion) {
                throw VersionHeaders.conflict(expectedVersion, current.version());
            }
            Change change = command.apply(current.state());
            try {
                return projects.update(id, current.version(), change.project(), change.events());
            } catch (OptimisticLockingFailureException concurrent) {
                if (expectedVersion != null || attempt == ATTEMPTS) {
                    throw concurrent;
                }
            }
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The changed project and the events the change causes. */
    private record Change(Project project, List<EventData> events) {
        Change(Project project, EventData... events) {
            this(project, List.of(events));
        }
    }

    /** Search filters; {@code null} means "any". */
    public record ProjectFilter(TargetedIssue issue, String leadOrganizationId, String regionCode,
                                ProjectStatus status, String text) {
    }

    private static List<Criteria> criteria(ProjectFilter filter) {
        List<Criteria> criteria = new ArrayList<>();
        if (filter.issue() != null) {
            criteria.add(Criteria.where("state.targetedIssues").is(filter.issue().name()));
        }
        if (filter.leadOrganizationId() != null) {
            criteria.add(Criteria.where("state.leadOrganizationId").is(filter.leadOrganizationId()));
        }
        if (filter.regionCode() != null) {
            // A project without regions covers all of Quebec.
            criteria.add(new Criteria().orOperator(Criteria.where("state.regionCodes").is(filter.regionCode()),
                    Criteria.where("state.regionCodes").size(0)));
        }
        if (filter.status() != null) {
            criteria.add(Criteria.where("state.status").is(filter.status().name()));
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            criteria.add(Criteria.where("state.name").regex(Pattern.quote(filter.text().strip()), "i"));
        }
        return criteria;
    }
}
