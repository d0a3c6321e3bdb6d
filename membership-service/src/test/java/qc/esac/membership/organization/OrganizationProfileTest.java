package qc.esac.membership.organization;

import org.junit.jupiter.api.Test;
import qc.esac.kit.problem.FieldViolation;

import java.time.Year;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OrganizationProfileTest {

    private static final Year NOW = Year.of(2026);

    static OrganizationProfile profile(String neq, String legalForm, String region, List<String> served,
                                       List<String> sectors, Integer founded, String band) {
        return new OrganizationProfile("  Centre  d’entraide   Le Phare ", neq, legalForm, region, served, sectors,
                founded, 3, 2, band, null, new Address(" 45, rue Principale ", "Rimouski", null, "g5l1a1"), null, null);
    }

    @Test
    void aValidProfileHasNoViolationsAndIsNormalized() {
        OrganizationProfile p = profile("1161 234 567", "OBNL", "01", List.of("01", "01", "11"),
                List.of("AIDE_DOMICILE"), 1998, "UNDER_100K");

        assertThat(p.violations(NOW)).isEmpty();
        OrganizationProfile normalized = p.normalized();
        assertThat(normalized.neq()).isEqualTo("1161234567");
        assertThat(normalized.legalName()).isEqualTo("Centre d’entraide Le Phare");
        assertThat(normalized.regionsServed()).containsExactly("01", "11");
        assertThat(normalized.address().postalCode()).isEqualTo("G5L 1A1");
        assertThat(normalized.address().province()).isEqualTo("QC");
        assertThat(normalized.preferredLanguage()).isEqualTo("fr");
        assertThat(normalized.illustrative()).as("not illustrative unless said").isFalse();
    }

    @Test
    void everyUnknownCodeIsReportedAtOnceWithItsField() {
        OrganizationProfile p = profile("0000000000", "SARL", "18", List.of("03", "22"),
                List.of("AIDE_DOMICILE", "PECHE"), 2031, "TRES_GROS");

        assertThat(p.violations(NOW)).extracting(FieldViolation::field).containsExactly("neq", "legalForm",
                "regionCode", "regionsServed[1]", "sectorCodes[1]", "budgetBand", "foundingYear");
    }

    @Test
    void changedFieldsAreNamed() {
        OrganizationProfile before = profile("1161234567", "OBNL", "01", List.of(), List.of(), null, null);
        OrganizationProfile after = new OrganizationProfile(before.legalName(), before.neq(), "COOP_SOLIDARITE",
                "01", List.of("01"), List.of(), null, 3, 2, null, null, before.address(), "en", true);

        assertThat(after.changedSince(before)).containsExactly("legalForm", "regionsServed", "preferredLanguage",
                "illustrative");
        assertThat(before.changedSince(before)).isEmpty();
    }
}
