package qc.esac.projects.reporting;

/** How a qualitative result is coming along, as the reporting partner judges it. */
public enum ProgressLabel {
    NOT_STARTED, BEHIND, ON_TRACK, ACHIEVED
}
