package qc.esac.identity;

/**
 * Names of the access-token claims the platform relies on. The identity provider (infra/identity
 * locally, the production OIDC provider elsewhere) must emit exactly these.
 */
public final class EsacClaims {

    /** Subject: the user id, or the client id of a partner. */
    public static final String SUBJECT = "sub";
    /** Array of role names, see {@link EsacRole}. */
    public static final String ROLES = "roles";
    /** Organizations an administrator or employee belongs to. */
    public static final String ORG_IDS = "org_ids";
    /** Networks a staff member works for. */
    public static final String NETWORK_IDS = "network_ids";
    /** Standard OAuth 2 scopes (space-separated string or array), mapped to {@code SCOPE_} authorities. */
    public static final String SCOPE = "scope";

    private EsacClaims() {
    }
}
