package qc.esac.membershipfeed;

import java.time.LocalDate;
import java.util.List;

/**
 * What a service knows of an organization, from membership events (a read model, never written by the service).
 *
 * @param closedOn     the day it ceased activity, null while open: a closed organization stays known (its people's
 *                     attestations and coverages name it)
 * @param illustrative whether membership marked its legal form, region and NEQ as invented (demonstration content);
 *                     absent in events and copies from before the flag, meaning false
 */
public record KnownOrganization(String id, String legalName, String neq, String legalForm, String regionCode,
                                List<String> sectorCodes, LocalDate closedOn, Boolean illustrative) {

    public KnownOrganization {
        sectorCodes = sectorCodes == null ? List.of() : List.copyOf(sectorCodes);
        illustrative = Boolean.TRUE.equals(illustrative);
    }

    public boolean closed() {
        return closedOn != null;
    }
}
