package qc.esac.events.membership;

/**
 * A Canadian mailing address, as organization events carry it.
 *
 * @param street     civic number and street, with unit if any
 * @param city       municipality
 * @param province   two-letter province or territory code, {@code QC} for Quebec
 * @param postalCode postal code written {@code A1A 1A1}
 */
public record PostalAddress(String street, String city, String province, String postalCode) {
}
