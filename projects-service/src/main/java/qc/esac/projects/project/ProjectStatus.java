package qc.esac.projects.project;

/** Lifecycle of a project: draft -> active -> completed; a draft or active project may be cancelled. */
public enum ProjectStatus {
    DRAFT, ACTIVE, COMPLETED, CANCELLED;

    /** Whether anyone may still change the project (completed and cancelled ones are read-only records). */
    public boolean isOpen() {
        return this == DRAFT || this == ACTIVE;
    }

    /**
     * Whether the public may read the project's public fields: only while it is under way. Drafts are undecided,
     * cancelled ones withdrawn; a completed one stays readable by staff and its partners and counts in the
     * programme's aggregate.
     */
    public boolean isPublic() {
        return this == ACTIVE;
    }

    /** Whether the project was carried out (under way or completed): what the programme reports on. */
    public boolean wasCarriedOut() {
        return this == ACTIVE || this == COMPLETED;
    }
}
