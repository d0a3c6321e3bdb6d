package qc.esac.insurance.plan;

import org.junit.jupiter.api.Test;
import qc.esac.kit.problem.FieldViolation;
import qc.esac.kit.problem.InvalidInputException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlanYearTest {

    @Test
    void theSamplePlanIsValid() {
        PlanYear plan = SamplePlans.year(2027).validated();
        assertThat(plan.offeredCoverages()).hasSize(10);
        assertThat(plan.endDate()).isEqualTo(LocalDate.of(2027, 12, 31));
        assertThat(plan.employeeClass("PART_TIME")).hasValueSatisfying(c -> {
            assertThat(c.eligibleFrom(LocalDate.of(2027, 1, 31))).isEqualTo(LocalDate.of(2027, 4, 30));
            assertThat(c.worksEnoughHours(new BigDecimal("14"))).isTrue();
            assertThat(c.worksEnoughHours(new BigDecimal("13.5"))).isFalse();
        });
    }

    @Test
    void everyInvalidFieldIsListed() {
        PlanYear sample = SamplePlans.year(2027);
        PlanYear broken = new PlanYear(2027, LocalDate.of(2020, 1, 1),
                List.of(sample.coverages().get(0), sample.coverages().get(0),
                        new CoverageTerms(CoverageCode.VISION, RatingBasis.PER_INSURED_BY_TIER, null, null, null, null, true)),
                List.of(new EmployeeClass("temps plein", "", 3, new BigDecimal("-1"), EnumSet.of(CoverageCode.DRUGS))),
                List.of(50, 120), new BigDecimal("1500"), new BigDecimal("1.5"), new BigDecimal("0.8"), 3, 60, 31,
                new BigDecimal("752"));

        assertThatThrownBy(broken::validated).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.violations()).extracting(FieldViolation::field).containsExactlyInAnyOrder(
                        "effectiveDate", "coverages[1].code", "coverages[2].tierRates.SINGLE",
                        "coverages[2].tierRates.COUPLE", "coverages[2].tierRates.FAMILY", "classes[0].code",
                        "classes[0].name", "classes[0].minimumWeeklyHours", "classes[0].coverages",
                        "employerShareOptions", "maximumYearlyChange"));
    }

    @Test
    void tierFollowsTheDependants() {
        assertThat(Tier.of(List.of())).isEqualTo(Tier.SINGLE);
        assertThat(Tier.of(List.of(DependantKind.SPOUSE))).isEqualTo(Tier.COUPLE);
        assertThat(Tier.of(List.of(DependantKind.CHILD))).isEqualTo(Tier.FAMILY);
        assertThat(Tier.of(List.of(DependantKind.SPOUSE, DependantKind.CHILD, DependantKind.CHILD))).isEqualTo(Tier.FAMILY);
    }
}
