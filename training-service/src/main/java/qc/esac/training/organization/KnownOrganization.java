package qc.esac.training.organization;

import java.time.LocalDate;
import java.util.List;

/** What training shows of an organization it knows from membership events (the shared read model's view). */
public record KnownOrganization(String id, String legalName, String legalForm, String regionCode,
                                List<String> sectorCodes, LocalDate closedOn) {

    static KnownOrganization of(qc.esac.membershipfeed.KnownOrganization known) {
        return new KnownOrganization(known.id(), known.legalName(), known.legalForm(), known.regionCode(),
                known.sectorCodes(), known.closedOn());
    }
}
