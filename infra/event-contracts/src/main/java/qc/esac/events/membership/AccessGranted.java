package qc.esac.events.membership;

import qc.esac.events.EventData;

/**
 * A person may now act in a role for an organization or a network: an accepted invitation, an employee linked
 * to their account, or an organization's registrant approved by its network. Services add the grant to what the
 * person's token says. Subject: the grant id; when: the event's time.
 *
 * @param grantId Platform id of the grant; also the event subject and the record key.
 * @param userId The account (token subject, sub) the grant is for.
 * @param kind ORG_ADMIN (administers the organization), STAFF (staff of the network) or EMPLOYEE (the
 *        roster employee employeeId of the organization).
 * @param organizationId The organization, for ORG_ADMIN and EMPLOYEE; null for STAFF.
 * @param networkId The network, for STAFF; null otherwise.
 * @param employeeId The roster entry, for EMPLOYEE; null otherwise.
 * @param grantedBy Account that made the grant (who invited, linked or approved).
 */
public record AccessGranted(
        String grantId,
        String userId,
        String kind,
        String organizationId,
        String networkId,
        String employeeId,
        String grantedBy) implements EventData {
}
