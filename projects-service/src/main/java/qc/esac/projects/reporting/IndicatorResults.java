package qc.esac.projects.reporting;

import qc.esac.projects.project.Indicator;

import java.util.List;
import java.util.Objects;

/**
 * How an indicator's period values make its result to date: a cumulative indicator adds its periods up (people
 * placed in jobs), any other keeps the latest period's level (organizations involved). One place for the rule,
 * used by project reports and the programme aggregate alike.
 */
public final class IndicatorResults {

    private IndicatorResults() {
    }

    /** The result to date from period values in chronological order ({@code null} where nothing was reported). */
    public static Double toDate(Indicator indicator, List<Double> periodValues) {
        List<Double> reported = periodValues.stream().filter(Objects::nonNull).toList();
        if (reported.isEmpty()) {
            return null;
        }
        return indicator.cumulative() ? reported.stream().mapToDouble(Double::doubleValue).sum()
                : reported.get(reported.size() - 1);
    }

    /**
     * How far the result is toward the target, in percent (may exceed 100): the total over the target for a
     * cumulative indicator; the way travelled from the baseline to the target for a level.
     */
    public static Double achievementPercent(Indicator indicator, Double toDate) {
        if (toDate == null || indicator.target() == null) {
            return null;
        }
        double baseline = indicator.cumulative() || indicator.baseline() == null ? 0 : indicator.baseline();
        double span = indicator.target() - baseline;
        if (span == 0) {
            return toDate >= indicator.target() ? 100.0 : 0.0;
        }
        return Math.round((toDate - baseline) / span * 1000) / 10.0;
    }
}
