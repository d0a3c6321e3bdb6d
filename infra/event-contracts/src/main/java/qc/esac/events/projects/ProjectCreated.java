package qc.esac.events.projects;

import qc.esac.events.EventData;

import java.time.LocalDate;
import java.util.List;

/**
 * A strategic-sector project was created as a draft. Subject: the project id.
 *
 * @param projectId id of the project; the event subject and record key
 * @param name name of the project
 * @param leadOrganizationId platform id of the lead organization (organisme porteur)
 * @param targetedIssues codes of the targeted issues (open list, e.g. PENURIE_MAIN_OEUVRE); consumers accept
 *                       codes they do not know
 * @param regionCodes administrative regions covered (01 to 17); empty means all of Quebec
 * @param startDate planned start, when known
 * @param endDate planned end, when known
 */
public record ProjectCreated(String projectId, String name, String leadOrganizationId, List<String> targetedIssues,
                             List<String> regionCodes, LocalDate startDate,
                             LocalDate endDate) implements EventData {
}
