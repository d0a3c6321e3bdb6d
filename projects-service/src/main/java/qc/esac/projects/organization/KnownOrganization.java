package qc.esac.projects.organization;

/**
 * What projects knows of an organization, learned from membership events (a read model, never written here).
 *
 * @param closed       whether membership reported the organization closed; its projects flag it
 * @param illustrative whether membership marked its legal form, region and NEQ as invented (demonstration
 *                     content); absent in events and copies from before the flag, meaning false
 */
public record KnownOrganization(String id, String legalName, String legalForm, String regionCode, boolean closed,
                                Boolean illustrative) {

    public KnownOrganization {
        illustrative = Boolean.TRUE.equals(illustrative);
    }
}
