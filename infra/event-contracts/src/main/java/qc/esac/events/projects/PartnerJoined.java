package qc.esac.events.projects;

import qc.esac.events.EventData;

import java.time.LocalDate;

/**
 * An organization now takes part in a project. Subject: the project id.
 *
 * @param projectId id of the project; the event subject and record key
 * @param organizationId platform id of the organization
 * @param role its role: LEAD, INITIAL_PARTNER, PARTNER, FUNDER or OBSERVER (open list)
 * @param joinedOn date it joined
 */
public record PartnerJoined(String projectId, String organizationId, String role,
                            LocalDate joinedOn) implements EventData {
}
