package qc.esac.projects.project;

import qc.esac.kit.problem.ForbiddenException;
import qc.esac.kit.security.EsacUser;

import java.util.List;
import java.util.Objects;

/**
 * Who may do what on a project, in one place: programme staff (staff of the network that runs the programme,
 * not of any network) manage every project; the lead organization's administrator manages its project;
 * administrators of partner organizations read it and report values for their organization; an invited
 * organization's administrator reads the project it is invited to and accepts or declines.
 */
public final class ProjectAccess {

    private final String programmeNetworkId;

    /** @param programmeNetworkId the network whose staff run the programme ({@code esac.projects.programme-network-id}) */
    public ProjectAccess(String programmeNetworkId) {
        this.programmeNetworkId = Objects.requireNonNull(programmeNetworkId, "programmeNetworkId");
    }

    public String programmeNetworkId() {
        return programmeNetworkId;
    }

    public boolean isProgrammeStaff(EsacUser user) {
        return user.isStaffOf(programmeNetworkId);
    }

    /** 403 {@code acces.reseau-refuse} unless the user is staff of the programme's network. */
    public void requireProgrammeStaff(EsacUser user) {
        user.requireStaffOf(programmeNetworkId);
    }

    public boolean isLeadAdministrator(EsacUser user, Project project) {
        return administers(user, project.leadOrganizationId());
    }

    public boolean canManage(EsacUser user, Project project) {
        return isProgrammeStaff(user) || isLeadAdministrator(user, project);
    }

    public void requireManage(EsacUser user, Project project) {
        if (!canManage(user, project)) {
            throw new ForbiddenException("projet.gestion-refusee", project.id());
        }
    }

    /** Programme staff and administrators of partners: the project with its reporting. */
    public boolean canRead(EsacUser user, Project project) {
        return isProgrammeStaff(user) || !administeredPartners(user, project).isEmpty();
    }

    public void requireRead(EsacUser user, Project project) {
        if (!canRead(user, project)) {
            throw new ForbiddenException("projet.lecture-refusee", project.id());
        }
    }

    /** The project itself (not its periods or reports): also for an organization invited to decide. */
    public void requireReadDescription(EsacUser user, Project project) {
        if (!canRead(user, project) && administeredInvitations(user, project).isEmpty()) {
            throw new ForbiddenException("projet.lecture-refusee", project.id());
        }
    }

    /** The project's partners, of any role, that this user administers. */
    public List<String> administeredPartners(EsacUser user, Project project) {
        return project.partnerOrganizationIds().stream().filter(id -> administers(user, id)).toList();
    }

    /** Organizations invited to the project that this user administers. */
    public List<String> administeredInvitations(EsacUser user, Project project) {
        return project.invitations().stream().map(Invitation::organizationId).filter(id -> administers(user, id))
                .toList();
    }

    /**
     * Acting for an organization in the programme (asking to join, answering an invitation, leaving): its
     * administrator, or programme staff; staff of other networks may not.
     */
    public void requireOrganization(EsacUser user, String organizationId) {
        user.requireOrganizationIn(organizationId, programmeNetworkId);
    }

    /** Answering an invitation is the organization's own consent: only its administrator gives it. */
    public void requireInvitedAdministrator(EsacUser user, String organizationId) {
        if (!administers(user, organizationId)) {
            throw new ForbiddenException("invitation.reponse-refusee", organizationId);
        }
    }

    /** Values are reported by administrators of contributing partners, for their own organization. */
    public void requireReporter(EsacUser user, Project project, String organizationId) {
        boolean contributes = project.partner(organizationId).map(p -> p.role().contributes()).orElse(false);
        if (!contributes) {
            throw new ForbiddenException("valeur.partenaire-hors-projet", organizationId);
        }
        if (!administers(user, organizationId)) {
            throw new ForbiddenException("acces.organisation-refusee", organizationId);
        }
    }

    /** Submitting a period: programme staff, or an administrator of a contributing partner. */
    public void requireSubmitter(EsacUser user, Project project) {
        boolean reporter = project.contributingOrganizationIds().stream().anyMatch(id -> administers(user, id));
        if (!isProgrammeStaff(user) && !reporter) {
            throw new ForbiddenException("periode.soumission-refusee", project.id());
        }
    }

    private static boolean administers(EsacUser user, String organizationId) {
        return user.administers(organizationId);
    }
}
