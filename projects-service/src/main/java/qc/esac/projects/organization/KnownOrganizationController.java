package qc.esac.projects.organization;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import qc.esac.kit.problem.NotFoundException;
import qc.esac.kit.security.EsacUser;

/**
 * The organizations projects knows of (from membership events): {@code /api/projects/organizations/{id}}, for
 * forms that pick partners and for loaders that wait until an organization has reached this service.
 */
@RestController
@RequestMapping("/api/projects/organizations")
class KnownOrganizationController {

    private final KnownOrganizations organizations;

    KnownOrganizationController(KnownOrganizations organizations) {
        this.organizations = organizations;
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('STAFF', 'ORG_ADMIN')")
    KnownOrganization get(@PathVariable String id, EsacUser user) {
        return organizations.find(id).orElseThrow(() -> new NotFoundException("organisation.introuvable", id));
    }
}
