package qc.esac.projects.project;

import java.time.LocalDate;

/**
 * An organization's request to take part in a project, waiting for the lead or the programme staff.
 *
 * @param requestedBy subject of the administrator who asked
 */
public record JoinRequest(String organizationId, String message, LocalDate requestedOn, String requestedBy) {
}
