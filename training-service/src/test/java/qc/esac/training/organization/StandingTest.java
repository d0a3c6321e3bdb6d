package qc.esac.training.organization;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class StandingTest {

    private static final LocalDate MARCH_31 = LocalDate.of(2026, 3, 31);

    @Test
    void aChangeTakesEffectOnItsEffectiveDateNotBefore() {
        // Announced lapse: in good standing until March 31, not from April 1.
        MembershipStandings.Standing lapse = new MembershipStandings.Standing("org", "net", false,
                MARCH_31.plusDays(1), true);
        assertThat(lapse.goodStandingOn(MARCH_31)).isTrue();
        assertThat(lapse.goodStandingOn(MARCH_31.plusDays(1))).isFalse();

        // Reinstatement recorded after the fact: effective in the past, so in good standing today.
        MembershipStandings.Standing reinstated = new MembershipStandings.Standing("org", "net", true,
                MARCH_31.minusDays(10), false);
        assertThat(reinstated.goodStandingOn(MARCH_31)).isTrue();
        assertThat(reinstated.goodStandingOn(MARCH_31.minusDays(11))).isFalse();
    }
}
