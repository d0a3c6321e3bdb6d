package qc.esac.insurance.assessment;

import qc.esac.insurance.plan.CoverageCode;
import qc.esac.insurance.plan.CoverageTerms;
import qc.esac.insurance.plan.EmployeeClass;
import qc.esac.insurance.plan.PlanYear;
import qc.esac.insurance.plan.Tier;
import qc.esac.insurance.premium.Money;
import qc.esac.insurance.premium.PremiumCalculator;
import qc.esac.kit.problem.FieldViolation;
import qc.esac.kit.problem.InvalidInputException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The needs-assessment tool for an organization that does not participate yet: it takes the coverages in the
 * organization's order of priority and keeps each one that still fits the budget (a share of payroll), at the
 * pool's manual rates for its headcount, average salary and family situations. Pure arithmetic.
 */
public final class NeedsAssessment {

    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private NeedsAssessment() {
    }

    /**
     * @param headcountByClass employees per class code of the plan
     * @param annualPayroll    the employees' total annual salaries
     * @param ageBands         optional headcount per age band (kept with a saved assessment for the consultation;
     *                         the pool's rates do not vary by age)
     * @param priorities       coverages in the organization's order of priority
     * @param budgetPercent    what the organization may spend, in percent of payroll (3 to 5 % is common)
     * @param familySituations optional headcount by tier; all single when absent
     */
    public record Inputs(Map<String, Integer> headcountByClass, BigDecimal annualPayroll, Map<String, Integer> ageBands,
                         List<CoverageCode> priorities, BigDecimal budgetPercent, Map<Tier, Integer> familySituations) {
    }

    public record CoverageCost(CoverageCode coverage, String label, BigDecimal monthlyCost, String decision) {

        CoverageCost in(Locale locale) {
            return new CoverageCost(coverage, coverage.label(locale), monthlyCost, decision);
        }
    }

    /**
     * @param drugPlanEmployees        employees a group drug plan would cover, who then no longer pay the public
     *                                 plan's premium
     * @param publicDrugPremiumSavings what those employees together stop paying the public drug plan in a year
     */
    public record Result(int planYear, BigDecimal monthlyBudget, List<CoverageCost> recommended,
                         List<CoverageCost> notRecommended, BigDecimal monthlyCost, BigDecimal annualCost,
                         BigDecimal percentOfPayroll, int drugPlanEmployees, BigDecimal publicDrugPremiumSavings) {

        /** The same result with the coverages' labels in {@code locale}'s language (French unless English). */
        public Result in(Locale locale) {
            return new Result(planYear, monthlyBudget, recommended.stream().map(c -> c.in(locale)).toList(),
                    notRecommended.stream().map(c -> c.in(locale)).toList(), monthlyCost, annualCost, percentOfPayroll,
                    drugPlanEmployees, publicDrugPremiumSavings);
        }
    }

    public static final String INCLUDED = "INCLUDED";
    public static final String OVER_BUDGET = "OVER_BUDGET";
    public static final String NOT_FOR_THESE_CLASSES = "NOT_FOR_THESE_CLASSES";
    /** Included because a coverage of higher priority cannot go without it (basic dental under major dental). */
    public static final String REQUIRED = "REQUIRED";
    /** Not recommended: it needs a coverage these classes cannot have. */
    public static final String REQUIREMENT_NOT_AVAILABLE = "REQUIREMENT_NOT_AVAILABLE";

    public static Result assess(PlanYear plan, Inputs inputs) {
        validate(plan, inputs);
        int headcount = inputs.headcountByClass().values().stream().mapToInt(Integer::intValue).sum();
        BigDecimal averageSalary = inputs.annualPayroll().divide(BigDecimal.valueOf(headcount), Money.WORKING);
        Map<Tier, Integer> tiers = inputs.familySituations() == null || inputs.familySituations().isEmpty()
                ? Map.of(Tier.SINGLE, headcount) : inputs.familySituations();
        BigDecimal monthlyBudget = Money.cents(inputs.annualPayroll().multiply(inputs.budgetPercent())
                .divide(HUNDRED, Money.WORKING).divide(TWELVE, Money.WORKING));

        List<CoverageCost> recommended = new ArrayList<>();
        List<CoverageCost> notRecommended = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        int drugEmployees = 0;
        Set<CoverageCode> included = EnumSet.noneOf(CoverageCode.class);
        for (CoverageCode code : inputs.priorities()) {
            if (included.contains(code)) {
                continue; // already brought in by a coverage that needs it
            }
            int covered = coveredHeadcount(plan, inputs.headcountByClass(), code);
            if (covered == 0) {
                notRecommended.add(new CoverageCost(code, code.labelFr(), BigDecimal.ZERO.setScale(2), NOT_FOR_THESE_CLASSES));
                continue;
            }
            // A coverage comes with what it requires (CoverageCode.requires), or not at all.
            List<CoverageCode> missing = code.requires().stream().filter(r -> !included.contains(r)).sorted().toList();
            if (missing.stream().anyMatch(r -> plan.coverage(r).isEmpty() || coveredHeadcount(plan, inputs.headcountByClass(), r) == 0)) {
                notRecommended.add(new CoverageCost(code, code.labelFr(), BigDecimal.ZERO.setScale(2), REQUIREMENT_NOT_AVAILABLE));
                continue;
            }
            BigDecimal cost = monthlyCost(plan.coverage(code).orElseThrow(), covered, headcount, tiers, averageSalary);
            List<CoverageCost> requirements = missing.stream().map(r -> new CoverageCost(r, r.labelFr(),
                    monthlyCost(plan.coverage(r).orElseThrow(), coveredHeadcount(plan, inputs.headcountByClass(), r),
                            headcount, tiers, averageSalary), REQUIRED)).toList();
            BigDecimal withRequirements = requirements.stream().map(CoverageCost::monthlyCost).reduce(cost, BigDecimal::add);
            if (total.add(withRequirements).compareTo(monthlyBudget) <= 0) {
                total = total.add(withRequirements);
                recommended.addAll(requirements);
                recommended.add(new CoverageCost(code, code.labelFr(), cost, INCLUDED));
                included.add(code);
                included.addAll(missing);
                if (code == CoverageCode.DRUGS) {
                    drugEmployees = covered;
                }
            } else {
                notRecommended.add(new CoverageCost(code, code.labelFr(), withRequirements, OVER_BUDGET));
            }
        }
        BigDecimal annual = Money.cents(total.multiply(TWELVE));
        return new Result(plan.year(), monthlyBudget, recommended, notRecommended, Money.cents(total), annual,
                PremiumCalculator.percentOfPayroll(total, inputs.annualPayroll()), drugEmployees,
                Money.cents(plan.publicDrugPlanAnnualPremium().multiply(BigDecimal.valueOf(drugEmployees))));
    }

    /** The coverage for {@code covered} employees, the family situations spread evenly over them. */
    private static BigDecimal monthlyCost(CoverageTerms terms, int covered, int headcount, Map<Tier, Integer> tiers,
                                          BigDecimal averageSalary) {
        BigDecimal perPerson = BigDecimal.ZERO;
        for (Map.Entry<Tier, Integer> tier : tiers.entrySet()) {
            BigDecimal share = BigDecimal.valueOf(tier.getValue()).divide(BigDecimal.valueOf(headcount), Money.WORKING);
            perPerson = perPerson.add(PremiumCalculator.monthly(terms, tier.getKey(), averageSalary, BigDecimal.ONE)
                    .multiply(share));
        }
        return Money.cents(perPerson.multiply(BigDecimal.valueOf(covered)));
    }

    private static int coveredHeadcount(PlanYear plan, Map<String, Integer> headcountByClass, CoverageCode code) {
        int covered = 0;
        for (Map.Entry<String, Integer> entry : headcountByClass.entrySet()) {
            EmployeeClass employeeClass = plan.employeeClass(entry.getKey()).orElseThrow();
            if (employeeClass.coverages().contains(code)) {
                covered += entry.getValue();
            }
        }
        return covered;
    }

    private static void validate(PlanYear plan, Inputs inputs) {
        List<FieldViolation> violations = new ArrayList<>();
        Map<String, Integer> headcount = inputs.headcountByClass() == null ? Map.of() : inputs.headcountByClass();
        int total = 0;
        for (Map.Entry<String, Integer> entry : headcount.entrySet()) {
            if (plan.employeeClass(entry.getKey()).isEmpty()) {
                violations.add(FieldViolation.of("headcountByClass." + entry.getKey(), "evaluation.classe-inconnue",
                        entry.getKey()));
            }
            if (entry.getValue() == null || entry.getValue() < 0) {
                violations.add(FieldViolation.of("headcountByClass." + entry.getKey(), "evaluation.effectif"));
            } else {
                total += entry.getValue();
            }
        }
        if (total == 0) {
            violations.add(FieldViolation.of("headcountByClass", "evaluation.effectif-requis"));
        }
        if (inputs.annualPayroll() == null || inputs.annualPayroll().signum() <= 0) {
            violations.add(FieldViolation.of("annualPayroll", "evaluation.masse-salariale"));
        }
        if (inputs.budgetPercent() == null || inputs.budgetPercent().signum() <= 0
                || inputs.budgetPercent().compareTo(BigDecimal.valueOf(30)) > 0) {
            violations.add(FieldViolation.of("budgetPercent", "evaluation.budget"));
        }
        List<CoverageCode> priorities = inputs.priorities() == null ? List.of() : inputs.priorities();
        if (priorities.isEmpty()) {
            violations.add(FieldViolation.of("priorities", "evaluation.priorites-requises"));
        }
        Set<CoverageCode> seen = new HashSet<>();
        for (int i = 0; i < priorities.size(); i++) {
            CoverageCode code = priorities.get(i);
            if (code == null || plan.coverage(code).isEmpty()) {
                violations.add(FieldViolation.of("priorities[" + i + "]", "regime.garantie-non-offerte", String.valueOf(code)));
            } else if (!seen.add(code)) {
                violations.add(FieldViolation.of("priorities[" + i + "]", "evaluation.priorite-en-double", code.name()));
            }
        }
        if (inputs.familySituations() != null && !inputs.familySituations().isEmpty()) {
            Map<Tier, Integer> tiers = new EnumMap<>(inputs.familySituations());
            int tierTotal = tiers.values().stream().mapToInt(v -> v == null ? -1 : v).sum();
            if (tiers.values().stream().anyMatch(v -> v == null || v < 0) || tierTotal != total) {
                violations.add(FieldViolation.of("familySituations", "evaluation.situations-familiales", total));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }
}
