package qc.esac.projects.vocabulary;

/**
 * Units of quantitative indicators. A closed list so that values of several projects can be added up for the
 * programme only when they count the same thing.
 */
public enum Unit {
    PERSONNES,
    ORGANISATIONS,
    ENTREPRISES,
    EMPLOIS,
    ATTESTATIONS,
    ACTIVITES,
    HEURES,
    DOLLARS,
    POURCENTAGE,
    LOGEMENTS,
    TONNES
}
