package qc.esac.insurance.premium;

import qc.esac.insurance.plan.CoverageTerms;
import qc.esac.insurance.plan.Tier;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The monthly premium of one coverage for one insured: the pool's manual rate for the coverage, the tier or the
 * salary, times the employer's rate factor (1 = the pool's rate). Rounded to the cent.
 */
public final class PremiumCalculator {

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal MONTHS = BigDecimal.valueOf(12);

    private PremiumCalculator() {
    }

    /**
     * @param annualSalary the insured's annual salary; only read for salary-rated coverages
     * @param rateFactor   the employer's rate relative to the pool's manual rates
     */
    public static BigDecimal monthly(CoverageTerms terms, Tier tier, BigDecimal annualSalary, BigDecimal rateFactor) {
        BigDecimal manual = switch (terms.basis()) {
            case PER_INSURED_BY_TIER -> terms.tierRates().get(tier);
            case PER_THOUSAND_INSURED -> {
                BigDecimal insured = capped(requireSalary(annualSalary).multiply(terms.salaryMultiple()), terms.maximumInsured());
                yield insured.divide(THOUSAND, Money.WORKING).multiply(terms.rate(), Money.WORKING);
            }
            case PERCENT_OF_SALARY -> {
                BigDecimal insuredMonthly = capped(requireSalary(annualSalary), terms.maximumInsured())
                        .divide(MONTHS, Money.WORKING);
                yield insuredMonthly.multiply(terms.rate(), Money.WORKING).divide(HUNDRED, Money.WORKING);
            }
        };
        return Money.cents(manual.multiply(rateFactor, Money.WORKING));
    }

    /** Premium as a percentage of payroll, two decimals: what organizations compare with their 3-5 % budget. */
    public static BigDecimal percentOfPayroll(BigDecimal monthlyPremium, BigDecimal annualPayroll) {
        if (annualPayroll == null || annualPayroll.signum() <= 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return monthlyPremium.multiply(MONTHS).multiply(HUNDRED)
                .divide(annualPayroll, 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal capped(BigDecimal amount, BigDecimal maximum) {
        return maximum == null ? amount : amount.min(maximum);
    }

    private static BigDecimal requireSalary(BigDecimal annualSalary) {
        if (annualSalary == null) {
            throw new IllegalArgumentException("A salary-rated coverage needs the insured's salary");
        }
        return annualSalary;
    }
}
