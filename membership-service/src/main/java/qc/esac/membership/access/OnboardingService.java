package qc.esac.membership.access;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;

import qc.esac.identity.EsacRole;
import qc.esac.kit.outbox.Versioned;
import qc.esac.kit.problem.FieldViolation;
import qc.esac.kit.problem.ForbiddenException;
import qc.esac.kit.problem.InvalidInputException;
import qc.esac.kit.security.EsacUser;
import qc.esac.membership.membership.Membership;
import qc.esac.membership.membership.MembershipService;
import qc.esac.membership.network.Network;
import qc.esac.membership.network.NetworkService;
import qc.esac.membership.organization.Organization;
import qc.esac.membership.organization.OrganizationProfile;
import qc.esac.membership.organization.OrganizationService;

/**
 * Self-service onboarding: anyone signed in registers their organization and applies for membership of a
 * network in one step; they administer it once the network approves the application ({@link RegistrantApprovals}).
 * Until then their grant is pending and they follow the application here.
 */
@Service
public class OnboardingService {

    private final OrganizationService organizations;
    private final MembershipService memberships;
    private final NetworkService networks;
    private final AccessService access;

    OnboardingService(OrganizationService organizations, MembershipService memberships, NetworkService networks,
                      AccessService access) {
        this.organizations = organizations;
        this.memberships = memberships;
        this.networks = networks;
        this.access = access;
    }

    public record Onboarding(Versioned<AccessGrant> grant, Versioned<Organization> organization,
                             Versioned<Membership> membership) {
    }

    public Onboarding register(OrganizationProfile profile, String networkId, String category, EsacUser user) {
        if (user.isPartner()) {
            throw new ForbiddenException("acces.refuse");
        }
        // Checked first, so that a wrong network or category leaves no organization behind.
        Network network = networks.get(networkId).state();
        if (network.category(category).isEmpty()) {
            throw InvalidInputException.of(FieldViolation.of("category", "esac.validation.categorie-inconnue",
                    category, networkId));
        }
        // The registrant acts as the administrator of the organization being registered, for these two steps only.
        EsacUser registrant = new EsacUser(user.id(), Set.of(EsacRole.ORG_ADMIN), Set.of(), Set.of(), Set.of());
        Versioned<Organization> organization = organizations.register(profile, registrant);
        EsacUser ofTheOrganization = new EsacUser(user.id(), Set.of(EsacRole.ORG_ADMIN), Set.of(organization.id()),
                Set.of(), Set.of());
        Versioned<Membership> membership = memberships.apply(organization.id(), networkId, category,
                ofTheOrganization);
        Versioned<AccessGrant> grant = access.recordRegistrant(user.id(), organization.id(), networkId,
                membership.id());
        return new Onboarding(grant, organization, membership);
    }

    /** The signed-in person's registrations, with where each application stands. */
    public List<Onboarding> mine(EsacUser user) {
        return access.mine(user).stream().filter(g -> g.state().membershipId() != null)
                .map(g -> new Onboarding(g, organizations.get(g.state().organizationId()),
                        memberships.get(g.state().membershipId())))
                .toList();
    }
}
