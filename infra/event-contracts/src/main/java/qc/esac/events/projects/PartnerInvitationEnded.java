package qc.esac.events.projects;

import java.time.LocalDate;

import qc.esac.events.EventData;

/**
 * An invitation to a project ended without the organization joining: it declined, or the lead or programme staff
 * withdrew the invitation. (An accepted invitation ends with partner-joined instead.) Subject: the project id.
 *
 * @param projectId id of the project; the event subject and record key
 * @param organizationId platform id of the invited organization
 * @param outcome DECLINED (by the organization) or WITHDRAWN (by the lead or programme staff); open list
 * @param endedOn date the invitation ended
 */
public record PartnerInvitationEnded(String projectId, String organizationId, String outcome,
                                     LocalDate endedOn) implements EventData {
}
