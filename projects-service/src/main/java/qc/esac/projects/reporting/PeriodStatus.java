package qc.esac.projects.reporting;

/**
 * Reporting period workflow: open -> submitted -> approved -> locked; a submitted period may be returned for
 * revision, which reopens it to the partners.
 */
public enum PeriodStatus {
    OPEN, SUBMITTED, RETURNED, APPROVED, LOCKED;

    /** Whether partners may still record values. */
    public boolean isEditable() {
        return this == OPEN || this == RETURNED;
    }
}
