package qc.esac.insurance.premium;

import org.junit.jupiter.api.Test;
import qc.esac.insurance.plan.CoverageCode;
import qc.esac.insurance.plan.PlanYear;
import qc.esac.insurance.plan.SamplePlans;
import qc.esac.insurance.plan.Tier;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

class PremiumCalculatorTest {

    private final PlanYear plan = SamplePlans.year(2027);

    @Test
    void perInsuredCoveragesAreRatedByTierTimesTheEmployersFactor() {
        assertThat(monthly(CoverageCode.DRUGS, Tier.SINGLE, null, "1")).isEqualByComparingTo("68.50");
        assertThat(monthly(CoverageCode.DRUGS, Tier.FAMILY, null, "1")).isEqualByComparingTo("171.25");
        // 137.00 * 1.0904 = 149.3848
        assertThat(monthly(CoverageCode.DRUGS, Tier.COUPLE, null, "1.0904")).isEqualByComparingTo("149.38");
    }

    @Test
    void lifeIsRatedPerThousandOfInsuranceUpToTheMaximum() {
        // 1 x 48,000 = 48,000 insured, 48 x 0.22
        assertThat(monthly(CoverageCode.LIFE_ADD, Tier.FAMILY, "48000", "1")).isEqualByComparingTo("10.56");
        // capped at 100,000: 100 x 0.22
        assertThat(monthly(CoverageCode.LIFE_ADD, Tier.SINGLE, "150000", "1")).isEqualByComparingTo("22.00");
    }

    @Test
    void disabilityIsRatedInPercentOfTheInsuredMonthlySalary() {
        // 42,000 / 12 = 3,500 x 2.10 % = 73.50
        assertThat(monthly(CoverageCode.LTD, Tier.SINGLE, "42000", "1")).isEqualByComparingTo("73.50");
        // salary above the 75,000 ceiling: 6,250 x 2.10 % = 131.25
        assertThat(monthly(CoverageCode.LTD, Tier.SINGLE, "90000", "1")).isEqualByComparingTo("131.25");
    }

    @Test
    void premiumIsShownAsAPercentOfPayroll() {
        assertThat(PremiumCalculator.percentOfPayroll(new BigDecimal("700.00"), new BigDecimal("240000")))
                .isEqualByComparingTo("3.50");
        assertThat(PremiumCalculator.percentOfPayroll(new BigDecimal("700.00"), BigDecimal.ZERO)).isEqualByComparingTo("0");
    }

    @Test
    void midMonthChangesAreProratedByTheDay() {
        YearMonth march = YearMonth.of(2027, 3);
        assertThat(Proration.coveredDays(march, LocalDate.of(2027, 3, 16), null)).isEqualTo(16);
        assertThat(Proration.coveredDays(march, LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 10))).isEqualTo(10);
        assertThat(Proration.coveredDays(march, LocalDate.of(2027, 4, 1), null)).isZero();
        assertThat(Proration.coveredDays(march, LocalDate.of(2027, 1, 1), LocalDate.of(2027, 2, 28))).isZero();
        assertThat(Proration.prorate(new BigDecimal("171.25"), march, 16)).isEqualByComparingTo("88.39");
        assertThat(Proration.prorate(new BigDecimal("171.25"), march, 31)).isEqualByComparingTo("171.25");
        assertThat(Proration.coveredDays(YearMonth.of(2027, 12), LocalDate.of(2027, 12, 20), LocalDate.of(2028, 1, 5)))
                .isEqualTo(12);
    }

    private BigDecimal monthly(CoverageCode code, Tier tier, String salary, String factor) {
        return PremiumCalculator.monthly(plan.coverage(code).orElseThrow(), tier,
                salary == null ? null : new BigDecimal(salary), new BigDecimal(factor));
    }
}
