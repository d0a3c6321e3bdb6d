package qc.esac.membership.organization;

import java.text.Normalizer;
import java.time.LocalDate;
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

    static Organization register(String id, OrganizationProfile profile, LocalDate today) {
        return new Organization(id, profile, null, today, null, null);
    }

    public boolean closed() {
        return closedOn != null;
    }

    Organization withProfile(OrganizationProfile newProfile) {
        return new Organization(id, newProfile, null, registeredOn, closedOn, closureReason);
    }

    Organization close(LocalDate on, String reason) {
        return new Organization(id, profile, null, registeredOn, on, reason);
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
