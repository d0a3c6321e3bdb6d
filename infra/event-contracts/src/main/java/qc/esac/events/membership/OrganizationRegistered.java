package qc.esac.events.membership;

import qc.esac.events.EventData;

import java.util.List;

/**
 * An organization was registered on the platform. Subject: the organization id.
 *
 * @param organizationId platform id of the organization
 * @param legalName      legal name
 * @param neq            Quebec enterprise number, 10 digits
 * @param legalForm      legal form code (e.g. {@code OBNL}, {@code COOP_SOLIDARITE})
 * @param regionCode     administrative region code, {@code 01} to {@code 17}
 * @param sectorCodes    sectors of activity codes
 * @param illustrative   whether the legal form, region and NEQ are invented (demonstration content); null in
 *                       events published before the property existed, meaning false
 */
public record OrganizationRegistered(String organizationId, String legalName, String neq, String legalForm,
                                     String regionCode, List<String> sectorCodes, Boolean illustrative)
        implements EventData {

    /** An organization whose profile is not marked illustrative (the shape before the flag existed). */
    public OrganizationRegistered(String organizationId, String legalName, String neq, String legalForm,
                                  String regionCode, List<String> sectorCodes) {
        this(organizationId, legalName, neq, legalForm, regionCode, sectorCodes, null);
    }
}
