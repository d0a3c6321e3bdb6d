package qc.esac.projects.reporting;

/** The value a platform-fed indicator had when the period was submitted: what is reviewed is what is reported. */
public record PlatformValue(String indicatorId, double value) {
}
