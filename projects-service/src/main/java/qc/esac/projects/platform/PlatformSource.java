package qc.esac.projects.platform;

import qc.esac.projects.vocabulary.Unit;

/**
 * A platform source an indicator may be bound to instead of manual entry. Each source counts facts about the
 * project's contributing partner organizations, learned from other services' events (see {@link PlatformFacts}).
 *
 * <p>Wiring a new source: add the constant here, and in the listener of the source topic translate its events
 * into facts: {@link PlatformFacts#record} for something that happened, {@link PlatformFacts#begin} and
 * {@link PlatformFacts#end} for a standing that starts and ends. Nothing else changes: binding, per-period
 * values, freezing on submission and reports are generic.
 */
public enum PlatformSource {

    /** Contributing partners registered on the platform by the end of the period (membership: organization registered). */
    PARTNER_ORGANIZATIONS_REGISTERED(Unit.ORGANISATIONS, Measure.LEVEL),
    /** Attestations issued during the period to employees of contributing partners (training: attestation issued). */
    TRAINING_ATTESTATIONS_ISSUED(Unit.ATTESTATIONS, Measure.FLOW),
    /** Contributing partners whose participation in a group insurance plan is in force on the period's last day (insurance). */
    PARTNER_EMPLOYERS_INSURED(Unit.ORGANISATIONS, Measure.LEVEL),
    /** Contributing partners that are members in good standing of a network on the period's last day (membership standing). */
    PARTNERS_IN_GOOD_STANDING(Unit.ORGANISATIONS, Measure.LEVEL);

    /** How facts make a period's value. */
    public enum Measure {
        /** Facts that happened during the period (e.g. attestations issued); successive periods add up. */
        FLOW,
        /** Facts in force on the period's last day (e.g. organizations insured); each period is a level. */
        LEVEL
    }

    private final Unit unit;
    private final Measure measure;
    PlatformSource(Unit unit, Measure measure) {
        this.unit = unit;
        this.measure = measure;
    }

    public Unit unit() {
        return unit;
    }

    public Measure measure() {
        return measure;
    }

    /**
     * Whether the value counts organizations (each once, whatever the number of facts about it, e.g. two
     * memberships in good standing) rather than facts (each attestation).
     */
    public boolean countsOrganizations() {
        return unit == Unit.ORGANISATIONS;
    }

    /** A bound indicator is cumulative exactly when its source counts a flow. */
    public boolean cumulative() {
        return measure == Measure.FLOW;
    }
}
