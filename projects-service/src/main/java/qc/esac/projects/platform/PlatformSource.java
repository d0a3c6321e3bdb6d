package qc.esac.projects.platform;

import qc.esac.projects.vocabulary.Unit;

/**
 * A platform source an indicator may be bound to instead of manual entry. Each source counts facts about the
 * project's contributing partner organizations, learned from other services' events (see {@link PlatformFacts}).
 *
 * <p>Wiring a new source: add the constant here, and in the listener of the source topic translate its event
 * into a {@link PlatformFact} with {@link PlatformFacts#record}. Nothing else changes: binding, per-period
 * values, freezing on submission and reports are generic.
 */
public enum PlatformSource {

    /** Contributing partners registered on the platform by the end of the period (membership: organization registered). */
    PARTNER_ORGANIZATIONS_REGISTERED(Unit.ORGANISATIONS, Measure.LEVEL, true),
    /** Attestations issued during the period to employees of contributing partners (training: attestation issued). */
    TRAINING_ATTESTATIONS_ISSUED(Unit.ATTESTATIONS, Measure.FLOW, false),
    /** Contributing partners participating in the group insurance plan at the end of the period (insurance). */
    PARTNER_EMPLOYERS_INSURED(Unit.ORGANISATIONS, Measure.LEVEL, false),
    /** Contributing partners that are members in good standing at the end of the period (membership standing). */
    PARTNERS_IN_GOOD_STANDING(Unit.ORGANISATIONS, Measure.LEVEL, false);

    /** How facts make a period's value. */
    public enum Measure {
        /** Facts that happened during the period (e.g. attestations issued); successive periods add up. */
        FLOW,
        /** Facts in force on the period's last day (e.g. organizations insured); each period is a level. */
        LEVEL
    }

    private final Unit unit;
    private final Measure measure;
    private final boolean fed;

    PlatformSource(Unit unit, Measure measure, boolean fed) {
        this.unit = unit;
        this.measure = measure;
        this.fed = fed;
    }

    public Unit unit() {
        return unit;
    }

    public Measure measure() {
        return measure;
    }

    /** Whether events already feed this source; the others are declared so indicators can be bound ahead. */
    public boolean fed() {
        return fed;
    }

    /** A bound indicator is cumulative exactly when its source counts a flow. */
    public boolean cumulative() {
        return measure == Measure.FLOW;
    }
}
