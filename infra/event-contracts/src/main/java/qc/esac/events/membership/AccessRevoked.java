package qc.esac.events.membership;

import qc.esac.events.EventData;

/**
 * A grant ended: services stop counting it at once, whatever the person's token says. Subject: the grant id; when: the
 * event's time.
 *
 * @param grantId Platform id of the grant; also the event subject and the record key.
 * @param userId The account (token subject, sub) the grant was for.
 * @param kind ORG_ADMIN, STAFF or EMPLOYEE, as in access-granted.
 * @param organizationId The organization, for ORG_ADMIN and EMPLOYEE; null for STAFF.
 * @param networkId The network, for STAFF; null otherwise.
 * @param employeeId The roster entry, for EMPLOYEE; null otherwise.
 * @param revokedBy Account that ended the grant.
 */
public record AccessRevoked(
        String grantId,
        String userId,
        String kind,
        String organizationId,
        String networkId,
        String employeeId,
        String revokedBy) implements EventData {
}
