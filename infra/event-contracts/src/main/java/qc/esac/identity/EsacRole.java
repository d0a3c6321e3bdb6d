package qc.esac.identity;

import java.util.Optional;

/** Platform roles as they appear in the {@code roles} claim, and the authority each grants. */
public enum EsacRole {

    /** Network staff: works for one or more networks. */
    STAFF("staff"),
    /** Administrator of the organizations listed in {@code org_ids}. */
    ORG_ADMIN("org-admin"),
    /** Employee of an organization: sees their own records. */
    EMPLOYEE("employee"),
    /** Partner application (client credentials): read scopes and events. */
    PARTNER("partner");

    private final String claimValue;

    EsacRole(String claimValue) {
        this.claimValue = claimValue;
    }

    /** Value in the {@code roles} claim, e.g. {@code org-admin}. */
    public String claimValue() {
        return claimValue;
    }

    /** Spring Security authority, e.g. {@code ROLE_ORG_ADMIN}, for {@code hasRole('ORG_ADMIN')}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Unknown values map to nothing: a token cannot invent roles the platform does not know. */
    public static Optional<EsacRole> fromClaim(String value) {
        for (EsacRole role : values()) {
            if (role.claimValue.equals(value)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
