package qc.esac.insurance.plan;

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
}
