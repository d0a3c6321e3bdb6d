package qc.esac.insurance.premium;

import org.junit.jupiter.api.Test;
import qc.esac.insurance.premium.CredibilityRating.Experience;
import qc.esac.insurance.premium.CredibilityRating.Parameters;
import qc.esac.insurance.premium.CredibilityRating.RenewedRate;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class CredibilityRatingTest {

    private static final Parameters POOL = new Parameters(new BigDecimal("1500"), new BigDecimal("0.10"),
            new BigDecimal("0.80"));

    @Test
    void credibilityGrowsWithTheSquareRootOfLifeYearsAndStopsAtOne() {
        assertThat(CredibilityRating.credibility(BigDecimal.ZERO, new BigDecimal("1500"))).isEqualByComparingTo("0");
        assertThat(CredibilityRating.credibility(new BigDecimal("6"), new BigDecimal("1500"))).isEqualByComparingTo("0.0632");
        assertThat(CredibilityRating.credibility(new BigDecimal("375"), new BigDecimal("1500"))).isEqualByComparingTo("0.5");
        assertThat(CredibilityRating.credibility(new BigDecimal("1500"), new BigDecimal("1500"))).isEqualByComparingTo("1");
        assertThat(CredibilityRating.credibility(new BigDecimal("9000"), new BigDecimal("1500"))).isEqualByComparingTo("1");
    }

    /**
     * The worked example: six employees, three of them on disability in the same year. Claims of $42,000 against
     * $21,600 of premiums would more than double a stand-alone group's rate; inside the pool the employer's rate
     * moves by a few percent.
     */
    @Test
    void aSixEmployeeEmployerWithThreeDisabilityClaimsKeepsARateCloseToThePools() {
        Experience sixEmployeesOneYear = new Experience(new BigDecimal("6"), new BigDecimal("42000"), new BigDecimal("21600"));

        RenewedRate rate = CredibilityRating.renew(sixEmployeesOneYear, BigDecimal.ONE, POOL);

        assertThat(rate.experienceFactor()).as("its own experience alone").isEqualByComparingTo("2.4306");
        assertThat(rate.credibility()).isEqualByComparingTo("0.0632");
        // 0.0632 * 2.430556 + 0.9368 = 1.090411
        assertThat(rate.blendedFactor()).isEqualByComparingTo("1.0904");
        assertThat(rate.factor()).isEqualByComparingTo("1.0904");
        assertThat(rate.capped()).isFalse();
        assertThat(rate.factor().subtract(BigDecimal.ONE).abs()).isLessThan(new BigDecimal("0.10"));
    }

    @Test
    void aLargeEmployersRateFollowsItsOwnExperience() {
        // 500 employees over the three years of the window: fully credible.
        Experience large = new Experience(new BigDecimal("1500"), new BigDecimal("1368000"), new BigDecimal("1800000"));

        RenewedRate rate = CredibilityRating.renew(large, BigDecimal.ONE, POOL);

        assertThat(rate.credibility()).isEqualByComparingTo("1");
        assertThat(rate.experienceFactor()).isEqualByComparingTo("0.95"); // loss ratio 76 % against 80 %
        assertThat(rate.factor()).isEqualByComparingTo(rate.experienceFactor());
        assertThat(rate.capped()).isFalse();
    }

    @Test
    void theYearlyChangeIsCappedBothWays() {
        Experience bad = new Experience(new BigDecimal("2000"), new BigDecimal("3000000"), new BigDecimal("2000000"));
        Experience good = new Experience(new BigDecimal("2000"), new BigDecimal("600000"), new BigDecimal("2000000"));

        RenewedRate up = CredibilityRating.renew(bad, new BigDecimal("1.05"), POOL);
        RenewedRate down = CredibilityRating.renew(good, new BigDecimal("1.05"), POOL);

        assertThat(up.blendedFactor()).isEqualByComparingTo("1.9688");
        assertThat(up.factor()).isEqualByComparingTo("1.155");
        assertThat(up.capped()).isTrue();
        assertThat(down.factor()).isEqualByComparingTo("0.945");
        assertThat(down.capped()).isTrue();
    }

    @Test
    void anEmployerWithoutExperienceMovesTowardsThePool() {
        RenewedRate rate = CredibilityRating.renew(Experience.NONE, new BigDecimal("1.30"), POOL);

        assertThat(rate.credibility()).isEqualByComparingTo("0");
        assertThat(rate.blendedFactor()).isEqualByComparingTo("1");
        assertThat(rate.factor()).as("at most 10 %% down in a year").isEqualByComparingTo("1.17");
    }
}
