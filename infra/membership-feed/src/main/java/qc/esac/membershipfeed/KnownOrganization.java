package qc.esac.membershipfeed;

import java.time.LocalDate;
import java.util.List;

/**
 * What a service knows of an organization, from membership events (a read model, never written by the service).
 *
 * @param closedOn the day it ceased activity, null while open: a closed organization stays known (its people's
 *                 attestations and coverages name it)
 */
public record KnownOrganization(String id, String legalName, String neq, String legalForm, String regionCode,
                                List<String> sectorCodes, LocalDate closedOn) {

    public KnownOrganization {
        sectorCodes = sectorCodes == null ? List.of() : List.copyOf(sectorCodes);
    }

    public boolean closed() {
        return closedOn != null;
    }
}
