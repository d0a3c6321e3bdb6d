package qc.esac.projects.reporting;

import java.time.LocalDate;
import java.util.List;

/**
 * The accountability report of a project for a period, assembled from what is already recorded: work plan
 * progress, indicator values against targets, and the partners' narratives.
 */
public record ProjectReport(String projectId, String projectName, String leadOrganization, String projectStatus,
                            LocalDate projectStart, LocalDate projectEnd, String periodId, String periodLabel,
                            LocalDate periodStart, LocalDate periodEnd, String periodStatus, int progressPercent,
                            List<StepLine> steps, List<IndicatorLine> indicators, List<Transition> history) {

    /**
     * A step of the work plan; {@code overdue} when past due and neither done nor cancelled on the report's day;
     * {@code illustrativeNote} says, in the reader's language, that the step is only an example.
     */
    public record StepLine(String title, String status, LocalDate dueDate, boolean overdue, String responsible,
                           LocalDate completedOn, String illustrativeNote) {
    }

    /**
     * One indicator: its value this period, its result to date (periods up to this one), and how far toward
     * the target; for qualitative indicators, the contributions carry the narratives. {@code illustrativeNote}
     * says, in the reader's language, that the indicator and its target are only an example.
     */
    public record IndicatorLine(String id, String name, String kind, String unit, Double baseline, Double target,
                                boolean cumulative, String source, Double periodValue, Double toDate,
                                Double achievementPercent, List<BreakdownValue> breakdown,
                                List<Contribution> contributions, String illustrativeNote) {
    }

    public record Contribution(String organization, Double value, String narrative, String progressLabel) {
    }
}
