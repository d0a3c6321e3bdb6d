package qc.esac.training.organization;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import qc.esac.kit.problem.NotFoundException;
import qc.esac.membershipfeed.KnownOrganizations;

/** The organizations training knows of: {@code /api/training/organizations}. */
@RestController
@RequestMapping("/api/training/organizations")
class KnownOrganizationController {

    private final KnownOrganizations organizations;

    KnownOrganizationController(KnownOrganizations organizations) {
        this.organizations = organizations;
    }

    @GetMapping("/{id}")
    @Operation(summary = "Lire une organisation connue du service de formation",
            description = "Read an organization as known to training (read model fed by membership events).")
    @PreAuthorize("hasRole('STAFF')")
    KnownOrganization get(@PathVariable String id) {
        return organizations.find(id).map(KnownOrganization::of).orElseThrow(() -> new NotFoundException("organisation.inconnue", id));
    }
}
