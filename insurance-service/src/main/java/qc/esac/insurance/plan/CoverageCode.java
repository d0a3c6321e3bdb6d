package qc.esac.insurance.plan;

import qc.esac.kit.problem.FieldViolation;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The coverages the association's plan may offer, in the order member organizations rank them (survey of
 * the association, 2023). Codes are stable identifiers used in events and invoices.
 */
public enum CoverageCode {
    LTD("Assurance invalidité de longue durée", "Long-term disability"),
    PSYCHOSOCIAL("Soins de santé psychosociaux", "Psychosocial care"),
    DRUGS("Médicaments d’ordonnance", "Prescription drugs"),
    PHYSICAL_HEALTH("Soins de santé physique", "Physical health care"),
    VISION("Soins de la vue", "Vision care"),
    PARAMEDICAL("Services paramédicaux", "Paramedical services"),
    LIFE_ADD("Assurance vie et mutilation accidentelle", "Life and accidental death and dismemberment"),
    DENTAL_BASIC("Soins dentaires de base", "Basic dental care"),
    STD("Assurance invalidité de courte durée", "Short-term disability"),
    DENTAL_MAJOR("Soins dentaires majeurs", "Major dental care");

    private final String labelFr;
    private final String labelEn;

    CoverageCode(String labelFr, String labelEn) {
        this.labelFr = labelFr;
        this.labelEn = labelEn;
    }

    public String labelFr() {
        return labelFr;
    }

    public String labelEn() {
        return labelEn;
    }

    /** The label in the reader's language: English when asked for, French otherwise. */
    public String label(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? labelEn : labelFr;
    }

    /**
     * Coverages this one is never offered, chosen or held without: major dental care completes basic dental care
     * (the insurer's contracts do not sell it alone). The plan, the employer's choice, an enrolment's waivers and
     * the needs assessment all follow this one rule.
     */
    public Set<CoverageCode> requires() {
        return this == DENTAL_MAJOR ? EnumSet.of(DENTAL_BASIC) : EnumSet.noneOf(CoverageCode.class);
    }

    /** The coverages of {@code chosen} that lack one of their requirements in {@code chosen}. */
    public static Set<CoverageCode> withoutRequirements(Set<CoverageCode> chosen) {
        Set<CoverageCode> incomplete = EnumSet.noneOf(CoverageCode.class);
        for (CoverageCode code : chosen) {
            if (!chosen.containsAll(code.requires())) {
                incomplete.add(code);
            }
        }
        return incomplete;
    }

    /** One violation of {@code field} per coverage of {@code chosen} lacking a requirement (code {@code garantie.requiert}). */
    public static List<FieldViolation> requirementViolations(String field, Set<CoverageCode> chosen) {
        List<FieldViolation> violations = new ArrayList<>();
        for (CoverageCode code : withoutRequirements(chosen)) {
            for (CoverageCode missing : code.requires()) {
                if (!chosen.contains(missing)) {
                    violations.add(FieldViolation.of(field, "garantie.requiert", code.name(), missing.name()));
                }
            }
        }
        return violations;
    }
}
