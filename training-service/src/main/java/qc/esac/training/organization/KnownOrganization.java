package qc.esac.training.organization;

import java.time.LocalDate;
import java.util.List;

/** What training knows of an organization, learned from membership events (a read model, never written here). */
public record KnownOrganization(String id, String legalName, String legalForm, String regionCode,
                                List<String> sectorCodes, LocalDate closedOn) {
}
