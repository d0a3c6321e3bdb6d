package qc.esac.events.projects;

import qc.esac.events.EventData;

import java.time.LocalDate;

/**
 * An organization no longer takes part in a project. Subject: the project id.
 *
 * @param projectId id of the project; the event subject and record key
 * @param organizationId platform id of the organization
 * @param leftOn date it left
 */
public record PartnerLeft(String projectId, String organizationId, LocalDate leftOn) implements EventData {
}
