package qc.esac.insurance.premium;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The pooling rule: an employer's rate blends its own claims experience with the pool's, weighted by the
 * credibility of that experience, {@code Z = min(1, sqrt(n / n_full))} where n is the employer's insured
 * life-years. Rates are factors of the pool's manual rates (pool = 1), so
 * {@code rate = Z * experience rate + (1 - Z) * pool rate} reads {@code factor = Z * experience + (1 - Z)}.
 * The change from last year's factor is then capped.
 */
public final class CredibilityRating {

    /** Scale of credibility and factors: four decimals. */
    public static final int SCALE = 4;

    private CredibilityRating() {
    }

    public static BigDecimal credibility(BigDecimal lifeYears, BigDecimal fullCredibilityLifeYears) {
        if (lifeYears.signum() <= 0) {
            return BigDecimal.ZERO.setScale(SCALE);
        }
        BigDecimal ratio = lifeYears.divide(fullCredibilityLifeYears, Money.WORKING);
        if (ratio.compareTo(BigDecimal.ONE) >= 0) {
            return BigDecimal.ONE.setScale(SCALE);
        }
        return ratio.sqrt(Money.WORKING).setScale(SCALE, RoundingMode.HALF_UP);
    }

    /**
     * The factor the employer's own experience alone would justify: what it paid times how much its loss
     * ratio exceeds the target. With no premium on record there is no experience: the pool's factor.
     */
    public static BigDecimal experienceFactor(BigDecimal previousFactor, BigDecimal claims, BigDecimal premiums,
                                              BigDecimal targetLossRatio) {
        if (premiums.signum() <= 0) {
            return BigDecimal.ONE;
        }
        BigDecimal lossRatio = claims.divide(premiums, Money.WORKING);
        return previousFactor.multiply(lossRatio, Money.WORKING).divide(targetLossRatio, Money.WORKING);
    }

    /** Renewal of one employer: blend, then cap the yearly change. */
    public static RenewedRate renew(Experience experience, BigDecimal previousFactor, Parameters parameters) {
        BigDecimal z = credibility(experience.lifeYears(), parameters.fullCredibilityLifeYears());
        BigDecimal own = experienceFactor(previousFactor, experience.claims(), experience.premiums(),
                parameters.targetLossRatio());
        BigDecimal blended = z.multiply(own, Money.WORKING).add(BigDecimal.ONE.subtract(z), Money.WORKING);
        BigDecimal floor = previousFactor.multiply(BigDecimal.ONE.subtract(parameters.maximumYearlyChange()), Money.WORKING);
        BigDecimal ceiling = previousFactor.multiply(BigDecimal.ONE.add(parameters.maximumYearlyChange()), Money.WORKING);
        BigDecimal capped = blended.max(floor).min(ceiling);
        return new RenewedRate(z, own.setScale(SCALE, RoundingMode.HALF_UP),
                blended.setScale(SCALE, RoundingMode.HALF_UP), capped.setScale(SCALE, RoundingMode.HALF_UP),
                capped.compareTo(blended) != 0);
    }

    /** An employer's claims experience over the renewal's window: insured life-years, claims paid, premiums paid. */
    public record Experience(BigDecimal lifeYears, BigDecimal claims, BigDecimal premiums) {

        public static final Experience NONE = new Experience(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

        public Experience plus(Experience other) {
            return new Experience(lifeYears.add(other.lifeYears), claims.add(other.claims), premiums.add(other.premiums));
        }
    }

    /** The plan year's pooling parameters. */
    public record Parameters(BigDecimal fullCredibilityLifeYears, BigDecimal maximumYearlyChange,
                             BigDecimal targetLossRatio) {
    }

    /**
     * @param credibility      Z
     * @param experienceFactor the factor the employer's experience alone gives
     * @param blendedFactor    Z-weighted blend with the pool, before the cap
     * @param factor           the new factor, after the cap
     * @param capped           whether the cap changed it
     */
    public record RenewedRate(BigDecimal credibility, BigDecimal experienceFactor, BigDecimal blendedFactor,
                              BigDecimal factor, boolean capped) {
    }
}
