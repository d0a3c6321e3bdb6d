package qc.esac.membership.access;

import java.time.Instant;
import java.util.Locale;

import qc.esac.events.membership.AccessGranted;
import qc.esac.events.membership.AccessRevoked;
import qc.esac.kit.domain.Change;
import qc.esac.kit.problem.BusinessRuleException;
import qc.esac.kit.problem.ConflictException;
import qc.esac.kit.problem.ForbiddenException;

/**
 * One entry of the platform's register of who may act for which organization or network: born as an invitation
 * (an email and the hash of a single-use code) or as an organization registrant's pending administration,
 * active once accepted or approved, ended by a revocation. Invitation and grant are one document, so that
 * accepting is one atomic write: the code is used at most once.
 *
 * @param email the invited address (lower case); null for a registrant
 * @param codeHash SHA-256 of the invitation code (the code itself is never stored); kept after acceptance so a
 *        second use is told "already used"
 * @param userId the account (token {@code sub}) the grant is for, once accepted, or the registrant's
 * @param membershipId for a registrant: the application whose approval activates the grant
 */
public record AccessGrant(String id, GrantKind kind, String organizationId, String networkId, String employeeId,
                          GrantStatus status, String email, String codeHash, Instant expiresAt, String invitedBy,
                          Instant invitedAt, String userId, Instant acceptedAt, String membershipId,
                          String grantedBy, Instant grantedAt, String revokedBy, Instant revokedAt) {

    public static AccessGrant invitation(String id, GrantKind kind, String organizationId, String networkId,
                                         String employeeId, String email, String codeHash, Instant expiresAt,
                                         String invitedBy, Instant now) {
        return new AccessGrant(id, kind, organizationId, networkId, employeeId, GrantStatus.INVITED,
                email.strip().toLowerCase(Locale.ROOT), codeHash, expiresAt, invitedBy, now, null, null, null, null,
                null, null, null);
    }

    /** The person who registered an organization administers it once its network approves the application. */
    public static AccessGrant registrant(String id, String userId, String organizationId, String networkId,
                                         String membershipId, Instant now) {
        return new AccessGrant(id, GrantKind.ORG_ADMIN, organizationId, networkId, null, GrantStatus.PENDING, null,
                null, null, userId, now, userId, null, membershipId, null, null, null, null);
    }

    /**
     * The signed-in person accepts with the code they received: the invitation must be open and unexpired and
     * the account's email the invited one.
     */
    public Change<AccessGrant> accept(String acceptingUser, String accountEmail, Instant now) {
        switch (status) {
            case INVITED -> { }
            case CANCELLED -> throw new BusinessRuleException("invitation.annulee");
            default -> throw new ConflictException("invitation.deja-utilisee");
        }
        if (!now.isBefore(expiresAt)) {
            throw new BusinessRuleException("invitation.expiree", expiresAt.toString());
        }
        if (accountEmail == null || !email.equals(accountEmail.strip().toLowerCase(Locale.ROOT))) {
            throw new ForbiddenException("invitation.courriel-different");
        }
        AccessGrant accepted = new AccessGrant(id, kind, organizationId, networkId, employeeId, GrantStatus.ACTIVE,
                email, codeHash, expiresAt, invitedBy, invitedAt, acceptingUser, now, membershipId, invitedBy, now,
                null, null);
        return Change.of(accepted, accepted.granted());
    }

    /** The network approved the registrant's application. Anything but a pending grant stays as it is. */
    public Change<AccessGrant> approve(String approvedBy, Instant now) {
        if (status != GrantStatus.PENDING) {
            return Change.unchanged();
        }
        AccessGrant approved = new AccessGrant(id, kind, organizationId, networkId, employeeId, GrantStatus.ACTIVE,
                email, codeHash, expiresAt, invitedBy, invitedAt, userId, acceptedAt, membershipId, approvedBy, now,
                null, null);
        return Change.of(approved, approved.granted());
    }

    /** The network rejected the registrant's application. */
    public Change<AccessGrant> refuse(String refusedBy, Instant now) {
        if (status != GrantStatus.PENDING) {
            return Change.unchanged();
        }
        return Change.of(ended(GrantStatus.REFUSED, refusedBy, now));
    }

    /** Ends the grant (an active one publishes {@code access-revoked}), or withdraws an open invitation. */
    public Change<AccessGrant> revoke(String revokedByUser, Instant now) {
        return switch (status) {
            case ACTIVE -> {
                AccessGrant revoked = ended(GrantStatus.REVOKED, revokedByUser, now);
                yield Change.of(revoked, new AccessRevoked(id, userId, kind.name(), organizationId,
                        kind == GrantKind.STAFF ? networkId : null, employeeId, revokedByUser));
            }
            case INVITED -> Change.of(ended(GrantStatus.CANCELLED, revokedByUser, now));
            case PENDING -> Change.of(ended(GrantStatus.REFUSED, revokedByUser, now));
            default -> throw new ConflictException("acces.deja-termine", id);
        };
    }

    public boolean active() {
        return status == GrantStatus.ACTIVE;
    }

    private AccessGrant ended(GrantStatus endStatus, String by, Instant now) {
        return new AccessGrant(id, kind, organizationId, networkId, employeeId, endStatus, email, codeHash, expiresAt,
                invitedBy, invitedAt, userId, acceptedAt, membershipId, grantedBy, grantedAt, by, now);
    }

    private AccessGranted granted() {
        // The network of an organization grant (a registrant's) is where it was approved, not a staff scope.
        return new AccessGranted(id, userId, kind.name(), organizationId, kind == GrantKind.STAFF ? networkId : null,
                employeeId, grantedBy);
    }
}
