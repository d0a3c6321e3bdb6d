package qc.esac.membership.organization;

import qc.esac.events.EventData;
import qc.esac.events.membership.OrganizationClosed;
import qc.esac.events.membership.OrganizationRegistered;
import qc.esac.events.membership.OrganizationUpdated;
import qc.esac.events.membership.PostalAddress;
import qc.esac.kit.domain.Change;
import qc.esac.kit.problem.BusinessRuleException;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An organization known to the platform: one identity across every network it belongs to. A closed
 * organization stays known, read-only.
 *
 * @param searchName the legal name folded (lower case, no accents) for searching
 */
public record Organization(String id, OrganizationProfile profile, String searchName, LocalDate registeredOn,
                           LocalDate closedOn, String closureReason) {

    public Organization {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(profile, "profile");
        searchName = fold(profile.legalName());
    }

    /** A new organization, with what the platform learns of it. */
    static Change<Organization> register(String id, OrganizationProfile profile, LocalDate today) {
        Organization organization = new Organization(id, profile, null, today, null, null);
        List<EventData> events = new ArrayList<>();
        events.add(organization.registered());
        if (profile.hasDetailsBeyondRegistration()) {
            // The registered event's shape is frozen; the full profile travels in an update right behind it.
            List<String> details = profile.changedSince(new OrganizationProfile(profile.legalName(), profile.neq(),
                    profile.legalForm(), profile.regionCode(), List.of(), profile.sectorCodes(), null, null, null,
                    null, null, null, "fr", profile.illustrative()));
            events.add(organization.updated(details));
        }
        return Change.of(organization, events);
    }

    public boolean closed() {
        return closedOn != null;
    }

    /** A new profile; nothing to write when no field changed. A closed organization is read-only. */
    Change<Organization> changeProfile(OrganizationProfile newProfile) {
        requireOpen();
        List<String> changed = newProfile.changedSince(profile);
        if (changed.isEmpty()) {
            return Change.unchanged();
        }
        Organization next = new Organization(id, newProfile, null, registeredOn, closedOn, closureReason);
        return Change.of(next, next.updated(changed));
    }

    Change<Organization> close(LocalDate on, String reason) {
        requireOpen();
        Organization closed = new Organization(id, profile, null, registeredOn, on, reason);
        return Change.of(closed, new OrganizationClosed(id, profile.legalName(), profile.neq(), on, reason));
    }

    private void requireOpen() {
        if (closed()) {
            throw new BusinessRuleException("organisation.fermee", id);
        }
    }

    private OrganizationRegistered registered() {
        return new OrganizationRegistered(id, profile.legalName(), profile.neq(), profile.legalForm(),
                profile.regionCode(), profile.sectorCodes(), profile.illustrative());
    }

    private OrganizationUpdated updated(List<String> changed) {
        OrganizationProfile p = profile;
        Address a = p.address();
        return new OrganizationUpdated(id, p.legalName(), p.neq(), p.legalForm(), p.regionCode(),
                p.regionsServed(), p.sectorCodes(), p.foundingYear(), p.fullTimeEmployees(), p.partTimeEmployees(),
                p.budgetBand(), p.supervisingMinistry(),
                a == null ? null : new PostalAddress(a.street(), a.city(), a.province(), a.postalCode()),
                p.preferredLanguage(), changed, p.illustrative());
    }

    /** Lower case without accents or repeated spaces, for accent-insensitive search. */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[’']", "'").replaceAll("\\s+", " ").strip();
    }
}
