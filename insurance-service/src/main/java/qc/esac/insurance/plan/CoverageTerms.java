package qc.esac.insurance.plan;

import qc.esac.kit.problem.FieldViolation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One coverage of a plan year and the pool's manual rate for it.
 *
 * @param tierRates          monthly amount per insured by tier ({@link RatingBasis#PER_INSURED_BY_TIER})
 * @param rate               monthly rate per $1,000 of insurance, or in percent of the insured monthly salary
 * @param salaryMultiple     insurance amount as a multiple of the annual salary ({@code PER_THOUSAND_INSURED})
 * @param maximumInsured     ceiling of the insured amount ({@code PER_THOUSAND_INSURED}) or of the insured annual
 *                           salary ({@code PERCENT_OF_SALARY}); null for none
 * @param waivable           whether an employee may waive it when covered elsewhere (e.g. by a spouse's plan)
 */
public record CoverageTerms(CoverageCode code, RatingBasis basis, Map<Tier, BigDecimal> tierRates, BigDecimal rate,
                            BigDecimal salaryMultiple, BigDecimal maximumInsured, boolean waivable) {

    public CoverageTerms {
        tierRates = tierRates == null || tierRates.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(tierRates));
    }

    public static CoverageTerms perInsured(CoverageCode code, String single, String couple, String family,
                                           boolean waivable) {
        return new CoverageTerms(code, RatingBasis.PER_INSURED_BY_TIER, Map.of(Tier.SINGLE, new BigDecimal(single),
                Tier.COUPLE, new BigDecimal(couple), Tier.FAMILY, new BigDecimal(family)), null, null, null, waivable);
    }

    public static CoverageTerms perThousand(CoverageCode code, String rate, String salaryMultiple, String maximum) {
        return new CoverageTerms(code, RatingBasis.PER_THOUSAND_INSURED, null, new BigDecimal(rate),
                new BigDecimal(salaryMultiple), maximum == null ? null : new BigDecimal(maximum), false);
    }

    public static CoverageTerms percentOfSalary(CoverageCode code, String percent, String maximumAnnualSalary) {
        return new CoverageTerms(code, RatingBasis.PERCENT_OF_SALARY, null, new BigDecimal(percent), null,
                maximumAnnualSalary == null ? null : new BigDecimal(maximumAnnualSalary), false);
    }

    /** What is wrong with these terms, field paths relative to {@code prefix}. */
    List<FieldViolation> violations(String prefix) {
        List<FieldViolation> violations = new ArrayList<>();
        if (code == null) {
            violations.add(FieldViolation.of(prefix + ".code", "regime.champ-requis"));
        }
        if (basis == null) {
            violations.add(FieldViolation.of(prefix + ".basis", "regime.champ-requis"));
            return violations;
        }
        switch (basis) {
            case PER_INSURED_BY_TIER -> {
                for (Tier tier : Tier.values()) {
                    BigDecimal value = tierRates.get(tier);
                    if (value == null || value.signum() < 0) {
                        violations.add(FieldViolation.of(prefix + ".tierRates." + tier, "regime.taux-par-niveau-requis"));
                    }
                }
            }
            case PER_THOUSAND_INSURED -> {
                requirePositive(violations, prefix + ".rate", rate);
                requirePositive(violations, prefix + ".salaryMultiple", salaryMultiple);
            }
            case PERCENT_OF_SALARY -> requirePositive(violations, prefix + ".rate", rate);
        }
        if (maximumInsured != null && maximumInsured.signum() <= 0) {
            violations.add(FieldViolation.of(prefix + ".maximumInsured", "regime.montant-positif"));
        }
        return violations;
    }

    private static void requirePositive(List<FieldViolation> violations, String field, BigDecimal value) {
        if (value == null || value.signum() <= 0) {
            violations.add(FieldViolation.of(field, "regime.montant-positif"));
        }
    }
}
