package qc.esac.membership.organization;

import java.util.List;
import java.util.Objects;

/**
 * An organization known to the platform: one identity across every network it belongs to.
 *
 * @param neq Quebec enterprise number (10 digits), unique on the platform
 */
public record Organization(String id, String legalName, String neq, String legalForm, String regionCode,
                           List<String> sectorCodes) {

    public Organization {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(legalName, "legalName");
        Objects.requireNonNull(neq, "neq");
        sectorCodes = sectorCodes == null ? List.of() : List.copyOf(sectorCodes);
    }
}
