package qc.esac.events.projects;

import qc.esac.events.EventData;

import java.time.LocalDate;
import java.util.List;

/**
 * A project left the draft stage: it is under way and publicly visible. Subject: the project id.
 *
 * @param projectId id of the project; the event subject and record key
 * @param name name of the project
 * @param leadOrganizationId platform id of the lead organization
 * @param partnerOrganizationIds organizations taking part at activation, lead included
 * @param activatedOn date the project became active
 */
public record ProjectActivated(String projectId, String name, String leadOrganizationId,
                               List<String> partnerOrganizationIds, LocalDate activatedOn) implements EventData {
}
