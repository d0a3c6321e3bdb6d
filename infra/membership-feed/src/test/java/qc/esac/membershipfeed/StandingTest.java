package qc.esac.membershipfeed;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class StandingTest {

    private static final LocalDate MARCH_31 = LocalDate.of(2026, 3, 31);

    @Test
    void aChangeTakesEffectOnItsEffectiveDateNotBefore() {
        // Announced lapse: in good standing until March 31, not from April 1.
        Standing lapse = new Standing("org", "net", "m-1", "LAPSED", false, MARCH_31.plusDays(1), true);
        assertThat(lapse.goodStandingOn(MARCH_31)).isTrue();
        assertThat(lapse.goodStandingOn(MARCH_31.plusDays(1))).isFalse();

        // Reinstatement recorded after the fact: effective in the past, so in good standing today.
        Standing reinstated = new Standing("org", "net", "m-1", "ACTIVE", true, MARCH_31.minusDays(10), false);
        assertThat(reinstated.goodStandingOn(MARCH_31)).isTrue();
        assertThat(reinstated.goodStandingOn(MARCH_31.minusDays(11))).isFalse();
    }

    @Test
    void oneIdPerOrganizationAndNetwork() {
        assertThat(Standing.idOf("org-1", "net-1")).isEqualTo("org-1|net-1");
        assertThat(Standing.idOf("org-1", "net-2")).isNotEqualTo(Standing.idOf("org-1", "net-1"));
    }
}
