package qc.esac.projects.vocabulary;

/** The part an organization plays in a project. */
public enum PartnerRole {
    /** The lead organization ("organisme porteur"): exactly one per project. */
    LEAD,
    INITIAL_PARTNER,
    PARTNER,
    FUNDER,
    OBSERVER;

    /** Whether the organization does the project's work, reports values and counts in platform-fed indicators. */
    public boolean contributes() {
        return this == LEAD || this == INITIAL_PARTNER || this == PARTNER;
    }
}
