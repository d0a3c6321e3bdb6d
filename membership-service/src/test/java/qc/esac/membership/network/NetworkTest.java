package qc.esac.membership.network;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NetworkTest {

    private static Network yearEnd(int month, int day, int window, int grace) {
        return new Network("n", "Réseau", month, day, window, grace, List.of());
    }

    @Test
    void fiscalYearsFollowTheYearEnd() {
        Network march = yearEnd(3, 31, 60, 60);
        assertThat(march.fiscalYear(2025)).containsExactly(LocalDate.of(2025, 4, 1), LocalDate.of(2026, 3, 31));
        assertThat(march.fiscalYearStartOnOrBefore(LocalDate.of(2026, 3, 31))).isEqualTo(LocalDate.of(2025, 4, 1));
        assertThat(march.fiscalYearEndOnOrAfter(LocalDate.of(2026, 4, 1))).isEqualTo(LocalDate.of(2027, 3, 31));
        Network december = yearEnd(12, 31, 30, 30);
        assertThat(december.fiscalYear(2025)).containsExactly(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
    }

    @Test
    void aPeriodStartedInTheRenewalWindowRunsToTheNextYearEnd() {
        Network march = yearEnd(3, 31, 60, 60);
        assertThat(march.periodEndFor(LocalDate.of(2026, 1, 29))).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(march.periodEndFor(LocalDate.of(2026, 1, 30))).isEqualTo(LocalDate.of(2027, 3, 31));
    }

    @Test
    void statusRulesAreOffsetsFromThePeriodEnd() {
        assertThat(yearEnd(3, 31, 45, 30).statusRules()).containsExactly(new StatusRule("RENEWAL_DUE", -45),
                new StatusRule("IN_GRACE", 1), new StatusRule("LAPSED", 31));
        assertThat(yearEnd(3, 31, 0, 0).statusRules()).containsExactly(new StatusRule("RENEWAL_DUE", 0),
                new StatusRule("LAPSED", 1));
    }
}
