package qc.esac.projects.project;

/** Where a step of the work plan stands. Cancelled steps do not count in progress. */
public enum StepStatus {
    TODO, IN_PROGRESS, DONE, CANCELLED
}
