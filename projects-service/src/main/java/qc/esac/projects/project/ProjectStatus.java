package qc.esac.projects.project;

/** Lifecycle of a project: draft -> active -> completed; a draft or active project may be cancelled. */
public enum ProjectStatus {
    DRAFT, ACTIVE, COMPLETED, CANCELLED;

    /** Whether anyone may still change the project (completed and cancelled ones are read-only records). */
    public boolean isOpen() {
        return this == DRAFT || this == ACTIVE;
    }

    /** Whether the public may read the project's public fields. */
    public boolean isPublic() {
        return this == ACTIVE || this == COMPLETED;
    }
}
