package qc.esac.insurance.enrolment;

/** Where an employee's enrolment stands. */
public enum EnrolmentStatus {
    /** Covered (possibly from a future date). */
    ACTIVE,
    /** Applied after the window: waiting for evidence of insurability and the insurer's decision. */
    LATE_APPLICANT,
    /** A late application that was declined. */
    REFUSED,
    /** Coverage ended (it may still run until {@code coverageEndsOn}). */
    TERMINATED
}
