package qc.esac.insurance.membershipfeed;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import qc.esac.insurance.InsuranceAccess;
import qc.esac.insurance.InsuranceProperties;
import qc.esac.kit.problem.NotFoundException;
import qc.esac.kit.security.EsacUser;
import qc.esac.membershipfeed.MembershipFeed;

/**
 * The organizations insurance knows of, as its read models consumed them: {@code /api/insurance/organizations/{id}}
 * (the plan network's staff: what an operator checks when a participation or an enrolment does not follow
 * membership).
 */
@RestController
class KnownOrganizationController {

    private final MembershipFeed membership;
    private final InsuranceAccess access;
    private final String networkId;

    KnownOrganizationController(MembershipFeed membership, InsuranceAccess access, InsuranceProperties properties) {
        this.membership = membership;
        this.access = access;
        this.networkId = properties.networkId();
    }

    @GetMapping("/api/insurance/organizations/{organizationId}")
    @Operation(summary = "Lire une organisation connue du service d’assurance",
            description = "Read an organization as known to insurance (read models fed by membership events): its "
                    + "profile, its membership standing in the plan's network and its roster entries as insurance "
                    + "holds them (ids and employment dates only). Staff of the plan's network.")
    @PreAuthorize("hasRole('STAFF')")
    KnownOrganizationView get(@PathVariable String organizationId, EsacUser user) {
        access.requireStaff(user);
        return membership.organizations().find(organizationId)
                .map(known -> KnownOrganizationView.of(known, membership.standings().find(organizationId, networkId),
                        membership.roster().ofOrganization(organizationId)))
                .orElseThrow(() -> new NotFoundException("organisation.inconnue", organizationId));
    }
}
