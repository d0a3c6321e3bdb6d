package qc.esac.events.projects;

import qc.esac.events.EventData;

import java.time.LocalDate;

/**
 * The lead organization or the programme approved a submitted reporting period. Subject: the period id.
 *
 * @param periodId id of the reporting period; the event subject and record key
 * @param projectId id of the project the period belongs to
 * @param label label of the period, e.g. 2025-2026
 * @param startDate first day of the period
 * @param endDate last day of the period
 * @param approvedOn date of approval
 */
public record PeriodApproved(String periodId, String projectId, String label, LocalDate startDate,
                             LocalDate endDate, LocalDate approvedOn) implements EventData {
}
