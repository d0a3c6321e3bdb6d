package qc.esac.events.projects;

import qc.esac.events.EventData;

import java.time.LocalDate;
import java.util.List;

/**
 * An approved reporting period is final; its quantitative values are carried so that funders can aggregate them
 * without calling back. Subject: the period id.
 *
 * @param periodId id of the reporting period; the event subject and record key
 * @param projectId id of the project the period belongs to
 * @param label label of the period, e.g. 2025-2026
 * @param startDate first day of the period
 * @param endDate last day of the period
 * @param lockedOn date the period was locked
 * @param values the period's quantitative values, one per indicator
 */
public record PeriodLocked(String periodId, String projectId, String label, LocalDate startDate, LocalDate endDate,
                           LocalDate lockedOn, List<LockedValue> values) implements EventData {

    /** One quantitative value of the locked period. */
    public record LockedValue(String indicatorId, String name, String programmeCode, String unit, double value,
                              boolean cumulative) {
    }
}
