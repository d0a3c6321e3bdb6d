package qc.esac.kit.security;

import qc.esac.identity.EsacRole;
import qc.esac.identity.EsacClaims;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import qc.esac.kit.problem.ForbiddenException;

/**
 * Who is calling, as far as authorization goes. Built from the access token's claims; no Spring
 * types so that application services can take it as a plain parameter.
 *
 * @param id the token subject (user id, or a partner's client id)
 * @param roles platform roles
 * @param organizationIds organizations an administrator or employee belongs to
 * @param administeredOrganizationIds those of {@code organizationIds} the user administers (a person may
 *        administer one organization and be an employee of another: only these may be acted for)
 * @param networkIds networks a staff member works for
 * @param scopes OAuth 2 scopes (partners)
 */
public record EsacUser(String id, Set<EsacRole> roles, Set<String> organizationIds,
        Set<String> administeredOrganizationIds, Set<String> networkIds, Set<String> scopes) {

    public EsacUser {
        Objects.requireNonNull(id, "id");
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        organizationIds = Set.copyOf(organizationIds);
        administeredOrganizationIds = Set.copyOf(administeredOrganizationIds);
        networkIds = Set.copyOf(networkIds);
        scopes = Set.copyOf(scopes);
    }

    /**
     * A user as a token describes one: one list of organizations for all roles, so an administrator administers
     * every organization listed.
     */
    public EsacUser(String id, Set<EsacRole> roles, Set<String> organizationIds, Set<String> networkIds,
            Set<String> scopes) {
        this(id, roles, organizationIds, roles.contains(EsacRole.ORG_ADMIN) ? organizationIds : Set.of(), networkIds,
                scopes);
    }

    /**
     * Reads the claims named in {@link EsacClaims}; absent claims mean "none", except the subject: a token
     * without one names nobody (the JWT decoder refuses such tokens with a 401 already, see SubjectRequired).
     *
     * @throws IllegalArgumentException when {@code sub} is absent or blank
     */
    public static EsacUser fromClaims(Map<String, Object> claims) {
        Object subject = claims.get(EsacClaims.SUBJECT);
        if (subject == null || String.valueOf(subject).isBlank()) {
            throw new IllegalArgumentException("The token has no subject (sub claim)");
        }
        Set<EsacRole> roles = EnumSet.noneOf(EsacRole.class);
        for (String value : strings(claims.get(EsacClaims.ROLES))) {
            EsacRole.fromClaim(value).ifPresent(roles::add);
        }
        return new EsacUser(String.valueOf(subject), roles,
                strings(claims.get(EsacClaims.ORG_IDS)), strings(claims.get(EsacClaims.NETWORK_IDS)),
                strings(claims.get(EsacClaims.SCOPE)));
    }

    public boolean hasRole(EsacRole role) {
        return roles.contains(role);
    }

    public boolean isStaff() {
        return hasRole(EsacRole.STAFF);
    }

    /** Staff of this particular network. */
    public boolean isStaffOf(String networkId) {
        return isStaff() && networkIds.contains(networkId);
    }

    public boolean isOrgAdmin() {
        return hasRole(EsacRole.ORG_ADMIN);
    }

    public boolean isEmployee() {
        return hasRole(EsacRole.EMPLOYEE);
    }

    public boolean isPartner() {
        return hasRole(EsacRole.PARTNER);
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }

    /**
     * Whether this user may manage the organization's own profile, shared by every network: staff of any
     * network, or an administrator
     * whose token lists that organization. Employees and partners never act for an organization.
     */
    public boolean canActForOrganization(String organizationId) {
        return isStaff() || administers(organizationId);
    }

    /** Whether the user administers this organization (by token or by a grant of the platform). */
    public boolean administers(String organizationId) {
        return isOrgAdmin() && administeredOrganizationIds.contains(organizationId);
    }

    /**
     * Whether this user may act for the organization in one network's business (its membership there, the
     * network's plan, sessions or programme): staff of that network, or an administrator of the organization.
     * Staff of other networks may not: this is the check to use wherever a network is known.
     */
    public boolean canActForOrganizationIn(String organizationId, String networkId) {
        return isStaffOf(networkId) || administers(organizationId);
    }

    /** Guard for services: 403 unless {@link #canActForOrganizationIn(String, String)}. */
    public void requireOrganizationIn(String organizationId, String networkId) {
        if (!canActForOrganizationIn(organizationId, networkId)) {
            throw new ForbiddenException("acces.organisation-refusee", organizationId);
        }
    }

    /** Guard for services: 403 unless {@link #isStaffOf(String)}. */
    public void requireStaffOf(String networkId) {
        if (!isStaffOf(networkId)) {
            throw new ForbiddenException("acces.reseau-refuse", networkId);
        }
    }

    /** Guard for services: 403 unless {@link #canActForOrganization(String)}. */
    public void requireOrganization(String organizationId) {
        if (!canActForOrganization(organizationId)) {
            throw new ForbiddenException("acces.organisation-refusee", organizationId);
        }
    }

    /** Accepts a JSON array or a space-separated string, as OAuth 2 does for {@code scope}. */
    private static Set<String> strings(Object claim) {
        Set<String> values = new LinkedHashSet<>();
        if (claim instanceof Collection<?> collection) {
            collection.stream().filter(Objects::nonNull).map(String::valueOf).forEach(values::add);
        }
        else if (claim instanceof String text) {
            for (String value : text.trim().split("\\s+")) {
                if (!value.isEmpty()) {
                    values.add(value);
                }
            }
        }
        return values;
    }
}
