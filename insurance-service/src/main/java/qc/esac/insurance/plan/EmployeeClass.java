package qc.esac.insurance.plan;

import qc.esac.kit.problem.FieldViolation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A class of employees and its eligibility rule: who may be insured, after how long, with which coverages.
 *
 * @param waitingPeriodMonths months of service after the hire date before coverage may start (probation)
 * @param minimumWeeklyHours  regular weekly hours below which an employee of the class is not eligible
 */
public record EmployeeClass(String code, String name, int waitingPeriodMonths, BigDecimal minimumWeeklyHours,
                            Set<CoverageCode> coverages) {

    public EmployeeClass {
        coverages = coverages == null || coverages.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(coverages));
    }

    /** First day an employee hired on {@code hireDate} may be covered. */
    public LocalDate eligibleFrom(LocalDate hireDate) {
        return hireDate.plusMonths(waitingPeriodMonths);
    }

    public boolean worksEnoughHours(BigDecimal weeklyHours) {
        return weeklyHours != null && weeklyHours.compareTo(minimumWeeklyHours) >= 0;
    }

    List<FieldViolation> violations(String prefix, Set<CoverageCode> offered) {
        List<FieldViolation> violations = new ArrayList<>();
        if (code == null || !code.matches("[A-Z][A-Z0-9_]{0,29}")) {
            violations.add(FieldViolation.of(prefix + ".code", "regime.code-classe"));
        }
        if (name == null || name.isBlank()) {
            violations.add(FieldViolation.of(prefix + ".name", "regime.champ-requis"));
        }
        if (waitingPeriodMonths < 0 || waitingPeriodMonths > 12) {
            violations.add(FieldViolation.of(prefix + ".waitingPeriodMonths", "regime.delai-carence"));
        }
        if (minimumWeeklyHours == null || minimumWeeklyHours.signum() < 0
                || minimumWeeklyHours.compareTo(BigDecimal.valueOf(60)) > 0) {
            violations.add(FieldViolation.of(prefix + ".minimumWeeklyHours", "regime.heures-minimum"));
        }
        if (coverages.isEmpty()) {
            violations.add(FieldViolation.of(prefix + ".coverages", "regime.classe-sans-garantie"));
        }
        violations.addAll(CoverageCode.requirementViolations(prefix + ".coverages", coverages));
        for (CoverageCode coverage : coverages) {
            if (!offered.contains(coverage)) {
                violations.add(FieldViolation.of(prefix + ".coverages", "regime.garantie-non-offerte", coverage.name()));
            }
        }
        return violations;
    }
}
