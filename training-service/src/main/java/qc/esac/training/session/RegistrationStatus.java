package qc.esac.training.session;

public enum RegistrationStatus {
    CONFIRMED,
    WAITLISTED,
    CANCELLED;

    boolean isActive() {
        return this != CANCELLED;
    }
}
