package qc.esac.kit.access;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import qc.esac.identity.EsacRole;
import qc.esac.kit.security.EsacUser;

/**
 * Who a signed-in person is for authorization: what the token says (claims, whichever provider signed it)
 * together with the grants the platform holds for the token's subject. A grant counts from the moment the
 * service has applied its event, and a revocation removes it at once, even for a token issued before.
 */
public class AccessResolver {

    private final GrantSource grants;

    public AccessResolver(GrantSource grants) {
        this.grants = grants;
    }

    public EsacUser resolve(EsacUser fromToken) {
        if (fromToken.isPartner()) {
            // Machine clients act by their scopes; grants are for people.
            return fromToken;
        }
        List<Grant> active = grants.activeGrantsOf(fromToken.id());
        return active.isEmpty() ? fromToken : withGrants(fromToken, active);
    }

    /** The token's user with the grants added: roles, organizations (administered or not) and networks. */
    public static EsacUser withGrants(EsacUser user, List<Grant> grants) {
        Set<EsacRole> roles = user.roles().isEmpty() ? EnumSet.noneOf(EsacRole.class) : EnumSet.copyOf(user.roles());
        Set<String> organizations = new LinkedHashSet<>(user.organizationIds());
        Set<String> administered = new LinkedHashSet<>(user.administeredOrganizationIds());
        Set<String> networks = new LinkedHashSet<>(user.networkIds());
        for (Grant grant : grants) {
            roles.add(grant.role());
            switch (grant.role()) {
                case ORG_ADMIN -> {
                    organizations.add(grant.organizationId());
                    administered.add(grant.organizationId());
                }
                case EMPLOYEE -> organizations.add(grant.organizationId());
                case STAFF -> networks.add(grant.networkId());
                default -> throw new IllegalStateException("Unexpected grant role " + grant.role());
            }
        }
        return new EsacUser(user.id(), roles, organizations, administered, networks, user.scopes());
    }
}
