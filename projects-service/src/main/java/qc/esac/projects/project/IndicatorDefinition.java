package qc.esac.projects.project;

import qc.esac.kit.problem.FieldViolation;
import qc.esac.kit.problem.InvalidInputException;
import qc.esac.projects.platform.PlatformSource;
import qc.esac.projects.vocabulary.Unit;

import java.util.ArrayList;
import java.util.List;

/**
 * An indicator as defined or redefined by the lead or the staff; {@link #toIndicator} checks that it makes
 * sense (one place for the rules of an indicator's shape).
 *
 * @param targetUnit   the unit the target is expressed in: it must be the indicator's unit
 * @param illustrative an example for a demonstration rather than the project's own indicator
 */
public record IndicatorDefinition(String name, String description, IndicatorKind kind, Unit unit, Double baseline,
                                  Double target, Unit targetUnit, Boolean cumulative, String breakdownDimension,
                                  PlatformSource source, String programmeCode, boolean illustrative) {

    public IndicatorDefinition(String name, String description, IndicatorKind kind, Unit unit, Double baseline,
                               Double target, Unit targetUnit, Boolean cumulative, String breakdownDimension,
                               PlatformSource source, String programmeCode) {
        this(name, description, kind, unit, baseline, target, targetUnit, cumulative, breakdownDimension, source,
                programmeCode, false);
    }

    Indicator toIndicator(String id) {
        List<FieldViolation> violations = new ArrayList<>();
        Unit effectiveUnit = unit;
        boolean effectiveCumulative = Boolean.TRUE.equals(cumulative);
        if (kind == IndicatorKind.QUALITATIVE) {
            for (var field : new Object[][] {{"unit", unit}, {"baseline", baseline}, {"target", target},
                    {"source", source}, {"breakdownDimension", blankToNull(breakdownDimension)}}) {
                if (field[1] != null) {
                    violations.add(FieldViolation.of((String) field[0], "indicateur.qualitatif-sans-mesure"));
                }
            }
            effectiveCumulative = false;
        } else {
            if (source != null) {
                if (unit != null && unit != source.unit()) {
                    violations.add(FieldViolation.of("unit", "indicateur.unite-de-la-source", source.unit().name()));
                }
                effectiveUnit = source.unit();
                // A flow source's periods add up, a level source's do not: not the caller's choice.
                effectiveCumulative = source.cumulative();
            }
            if (effectiveUnit == null) {
                violations.add(FieldViolation.of("unit", "indicateur.unite-requise"));
            }
            if (target != null && targetUnit != null && effectiveUnit != null && targetUnit != effectiveUnit) {
                violations.add(FieldViolation.of("target.unit", "indicateur.cible-autre-unite",
                        targetUnit.name(), effectiveUnit.name()));
            }
            if (target != null && target < 0) {
                violations.add(FieldViolation.of("target.value", "valeur.negative"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new Indicator(id, name.strip(), description, kind, effectiveUnit, baseline, target, effectiveCumulative,
                blankToNull(breakdownDimension), source, blankToNull(programmeCode), illustrative);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
