package qc.esac.membership.organization;

import qc.esac.kit.problem.FieldViolation;
import qc.esac.membership.reference.BudgetBand;
import qc.esac.membership.reference.LegalForm;
import qc.esac.membership.reference.Region;
import qc.esac.membership.reference.Sector;

import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * What an organization says about itself: the fields registration and update take. The edge checks formats
 * (Bean Validation); the codes are checked here against the reference lists, so the rule lives in one place
 * whatever the caller.
 *
 * @param illustrative whether the legal form, region and NEQ are invented (demonstration content), so every view
 *                     must tell its reader; absent means false
 */
public record OrganizationProfile(String legalName, String neq, String legalForm, String regionCode,
                                  List<String> regionsServed, List<String> sectorCodes, Integer foundingYear,
                                  Integer fullTimeEmployees, Integer partTimeEmployees, String budgetBand,
                                  String supervisingMinistry, Address address, String preferredLanguage,
                                  Boolean illustrative) {

    public OrganizationProfile {
        legalName = legalName == null ? null : legalName.strip().replaceAll("\\s+", " ");
        regionsServed = distinct(regionsServed);
        sectorCodes = distinct(sectorCodes);
        supervisingMinistry = supervisingMinistry == null || supervisingMinistry.isBlank() ? null
                : supervisingMinistry.strip();
        preferredLanguage = preferredLanguage == null ? "fr" : preferredLanguage;
        // Stored profiles from before the flag have none: they are not illustrative.
        illustrative = Boolean.TRUE.equals(illustrative);
        if (address != null) {
            address = new Address(address.street().strip(), address.city().strip(),
                    address.province() == null ? "QC" : address.province().toUpperCase(),
                    Address.canonicalPostalCode(address.postalCode()));
        }
    }

    /** Every problem of this profile at once, so the form can show them all. */
    public List<FieldViolation> violations(Year currentYear) {
        List<FieldViolation> problems = new ArrayList<>();
        if (Neq.normalize(neq).isEmpty()) {
            problems.add(FieldViolation.of("neq", "esac.validation.neq"));
        }
        if (LegalForm.byCode(legalForm).isEmpty()) {
            problems.add(FieldViolation.of("legalForm", "esac.validation.forme-juridique-inconnue", legalForm));
        }
        if (Region.byCode(regionCode).isEmpty()) {
            problems.add(FieldViolation.of("regionCode", "esac.validation.region"));
        }
        for (int i = 0; i < regionsServed.size(); i++) {
            if (Region.byCode(regionsServed.get(i)).isEmpty()) {
                problems.add(FieldViolation.of("regionsServed[" + i + "]", "esac.validation.region"));
            }
        }
        for (int i = 0; i < sectorCodes.size(); i++) {
            if (Sector.byCode(sectorCodes.get(i)).isEmpty()) {
                problems.add(FieldViolation.of("sectorCodes[" + i + "]", "esac.validation.secteur-inconnu",
                        sectorCodes.get(i)));
            }
        }
        if (budgetBand != null && BudgetBand.byCode(budgetBand).isEmpty()) {
            problems.add(FieldViolation.of("budgetBand", "esac.validation.tranche-budget-inconnue", budgetBand));
        }
        if (foundingYear != null && foundingYear > currentYear.getValue()) {
            problems.add(FieldViolation.of("foundingYear", "esac.validation.annee-future"));
        }
        return problems;
    }

    /** This profile with the NEQ in its stored form; call after {@link #violations} found none. */
    OrganizationProfile normalized() {
        return new OrganizationProfile(legalName, Neq.normalize(neq).orElseThrow(), legalForm, regionCode,
                regionsServed, sectorCodes, foundingYear, fullTimeEmployees, partTimeEmployees, budgetBand,
                supervisingMinistry, address, preferredLanguage, illustrative);
    }

    /** Names of the fields whose value differs from {@code before}, in declaration order. */
    List<String> changedSince(OrganizationProfile before) {
        List<String> changed = new ArrayList<>();
        for (var component : OrganizationProfile.class.getRecordComponents()) {
            try {
                if (!Objects.equals(component.getAccessor().invoke(this), component.getAccessor().invoke(before))) {
                    changed.add(component.getName());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return changed;
    }

    /** Whether the profile says more than the registration event carries. */
    boolean hasDetailsBeyondRegistration() {
        return !regionsServed.isEmpty() || foundingYear != null || fullTimeEmployees != null
                || partTimeEmployees != null || budgetBand != null || supervisingMinistry != null || address != null
                || !"fr".equals(preferredLanguage);
    }

    private static List<String> distinct(List<String> values) {
        return values == null ? List.of() : List.copyOf(new LinkedHashSet<>(values));
    }
}
