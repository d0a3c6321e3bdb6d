package qc.esac.insurance.membership;

/** What insurance knows of an organization, from membership events (read model). */
public record KnownOrganization(String id, String legalName, String neq, String regionCode, boolean closed) {
}
