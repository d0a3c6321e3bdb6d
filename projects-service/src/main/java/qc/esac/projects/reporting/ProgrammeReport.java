package qc.esac.projects.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The programme's aggregate across projects, from locked periods only (what has been approved and closed).
 *
 * @param from                   only periods ending on or after this date, if given
 * @param to                     only periods ending on or before this date, if given
 * @param organizationsInvolved  distinct organizations taking part in active or completed projects
 * @param totals                 indicators sharing a programme code and unit, added up across projects
 */
public record ProgrammeReport(LocalDate from, LocalDate to, Map<String, Long> projectsByStatus,
                              long organizationsInvolved, BigDecimal totalFunding, int averageProgressPercent,
                              List<ProgrammeTotal> totals, List<ProjectLine> projects) {

    /** The projects' results to date of one programme indicator, added up. */
    public record ProgrammeTotal(String programmeCode, String unit, double total, int projectCount) {
    }

    public record ProjectLine(String projectId, String name, String status, int progressPercent, int lockedPeriods,
                              List<ProjectResult> results) {
    }

    public record ProjectResult(String indicatorId, String name, String programmeCode, String unit, Double toDate,
                                Double target, Double achievementPercent) {
    }
}
