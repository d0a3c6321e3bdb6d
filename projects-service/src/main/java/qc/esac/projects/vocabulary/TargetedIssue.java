package qc.esac.projects.vocabulary;

/**
 * The managed vocabulary of issues a strategic-sector project targets ("enjeux ciblés"), so that projects can
 * be searched and compared by issue. Labels live in the message bundles ({@code vocabulaire.enjeu.<CODE>}).
 */
public enum TargetedIssue {
    PENURIE_MAIN_OEUVRE,
    INEGALITES_SOCIOECONOMIQUES,
    ECONOMIE_DE_PROXIMITE,
    DEVELOPPEMENT_ECONOMIQUE_REGIONAL,
    ENTREPRENEURIAT_COLLECTIF,
    VIEILLISSEMENT_POPULATION,
    TRANSFERT_ENTREPRISE,
    AUTONOMIE_ALIMENTAIRE,
    ECONOMIE_CIRCULAIRE_ENVIRONNEMENT,
    GESTION_MATIERES_RESIDUELLES,
    DEVELOPPEMENT_DURABLE,
    VITALITE_COLLECTIVITES,
    INCLUSION_PERSONNES_HANDICAPEES,
    SOUTIEN_PROCHES_AIDANTS,
    DEVELOPPEMENT_PREMIERES_NATIONS,
    IMMOBILIER_ABORDABLE,
    ECONOMIE_LOCALE
}
