package qc.esac.projects.project;

/** Quantitative indicators carry numbers in a unit; qualitative ones a narrative and a progress label. */
public enum IndicatorKind {
    QUANTITATIVE, QUALITATIVE
}
