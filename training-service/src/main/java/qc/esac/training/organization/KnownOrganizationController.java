package qc.esac.training.organization;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import qc.esac.kit.problem.NotFoundException;
import qc.esac.kit.security.EsacUser;
import qc.esac.membershipfeed.MembershipFeed;
import qc.esac.membershipfeed.Standing;

import java.util.List;
import java.util.Optional;

/** The organizations training knows of: {@code /api/training/organizations}. */
@RestController
@RequestMapping("/api/training/organizations")
class KnownOrganizationController {

    private final MembershipFeed membership;

    KnownOrganizationController(MembershipFeed membership) {
        this.membership = membership;
    }

    /**
     * Staff of any network, as an organization's profile and roster are shared by every network (membership lets
     * the same people read them); its standings only in the reader's own networks.
     */
    @GetMapping("/{id}")
    @Operation(summary = "Lire une organisation connue du service de formation",
            description = "Read an organization as known to training (read models fed by membership events): its "
                    + "profile, its membership standing in each network the caller is staff of, and its roster "
                    + "entries as training holds them (ids and employment dates only). Network staff.")
    @PreAuthorize("hasRole('STAFF')")
    KnownOrganization get(@PathVariable String id, EsacUser user) {
        qc.esac.membershipfeed.KnownOrganization known = membership.organizations().find(id)
                .orElseThrow(() -> new NotFoundException("organisation.inconnue", id));
        // One read by _id per network of the caller: the standing documents are keyed by (organization, network).
        List<Standing> standings = user.networkIds().stream().sorted()
                .map(network -> membership.standings().find(id, network))
                .flatMap(Optional::stream).toList();
        return KnownOrganization.of(known, standings, membership.roster().ofOrganization(id));
    }
}
