package qc.esac.membership.reference;

import java.util.Optional;

/** Legal forms of the social economy and community action; a cooperative's kind is part of its form. */
public enum LegalForm implements Labelled {

    OBNL("Organisme à but non lucratif (OBNL)", "Non-profit organization", false),
    OSBL_ACA("Organisme d’action communautaire autonome", "Autonomous community action organization", false),
    COOP_SOLIDARITE("Coopérative de solidarité", "Solidarity cooperative", true),
    COOP_TRAVAIL("Coopérative de travail", "Worker cooperative", true),
    COOP_CONSOMMATEURS("Coopérative de consommateurs", "Consumer cooperative", true),
    COOP_PRODUCTEURS("Coopérative de producteurs", "Producer cooperative", true),
    COOP_SANTE("Coopérative de santé", "Health cooperative", true),
    MUTUELLE("Mutuelle", "Mutual", false),
    ENTREPRISE_ES("Entreprise d’économie sociale", "Social economy enterprise", false);

    private final String labelFr;
    private final String labelEn;
    private final boolean cooperative;

    LegalForm(String labelFr, String labelEn, boolean cooperative) {
        this.labelFr = labelFr;
        this.labelEn = labelEn;
        this.cooperative = cooperative;
    }

    @Override
    public String code() {
        return name();
    }

    @Override
    public String labelFr() {
        return labelFr;
    }

    @Override
    public String labelEn() {
        return labelEn;
    }

    public boolean cooperative() {
        return cooperative;
    }

    public static Optional<LegalForm> byCode(String code) {
        return Labelled.byCode(LegalForm.class, code);
    }
}
