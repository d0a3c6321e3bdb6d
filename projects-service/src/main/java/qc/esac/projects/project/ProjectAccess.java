package qc.esac.projects.project;

import qc.esac.kit.problem.ForbiddenException;
import qc.esac.kit.security.EsacUser;

import java.util.List;

/**
 * Who may do what on a project, in one place: programme staff manage every project; the lead organization's
 * administrator manages its project; administrators of partner organizations read it and report values for
 * their organization.
 */
public final class ProjectAccess {

    private ProjectAccess() {
    }

    public static boolean isLeadAdministrator(EsacUser user, Project project) {
        return user.isOrgAdmin() && user.organizationIds().contains(project.leadOrganizationId());
    }

    public static boolean canManage(EsacUser user, Project project) {
        return user.isStaff() || isLeadAdministrator(user, project);
    }

    public static void requireManage(EsacUser user, Project project) {
        if (!canManage(user, project)) {
            throw new ForbiddenException("projet.gestion-refusee", project.id());
        }
    }

    public static boolean canRead(EsacUser user, Project project) {
        return user.isStaff() || !administeredPartners(user, project).isEmpty();
    }

    public static void requireRead(EsacUser user, Project project) {
        if (!canRead(user, project)) {
            throw new ForbiddenException("projet.lecture-refusee", project.id());
        }
    }

    /** The project's partners, of any role, that this user administers. */
    public static List<String> administeredPartners(EsacUser user, Project project) {
        if (!user.isOrgAdmin()) {
            return List.of();
        }
        return project.partnerOrganizationIds().stream().filter(user.organizationIds()::contains).toList();
    }

    /** Values are reported by administrators of contributing partners, for their own organization. */
    public static void requireReporter(EsacUser user, Project project, String organizationId) {
        boolean contributes = project.partner(organizationId).map(p -> p.role().contributes()).orElse(false);
        if (!contributes) {
            throw new ForbiddenException("valeur.partenaire-hors-projet", organizationId);
        }
        if (!user.isOrgAdmin() || !user.organizationIds().contains(organizationId)) {
            throw new ForbiddenException("acces.organisation-refusee", organizationId);
        }
    }
}
