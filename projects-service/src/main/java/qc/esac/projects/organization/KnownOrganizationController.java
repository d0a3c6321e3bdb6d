package qc.esac.projects.organization;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import qc.esac.kit.problem.NotFoundException;
import qc.esac.membershipfeed.KnownOrganization;
import qc.esac.membershipfeed.KnownOrganizations;
import qc.esac.kit.security.EsacUser;
import qc.esac.projects.vocabulary.Vocabulary;

/**
 * The organizations projects knows of (from membership events): {@code /api/projects/organizations/{id}}, for
 * forms that pick partners and for loaders that wait until an organization has reached this service.
 */
@RestController
@RequestMapping("/api/projects/organizations")
class KnownOrganizationController {

    private final KnownOrganizations organizations;
    private final Vocabulary vocabulary;

    KnownOrganizationController(KnownOrganizations organizations, Vocabulary vocabulary) {
        this.organizations = organizations;
        this.vocabulary = vocabulary;
    }

    @GetMapping("/{id}")
    @Operation(summary = "Lire une organisation connue du service des projets",
            description = "Read an organization as known to projects (read model fed by membership events).")
    @PreAuthorize("hasAnyRole('STAFF', 'ORG_ADMIN')")
    KnownOrganizationView get(@PathVariable String id, EsacUser user) {
        KnownOrganization o = organizations.find(id)
                .orElseThrow(() -> new NotFoundException("organisation.introuvable", id));
        return new KnownOrganizationView(o.id(), o.legalName(), o.legalForm(), o.regionCode(), o.closed(),
                o.illustrative(), o.illustrative() ? vocabulary.text("organisation.illustrative") : null);
    }

    /** The organization as known here; {@code illustrativeNote}: its legal form and region are invented. */
    record KnownOrganizationView(String id, String legalName, String legalForm, String regionCode, boolean closed,
                                 boolean illustrative, String illustrativeNote) {
    }
}
