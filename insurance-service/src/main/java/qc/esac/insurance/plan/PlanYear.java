package qc.esac.insurance.plan;

import qc.esac.kit.problem.FieldViolation;
import qc.esac.kit.problem.InvalidInputException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The association's group plan for one plan year: coverages and the pool's manual rates, classes of
 * employees, cost-sharing options and the parameters of the pooling rules. A new year is a new version;
 * a year already in force is not rewritten (renewal creates the next one).
 *
 * @param year                        plan year, e.g. 2027
 * @param effectiveDate               first day of the plan year (renewal date)
 * @param coverages                   coverages offered, with the pool's manual rates
 * @param classes                     classes of employees
 * @param employerShareOptions        employer's share of the premium an employer may choose, in percent
 * @param fullCredibilityLifeYears    n_full: insured life-years at which an employer's own experience is fully
 *                                    credible (Z = 1)
 * @param maximumYearlyChange         cap on an employer's rate change from one year to the next (0.10 = 10 %)
 * @param targetLossRatio             claims the premiums are expected to pay (0.80 = 80 %), the experience baseline
 * @param experienceYears             how many past plan years of claims experience a renewal considers
 * @param graceDays                   days a participation stays in force after the employer's membership lapsed
 * @param lateApplicationDays         days after eligibility within which enrolment is accepted without evidence
 *                                    of insurability (31)
 * @param publicDrugPlanAnnualPremium the public drug plan's maximum annual premium an employee covered by a group
 *                                    drug plan no longer pays (RGAMQ)
 */
public record PlanYear(int year, LocalDate effectiveDate, List<CoverageTerms> coverages, List<EmployeeClass> classes,
                       List<Integer> employerShareOptions, BigDecimal fullCredibilityLifeYears,
                       BigDecimal maximumYearlyChange, BigDecimal targetLossRatio, int experienceYears,
                       int graceDays, int lateApplicationDays, BigDecimal publicDrugPlanAnnualPremium) {

    public PlanYear {
        coverages = coverages == null ? List.of() : List.copyOf(coverages);
        classes = classes == null ? List.of() : List.copyOf(classes);
        employerShareOptions = employerShareOptions == null ? List.of() : List.copyOf(employerShareOptions);
    }

    /** Last day of the plan year. */
    public LocalDate endDate() {
        return effectiveDate.plusYears(1).minusDays(1);
    }

    public Optional<CoverageTerms> coverage(CoverageCode code) {
        return coverages.stream().filter(c -> c.code() == code).findFirst();
    }

    public Optional<EmployeeClass> employeeClass(String code) {
        return classes.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    public Set<CoverageCode> offeredCoverages() {
        Set<CoverageCode> codes = EnumSet.noneOf(CoverageCode.class);
        coverages.forEach(c -> codes.add(c.code()));
        return codes;
    }

    /** @throws InvalidInputException listing every invalid field */
    public PlanYear validated() {
        List<FieldViolation> violations = new ArrayList<>();
        if (year < 2000 || year > 2200) {
            violations.add(FieldViolation.of("year", "regime.annee"));
        }
        if (effectiveDate == null) {
            violations.add(FieldViolation.of("effectiveDate", "regime.champ-requis"));
        } else if (effectiveDate.getYear() != year && effectiveDate.getYear() != year - 1) {
            violations.add(FieldViolation.of("effectiveDate", "regime.date-annee", year));
        }
        if (coverages.isEmpty()) {
            violations.add(FieldViolation.of("coverages", "regime.sans-garantie"));
        }
        Set<CoverageCode> seen = EnumSet.noneOf(CoverageCode.class);
        for (int i = 0; i < coverages.size(); i++) {
            CoverageTerms terms = coverages.get(i);
            violations.addAll(terms.violations("coverages[" + i + "]"));
            if (terms.code() != null && !seen.add(terms.code())) {
                violations.add(FieldViolation.of("coverages[" + i + "].code", "regime.garantie-en-double", terms.code()));
            }
        }
        violations.addAll(CoverageCode.requirementViolations("coverages", seen));
        if (classes.isEmpty()) {
            violations.add(FieldViolation.of("classes", "regime.sans-classe"));
        }
        Set<String> classCodes = new HashSet<>();
        for (int i = 0; i < classes.size(); i++) {
            EmployeeClass employeeClass = classes.get(i);
            violations.addAll(employeeClass.violations("classes[" + i + "]", seen));
            if (employeeClass.code() != null && !classCodes.add(employeeClass.code())) {
                violations.add(FieldViolation.of("classes[" + i + "].code", "regime.classe-en-double", employeeClass.code()));
            }
        }
        if (employerShareOptions.isEmpty() || employerShareOptions.stream().anyMatch(p -> p == null || p < 0 || p > 100)) {
            violations.add(FieldViolation.of("employerShareOptions", "regime.partage-couts"));
        }
        if (fullCredibilityLifeYears == null || fullCredibilityLifeYears.signum() <= 0) {
            violations.add(FieldViolation.of("fullCredibilityLifeYears", "regime.montant-positif"));
        }
        if (maximumYearlyChange == null || maximumYearlyChange.signum() < 0 || maximumYearlyChange.compareTo(BigDecimal.ONE) > 0) {
            violations.add(FieldViolation.of("maximumYearlyChange", "regime.fraction"));
        }
        if (targetLossRatio == null || targetLossRatio.signum() <= 0 || targetLossRatio.compareTo(BigDecimal.ONE) > 0) {
            violations.add(FieldViolation.of("targetLossRatio", "regime.fraction"));
        }
        if (experienceYears < 1 || experienceYears > 5) {
            violations.add(FieldViolation.of("experienceYears", "regime.annees-experience"));
        }
        if (graceDays < 0 || graceDays > 180) {
            violations.add(FieldViolation.of("graceDays", "regime.delai-grace"));
        }
        if (lateApplicationDays < 0 || lateApplicationDays > 90) {
            violations.add(FieldViolation.of("lateApplicationDays", "regime.delai-adhesion"));
        }
        if (publicDrugPlanAnnualPremium == null || publicDrugPlanAnnualPremium.signum() < 0) {
            violations.add(FieldViolation.of("publicDrugPlanAnnualPremium", "regime.montant-positif"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return this;
    }
}
