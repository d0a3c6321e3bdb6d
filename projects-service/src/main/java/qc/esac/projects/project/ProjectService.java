package qc.esac.projects.project;

import org.springframework.stereotype.Service;
import qc.esac.kit.domain.Change;
import qc.esac.kit.outbox.Versioned;
import qc.esac.kit.problem.ForbiddenException;
import qc.esac.kit.problem.NotFoundException;
import qc.esac.kit.security.EsacUser;
import qc.esac.kit.web.PageView;
import qc.esac.membershipfeed.KnownOrganizations;
import qc.esac.kit.problem.FieldViolation;
import qc.esac.kit.problem.InvalidInputException;
import qc.esac.projects.vocabulary.PartnerRole;
import qc.esac.projects.vocabulary.TargetedIssue;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Projects' commands and queries: authorization, known organizations, and state with its events in one write.
 * Every change goes through the kit's {@code AggregateStore.change}: 404, then who may act (403), then the
 * client's If-Match (412), so an outsider learns neither a version nor anything else about the project.
 */
@Service
public class ProjectService {

    private final Projects projects;
    private final KnownOrganizations organizations;
    private final ProjectAccess access;
    private final Clock clock;

    ProjectService(Projects projects, KnownOrganizations organizations, ProjectAccess access, Clock clock) {
        this.projects = projects;
        this.organizations = organizations;
        this.access = access;
        this.clock = clock;
    }

    // --- queries ---------------------------------------------------------------------------------------

    public Versioned<Project> get(String id) {
        return projects.get(id);
    }

    /** The project as its partners, programme staff, and organizations invited to it read it. */
    public Versioned<Project> getReadable(EsacUser user, String id) {
        Versioned<Project> project = get(id);
        access.requireReadDescription(user, project.state());
        return project;
    }

    /** A public project: an active one; anything else is unknown to the public. */
    public Project getPublic(String id) {
        return projects.find(id).map(Versioned::state).filter(p -> p.status().isPublic())
                .orElseThrow(() -> new NotFoundException("projet.introuvable", id));
    }

    /**
     * Projects this user may read, filtered. Programme staff see all; administrators the projects of their
     * organizations and those they are invited to.
     */
    public PageView<Versioned<Project>> search(EsacUser user, ProjectFilter filter, int page, int size) {
        if (access.isProgrammeStaff(user)) {
            return projects.search(filter, null, null, page, size);
        }
        List<String> own = user.isOrgAdmin() ? List.copyOf(user.administeredOrganizationIds()) : List.of();
        return projects.search(filter, own, null, page, size);
    }

    /** Public projects, filtered. */
    public PageView<Versioned<Project>> searchPublic(ProjectFilter filter, int page, int size) {
        return projects.search(filter, null, ProjectStatus.ACTIVE, page, size);
    }

    /** Every project, for the programme's aggregate report (a few hundred at most in a programme). */
    public List<Project> all() {
        return projects.all();
    }

    // --- commands --------------------------------------------------------------------------------------

    public Versioned<Project> create(EsacUser user, String leadOrganizationId, ProjectDetails details) {
        access.requireProgrammeStaff(user);
        requireKnown(leadOrganizationId, "leadOrganizationId");
        LocalDate today = today();
        return projects.insert(Project.create(UUID.randomUUID().toString(), leadOrganizationId, details, today));
    }

    public Versioned<Project> update(EsacUser user, String id, long version, ProjectDetails details) {
        return projects.change(id, version, p -> access.requireManage(user, p), p -> {
            // Funding is granted by the programme: the lead may describe its project, not change its money.
            if (!access.isProgrammeStaff(user) && !details.funding().equals(p.funding())) {
                throw new ForbiddenException("projet.financement-reserve", p.id());
            }
            return Change.of(p.withDetails(details));
        });
    }

    public Versioned<Project> activate(EsacUser user, String id) {
        return projects.change(id, null, p -> access.requireProgrammeStaff(user), p -> p.activate(today()));
    }

    public Versioned<Project> complete(EsacUser user, String id) {
        return projects.change(id, null, p -> access.requireProgrammeStaff(user), p -> p.complete(today()));
    }

    public Versioned<Project> cancel(EsacUser user, String id) {
        return projects.change(id, null, p -> access.requireProgrammeStaff(user), p -> Change.of(p.cancel(today())));
    }

    /**
     * Programme staff add a partner directly. The lead's administrator only invites: the organization joins
     * when its own administrator accepts (an organization that asked to join has consented already).
     */
    public PartnerAddition addPartner(EsacUser user, String id, String organizationId, PartnerRole role) {
        Versioned<Project> changed = projects.change(id, null, p -> access.requireManage(user, p), p -> {
            requireKnown(organizationId, "organizationId");
            return access.isProgrammeStaff(user) || p.joinRequest(organizationId).isPresent()
                    ? p.addPartner(organizationId, role, today())
                    : p.invite(organizationId, role, user.id(), today());
        });
        return new PartnerAddition(changed, changed.state().partner(organizationId).isEmpty());
    }

    /** The outcome of adding a partner: the project, and whether the organization was only invited. */
    public record PartnerAddition(Versioned<Project> project, boolean invited) {
    }

    public Versioned<Project> acceptInvitation(EsacUser user, String id, String organizationId) {
        return projects.change(id, null, p -> requireInvited(user, p, organizationId),
                p -> p.acceptInvitation(organizationId, today()));
    }

    /** The invited organization declines; the lead or programme staff may also withdraw the invitation. */
    public Versioned<Project> declineInvitation(EsacUser user, String id, String organizationId) {
        return projects.change(id, null, p -> {
            if (!access.canManage(user, p)) {
                requireInvited(user, p, organizationId);
            }
        }, p -> p.declineInvitation(organizationId, access.canManage(user, p), today()));
    }

    /** Only the invited organization's administrator answers; to anyone else the invitation does not exist. */
    private void requireInvited(EsacUser user, Project project, String organizationId) {
        access.requireInvitedAdministrator(user, organizationId);
        if (project.invitation(organizationId).isEmpty()) {
            throw new NotFoundException("invitation.introuvable", organizationId);
        }
    }

    public Versioned<Project> requestToJoin(EsacUser user, String id, String organizationId, String message) {
        access.requireOrganization(user, organizationId);
        requireKnown(organizationId, "organizationId");
        return projects.change(id, null, p -> { },
                p -> Change.of(p.requestToJoin(organizationId, message, user.id(), today())));
    }

    public Versioned<Project> acceptJoinRequest(EsacUser user, String id, String organizationId, PartnerRole role) {
        return projects.change(id, null, p -> access.requireManage(user, p),
                p -> p.acceptJoinRequest(organizationId, role, today()));
    }

    public Versioned<Project> declineJoinRequest(EsacUser user, String id, String organizationId) {
        return projects.change(id, null, p -> access.requireManage(user, p),
                p -> Change.of(p.declineJoinRequest(organizationId)));
    }

    /** A partner leaves on its own, or the lead or staff remove it. */
    public Versioned<Project> removePartner(EsacUser user, String id, String organizationId) {
        return projects.change(id, null, p -> {
            if (!access.canManage(user, p)) {
                access.requireOrganization(user, organizationId);
                if (p.partner(organizationId).isEmpty()) {
                    throw new NotFoundException("partenaire.introuvable", organizationId);
                }
            }
        }, p -> p.removePartner(organizationId, today()));
    }

    public Versioned<Project> addStep(EsacUser user, String id, StepDefinition definition) {
        return projects.change(id, null, p -> access.requireManage(user, p), p -> Change.of(p.addStep(definition)));
    }

    public Versioned<Project> redefineStep(EsacUser user, String id, long version, String stepId,
                                           StepDefinition definition, StepStatus status) {
        return projects.change(id, version, p -> access.requireManage(user, p), p -> {
            Project changed = p.redefineStep(stepId, definition);
            return status == null ? Change.of(changed) : changed.changeStepStatus(stepId, status, today());
        });
    }

    public Versioned<Project> changeStepStatus(EsacUser user, String id, String stepId, StepStatus status) {
        return projects.change(id, null, p -> access.requireManage(user, p),
                p -> p.changeStepStatus(stepId, status, today()));
    }

    public Versioned<Project> reorderSteps(EsacUser user, String id, long version, List<String> stepIds) {
        return projects.change(id, version, p -> access.requireManage(user, p),
                p -> Change.of(p.reorderSteps(stepIds)));
    }

    public Versioned<Project> addIndicator(EsacUser user, String id, IndicatorDefinition definition) {
        return projects.change(id, null, p -> access.requireManage(user, p),
                p -> Change.of(p.addIndicator(definition)));
    }

    public Versioned<Project> redefineIndicator(EsacUser user, String id, long version, String indicatorId,
                                                IndicatorDefinition definition) {
        return projects.change(id, version, p -> access.requireManage(user, p),
                p -> Change.of(p.redefineIndicator(indicatorId, definition)));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Search filters; {@code null} means "any". */
    public record ProjectFilter(TargetedIssue issue, String leadOrganizationId, String regionCode,
                                ProjectStatus status, String text) {
    }

    /** The organization must be known to the platform (membership announced it): else 400 naming {@code field}. */
    private void requireKnown(String organizationId, String field) {
        if (organizations.find(organizationId).isEmpty()) {
            throw InvalidInputException.of(FieldViolation.of(field, "organisation.inconnue", organizationId));
        }
    }
}
