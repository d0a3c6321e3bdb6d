package qc.esac.insurance.assessment;

import org.junit.jupiter.api.Test;
import qc.esac.insurance.plan.CoverageCode;
import qc.esac.insurance.plan.PlanYear;
import qc.esac.insurance.plan.SamplePlans;
import qc.esac.insurance.plan.Tier;
import qc.esac.kit.problem.FieldViolation;
import qc.esac.kit.problem.InvalidInputException;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static qc.esac.insurance.plan.CoverageCode.*;

class NeedsAssessmentTest {

    /** The coverages in the order the survey's organizations rank them. */
    private static final List<CoverageCode> SURVEY_ORDER = List.of(LTD, PSYCHOSOCIAL, DRUGS, PHYSICAL_HEALTH, VISION,
            PARAMEDICAL, LIFE_ADD, DENTAL_BASIC, STD, DENTAL_MAJOR);

    private final PlanYear plan = SamplePlans.year(2027);

    @Test
    void recommendsTheHighestPrioritiesThatFitABudgetOfFourPercentOfPayroll() {
        NeedsAssessment.Result result = NeedsAssessment.assess(plan, new NeedsAssessment.Inputs(
                Map.of("FULL_TIME", 4, "PART_TIME", 2), new BigDecimal("240000"), null, SURVEY_ORDER,
                new BigDecimal("4"), null));

        assertThat(result.monthlyBudget()).isEqualByComparingTo("800.00");
        assertThat(result.recommended()).extracting(NeedsAssessment.CoverageCost::coverage)
                .containsExactly(LTD, PSYCHOSOCIAL, DRUGS, PHYSICAL_HEALTH, VISION);
        // LTD for the 4 full-time employees only: 4 x 40,000 / 12 x 2.10 %
        assertThat(result.recommended().get(0).monthlyCost()).isEqualByComparingTo("280.00");
        assertThat(result.notRecommended()).extracting(NeedsAssessment.CoverageCost::coverage)
                .containsExactly(PARAMEDICAL, LIFE_ADD, DENTAL_BASIC, STD, DENTAL_MAJOR);
        assertThat(result.notRecommended()).allSatisfy(c -> assertThat(c.decision()).isEqualTo(NeedsAssessment.OVER_BUDGET));
        // Major dental would fit alone (36.40) but never goes without basic dental, which does not fit: 36.40 + 170.40.
        assertThat(result.notRecommended().get(4).monthlyCost()).isEqualByComparingTo("206.80");
        assertThat(result.monthlyCost()).isEqualByComparingTo("754.00");
        assertThat(result.annualCost()).isEqualByComparingTo("9048.00");
        assertThat(result.percentOfPayroll()).isEqualByComparingTo("3.77");
        // The six employees covered by the group drug plan no longer pay the public plan's premium.
        assertThat(result.drugPlanEmployees()).isEqualTo(6);
        assertThat(result.publicDrugPremiumSavings()).isEqualByComparingTo("4512.00");
    }

    @Test
    void majorDentalIsRecommendedOnlyWithBasicDentalAndEachLabelIsInTheReadersLanguage() {
        NeedsAssessment.Result result = NeedsAssessment.assess(plan, new NeedsAssessment.Inputs(Map.of("FULL_TIME", 4),
                new BigDecimal("160000"), null, List.of(DENTAL_MAJOR, DENTAL_BASIC, DRUGS), new BigDecimal("2"), null));

        assertThat(result.recommended()).extracting(NeedsAssessment.CoverageCost::coverage, NeedsAssessment.CoverageCost::decision)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DENTAL_BASIC, NeedsAssessment.REQUIRED),
                        org.assertj.core.groups.Tuple.tuple(DENTAL_MAJOR, NeedsAssessment.INCLUDED));
        assertThat(result.notRecommended()).extracting(NeedsAssessment.CoverageCost::coverage).containsExactly(DRUGS);
        assertThat(result.recommended().get(0).label()).isEqualTo("Soins dentaires de base");
        assertThat(result.in(java.util.Locale.ENGLISH).recommended().get(0).label()).isEqualTo("Basic dental care");
    }

    @Test
    void aPlanOrAClassOfferingMajorDentalWithoutBasicDentalIsRefused() {
        PlanYear sample = SamplePlans.year(2027);
        PlanYear withoutBasic = new PlanYear(2027, sample.effectiveDate(), sample.coverages().stream()
                .filter(c -> c.code() != DENTAL_BASIC).toList(), List.of(new qc.esac.insurance.plan.EmployeeClass(
                "FULL_TIME", "Temps plein", 3, new BigDecimal("28"), java.util.EnumSet.of(DRUGS, DENTAL_MAJOR))),
                sample.employerShareOptions(), sample.fullCredibilityLifeYears(), sample.maximumYearlyChange(),
                sample.targetLossRatio(), sample.experienceYears(), sample.graceDays(), sample.lateApplicationDays(),
                sample.publicDrugPlanAnnualPremium());

        assertThatThrownBy(withoutBasic::validated).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.violations()).extracting(FieldViolation::field, FieldViolation::code)
                        .contains(org.assertj.core.groups.Tuple.tuple("coverages", "garantie.requiert"),
                                org.assertj.core.groups.Tuple.tuple("classes[0].coverages", "garantie.requiert")));
    }

    @Test
    void familySituationsRaiseTheCostOfTieredCoverages() {
        NeedsAssessment.Result singles = NeedsAssessment.assess(plan, new NeedsAssessment.Inputs(Map.of("FULL_TIME", 4),
                new BigDecimal("160000"), null, List.of(DRUGS), new BigDecimal("10"), null));
        NeedsAssessment.Result families = NeedsAssessment.assess(plan, new NeedsAssessment.Inputs(Map.of("FULL_TIME", 4),
                new BigDecimal("160000"), Map.of("35_ET_MOINS", 3, "36_45", 1), List.of(DRUGS), new BigDecimal("10"),
                Map.of(Tier.SINGLE, 2, Tier.FAMILY, 2)));

        assertThat(singles.monthlyCost()).isEqualByComparingTo("274.00");
        assertThat(families.monthlyCost()).isEqualByComparingTo("479.50"); // 2 x 68.50 + 2 x 171.25
    }

    @Test
    void invalidInputsAreListedFieldByField() {
        NeedsAssessment.Inputs inputs = new NeedsAssessment.Inputs(Map.of("BENEVOLES", 3), BigDecimal.ZERO, null,
                List.of(DRUGS, DRUGS), new BigDecimal("45"), Map.of(Tier.FAMILY, 5));

        assertThatThrownBy(() -> NeedsAssessment.assess(plan, inputs)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.violations()).extracting(FieldViolation::field).containsExactlyInAnyOrder(
                        "headcountByClass.BENEVOLES", "annualPayroll", "budgetPercent", "priorities[1]", "familySituations"));
    }
}
