package qc.esac.projects.reporting;

import qc.esac.kit.problem.BusinessRuleException;
import qc.esac.kit.problem.FieldViolation;
import qc.esac.kit.problem.InvalidInputException;
import qc.esac.projects.project.Indicator;
import qc.esac.projects.vocabulary.Unit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * A value as a partner submits it; {@link #toEntry} checks it against its indicator (one place for what a
 * valid value is).
 *
 * @param unit the unit the value is expressed in, if the client states it: it must be the indicator's
 */
public record ValueInput(Double value, Unit unit, List<BreakdownValue> breakdown, String narrative,
                         ProgressLabel progressLabel) {

    private static final double TOLERANCE = 1e-9;

    public ValueInput {
        breakdown = breakdown == null ? List.of() : List.copyOf(breakdown);
        narrative = narrative == null || narrative.isBlank() ? null : narrative.strip();
    }

    Entry toEntry(Indicator indicator, String organizationId, LocalDate today, String by) {
        if (indicator.isBound()) {
            throw new BusinessRuleException("valeur.indicateur-alimente", indicator.name());
        }
        List<FieldViolation> violations = new ArrayList<>();
        Double effective = value;
        if (indicator.isQuantitative()) {
            if (unit != null && unit != indicator.unit()) {
                violations.add(FieldViolation.of("unit", "valeur.autre-unite", unit.name(), indicator.unit().name()));
            }
            if (!breakdown.isEmpty()) {
                if (indicator.breakdownDimension() == null) {
                    violations.add(FieldViolation.of("breakdown", "valeur.ventilation-non-prevue"));
                }
                if (new HashSet<>(breakdown.stream().map(BreakdownValue::key).toList()).size() != breakdown.size()) {
                    violations.add(FieldViolation.of("breakdown", "valeur.ventilation-en-double"));
                }
                double sum = breakdown.stream().mapToDouble(BreakdownValue::value).sum();
                if (effective == null) {
                    effective = sum;
                } else if (Math.abs(effective - sum) > TOLERANCE) {
                    violations.add(FieldViolation.of("value", "valeur.total-different-ventilation"));
                }
                if (breakdown.stream().anyMatch(b -> b.value() < 0)) {
                    violations.add(FieldViolation.of("breakdown", "valeur.negative"));
                }
            }
            if (effective == null) {
                violations.add(FieldViolation.of("value", "valeur.requise"));
            } else if (effective < 0) {
                violations.add(FieldViolation.of("value", "valeur.negative"));
            }
        } else {
            if (value != null || !breakdown.isEmpty()) {
                violations.add(FieldViolation.of("value", "valeur.qualitatif-sans-nombre"));
            }
            if (narrative == null) {
                violations.add(FieldViolation.of("narrative", "valeur.recit-requis"));
            }
            if (progressLabel == null) {
                violations.add(FieldViolation.of("progressLabel", "valeur.appreciation-requise"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new Entry(indicator.id(), organizationId, effective, breakdown, narrative, progressLabel, today, by);
    }
}
