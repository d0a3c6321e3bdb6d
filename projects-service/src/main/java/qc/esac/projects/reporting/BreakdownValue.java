package qc.esac.projects.reporting;

/** Part of a value, e.g. the people placed in jobs in one region. */
public record BreakdownValue(String key, double value) {
}
