package qc.esac.membership.organization;

/** Head-office mailing address; the postal code is kept in the canonical {@code A1A 1A1} form. */
public record Address(String street, String city, String province, String postalCode) {

    /** Canonical postal code: upper case, one space in the middle. */
    static String canonicalPostalCode(String postalCode) {
        String compact = postalCode == null ? "" : postalCode.replaceAll("\\s", "").toUpperCase();
        return compact.length() == 6 ? compact.substring(0, 3) + " " + compact.substring(3) : compact;
    }
}
