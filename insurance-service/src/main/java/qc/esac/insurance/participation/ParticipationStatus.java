package qc.esac.insurance.participation;

/** Where an employer stands in the group plan. */
public enum ParticipationStatus {
    /** Applied; staff have not yet put the participation in force. */
    APPLIED,
    /** In force. */
    ACTIVE,
    /** The employer's membership lapsed: coverage continues until the grace period ends. */
    IN_GRACE,
    /** The membership was restored within grace; in force as before. */
    REINSTATED,
    /** Ended; every enrolment ended on the same date. */
    TERMINATED;

    /** Whether the employer's employees are covered in this state. */
    public boolean coverageInForce() {
        return this == ACTIVE || this == IN_GRACE || this == REINSTATED;
    }
}
