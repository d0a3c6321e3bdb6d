package qc.esac.membership.membership;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import qc.esac.kit.outbox.Versioned;
import qc.esac.kit.security.EsacUser;
import qc.esac.kit.web.PageView;
import qc.esac.membership.network.Network;
import qc.esac.membership.organization.Organization;
import qc.esac.membership.organization.OrganizationService;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A network's democratic life and figures, for its staff: {@code /api/membership/networks/{id}/...}. */
@RestController
@RequestMapping("/api/membership/networks/{networkId}")
class NetworkMembersController {

    private final MembershipService memberships;
    private final OrganizationService organizations;
    private final MessageSource messages;

    NetworkMembersController(MembershipService memberships, OrganizationService organizations,
                             MessageSource messages) {
        this.memberships = memberships;
        this.organizations = organizations;
        this.messages = messages;
    }

    /** Members entitled to vote at a general meeting held on {@code date}, by name. */
    @GetMapping("/voters")
    @Operation(summary = "Lister les membres votants d’un réseau",
            description = "List a network's voting members (members in good standing).")
    PageView<Voter> voters(@PathVariable String networkId,
                           @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                           @RequestParam(defaultValue = "0") @Min(0) int page,
                           @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size,
                           EsacUser user) {
        user.requireStaffOf(networkId);
        Network network = memberships.network(networkId);
        List<Membership> entitled = VotingRoll.entitledOn(network, states(networkId), date, memberships.today());
        Map<String, Organization> names = byId(entitled);
        String note = messages.getMessage("organisation.illustrative", null, LocaleContextHolder.getLocale());
        List<Voter> voters = entitled.stream().map(m -> {
            Organization o = names.get(m.organizationId());
            boolean illustrative = o != null && o.profile().illustrative();
            return new Voter(m.id(), m.organizationId(), o == null ? null : o.profile().legalName(),
                    o == null ? null : o.profile().regionCode(), m.category(), illustrative,
                    illustrative ? note : null);
        }).sorted(Comparator.comparing(v -> Organization.fold(v.legalName()))).toList();
        return PageView.of(voters, page, size);
    }

    @GetMapping("/figures")
    @Operation(summary = "Obtenir les chiffres des membres d’un réseau",
            description = "Get a network's membership figures.")
    NetworkFigures figures(@PathVariable String networkId, @RequestParam @Min(1990) @Max(2200) int fiscalYear,
                           EsacUser user) {
        user.requireStaffOf(networkId);
        Network network = memberships.network(networkId);
        List<Membership> all = states(networkId);
        Map<String, Organization> places = byId(all);
        Function<String, NetworkFigures.Place> place = id -> {
            Organization o = places.get(id);
            return o == null ? null : new NetworkFigures.Place(o.profile().regionCode(), o.profile().sectorCodes());
        };
        return NetworkFigures.of(network, fiscalYear, all, place, memberships.today());
    }

    private List<Membership> states(String networkId) {
        return memberships.allOf(networkId).stream().map(Versioned::state).toList();
    }

    private Map<String, Organization> byId(List<Membership> members) {
        return organizations.findAll(members.stream().map(Membership::organizationId).distinct().toList()).stream()
                .collect(Collectors.toMap(Versioned::id, Versioned::state));
    }

    /** A voting member; {@code illustrativeNote} when its organization's region and legal form are invented. */
    record Voter(String membershipId, String organizationId, String legalName, String regionCode, String category,
                 boolean illustrative, String illustrativeNote) {
    }
}
