package qc.esac.projects.project;

import qc.esac.projects.platform.PlatformSource;
import qc.esac.projects.vocabulary.Unit;

/**
 * A result a project measures.
 *
 * @param unit               unit of a quantitative indicator ({@code null} for a qualitative one)
 * @param baseline           the level before the project (quantitative)
 * @param target             the level or total aimed at, in {@code unit}
 * @param cumulative         whether the values of successive periods add up (people placed in jobs) or each
 *                           period's value is a level replacing the previous one (organizations involved)
 * @param breakdownDimension what values may be broken down by (e.g. "région"), or {@code null}
 * @param source             the platform source feeding its values, or {@code null} for manual entry
 * @param programmeCode      a code shared by comparable indicators of several projects, so that the programme
 *                           adds them up (e.g. {@code PERSONNES_EN_EMPLOI}), or {@code null}
 * @param illustrative       an example written for a demonstration (indicator and target), not the project's own;
 *                           readers are told so ({@code null}, from documents written before, is false)
 */
public record Indicator(String id, String name, String description, IndicatorKind kind, Unit unit, Double baseline,
                        Double target, boolean cumulative, String breakdownDimension, PlatformSource source,
                        String programmeCode, Boolean illustrative) {

    public Indicator {
        illustrative = Boolean.TRUE.equals(illustrative);
    }

    /** An indicator of the project's own (not illustrative). */
    public Indicator(String id, String name, String description, IndicatorKind kind, Unit unit, Double baseline,
                     Double target, boolean cumulative, String breakdownDimension, PlatformSource source,
                     String programmeCode) {
        this(id, name, description, kind, unit, baseline, target, cumulative, breakdownDimension, source,
                programmeCode, false);
    }

    public boolean isQuantitative() {
        return kind == IndicatorKind.QUANTITATIVE;
    }

    public boolean isBound() {
        return source != null;
    }
}
