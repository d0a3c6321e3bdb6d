package qc.esac.projects.reporting;

import java.time.LocalDate;
import java.util.List;

/**
 * What one partner reported for one indicator in a period.
 *
 * @param value       quantitative value ({@code null} for a qualitative indicator)
 * @param recordedBy  subject of the administrator who recorded it
 */
public record Entry(String indicatorId, String organizationId, Double value, List<BreakdownValue> breakdown,
                    String narrative, ProgressLabel progressLabel, LocalDate recordedOn, String recordedBy) {

    public Entry {
        breakdown = breakdown == null ? List.of() : List.copyOf(breakdown);
    }
}
