package qc.esac.training.session;

/** Where a session stands. Registrations are taken while it is open (and waitlisted while full). */
public enum SessionStatus {
    /** Scheduled, registrations not open yet. */
    PLANNED,
    /** Registrations open, seats left. */
    OPEN,
    /** Registrations open, every seat taken: new registrations go to the waiting list. */
    FULL,
    /** Registrations closed by staff; the session will still be given. */
    CLOSED,
    CANCELLED,
    /** Given; attendance final and attestations issued. */
    COMPLETED;

    boolean takesRegistrations() {
        return this == OPEN || this == FULL;
    }

    boolean isOver() {
        return this == CANCELLED || this == COMPLETED;
    }
}
