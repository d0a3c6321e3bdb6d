package qc.esac.events.membership;

import qc.esac.events.EventData;
import java.util.List;

/**
 * The profile of an organization changed. Carries the whole public profile after the change, so a consumer
 * can replace its copy; changedFields says what changed. Subject: the organization id.
 *
 * @param organizationId Platform id of the organization; also the event subject and the record key.
 * @param legalName Legal name, as registered with the Quebec enterprise register.
 * @param neq Quebec enterprise number (NEQ): exactly ten digits, no spaces.
 * @param legalForm Legal form code, e.g. OBNL, COOP_SOLIDARITE, COOP_TRAVAIL, MUTUELLE, ENTREPRISE_ES,
 *        OSBL_ACA. Open list: consumers must accept codes they do not know.
 * @param regionCode Administrative region of the head office, two digits from 01 to 17.
 * @param regionsServed Administrative regions the organization serves (codes 01 to 17); may be empty.
 * @param sectorCodes Codes of the organization's sectors of activity (the workforce committee's 32 sectors,
 *        e.g. AIDE_DOMICILE); may be empty. Open list.
 * @param foundingYear Year the organization was founded; null when unknown.
 * @param fullTimeEmployees Full-time headcount as declared in the profile; null when not declared.
 * @param partTimeEmployees Part-time headcount as declared in the profile; null when not declared.
 * @param budgetBand Annual budget band code, e.g. UNDER_100K, FROM_100K_TO_300K, FROM_300K_TO_500K,
 *        FROM_500K_TO_1M, FROM_1M_TO_5M, OVER_5M; null when not declared. Open list.
 * @param supervisingMinistry Ministry or public body the organization mainly answers to (free text or
 *        acronym); null when none.
 * @param address Mailing address of the head office; null when not given.
 * @param preferredLanguage Language the organization wants to be written to, fr or en.
 * @param changedFields Names of the properties of this event whose value changed.
 * @param illustrative Whether the legal form, region and NEQ are invented (demonstration content); null in
 *        events published before the property existed, meaning false.
 */
public record OrganizationUpdated(
        String organizationId,
        String legalName,
        String neq,
        String legalForm,
        String regionCode,
        List<String> regionsServed,
        List<String> sectorCodes,
        Integer foundingYear,
        Integer fullTimeEmployees,
        Integer partTimeEmployees,
        String budgetBand,
        String supervisingMinistry,
        PostalAddress address,
        String preferredLanguage,
        List<String> changedFields,
        Boolean illustrative) implements EventData {

    /** A profile not marked illustrative (the shape before the flag existed). */
    public OrganizationUpdated(String organizationId, String legalName, String neq, String legalForm,
                               String regionCode, List<String> regionsServed, List<String> sectorCodes,
                               Integer foundingYear, Integer fullTimeEmployees, Integer partTimeEmployees,
                               String budgetBand, String supervisingMinistry, PostalAddress address,
                               String preferredLanguage, List<String> changedFields) {
        this(organizationId, legalName, neq, legalForm, regionCode, regionsServed, sectorCodes, foundingYear,
                fullTimeEmployees, partTimeEmployees, budgetBand, supervisingMinistry, address, preferredLanguage,
                changedFields, null);
    }
}
