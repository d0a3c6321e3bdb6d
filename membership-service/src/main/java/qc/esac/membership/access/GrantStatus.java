package qc.esac.membership.access;

/**
 * Where a grant stands. Only {@code ACTIVE} gives access; {@code access-granted} is published when a grant
 * becomes active and {@code access-revoked} when an active one ends.
 */
public enum GrantStatus {
    /** An invitation waiting for its person: open until accepted, cancelled or expired. */
    INVITED,
    /** An organization's registrant, waiting for its network to approve the membership application. */
    PENDING,
    ACTIVE,
    /** An active grant that ended. */
    REVOKED,
    /** An invitation withdrawn before anyone accepted it. */
    CANCELLED,
    /** A registrant whose network rejected the application. */
    REFUSED
}
