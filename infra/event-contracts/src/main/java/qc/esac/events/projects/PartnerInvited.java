package qc.esac.events.projects;

import java.time.LocalDate;

import qc.esac.events.EventData;

/**
 * The lead organization invited an organization to take part in a project; it takes part only once its own
 * administrator accepts (then partner-joined follows). Subject: the project id.
 *
 * @param projectId id of the project; the event subject and record key
 * @param organizationId platform id of the invited organization
 * @param role the role it is invited to: INITIAL_PARTNER, PARTNER, FUNDER or OBSERVER (open list)
 * @param invitedOn date of the invitation
 */
public record PartnerInvited(String projectId, String organizationId, String role,
                             LocalDate invitedOn) implements EventData {
}
