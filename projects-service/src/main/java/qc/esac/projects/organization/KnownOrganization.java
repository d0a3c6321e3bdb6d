package qc.esac.projects.organization;

/**
 * What projects knows of an organization, learned from membership events (a read model, never written here).
 *
 * @param closed whether membership reported the organization closed; its projects flag it
 */
public record KnownOrganization(String id, String legalName, String legalForm, String regionCode, boolean closed) {
}
