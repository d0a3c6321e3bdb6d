package qc.esac.training.pamt;

public enum AgreementStatus {
    /** Signed; competencies are being acquired. */
    ACTIVE,
    /** Every competency attested; the qualification certificate is issued. */
    COMPLETED,
    /** Ended before completion (the apprentice left, the organization withdrew). */
    TERMINATED
}
