package qc.esac.projects.platform;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformFactTest {

    static final LocalDate START = LocalDate.of(2025, 4, 1);
    static final LocalDate END = LocalDate.of(2026, 3, 31);

    @Test
    void aFlowFactCountsInThePeriodItHappened() {
        PlatformFact attestation = new PlatformFact(PlatformSource.TRAINING_ATTESTATIONS_ISSUED, "att-1", "org",
                LocalDate.of(2025, 6, 1), null);

        assertThat(attestation.countsFor(START, END)).isTrue();
        assertThat(attestation.countsFor(END.plusDays(1), END.plusYears(1))).isFalse();
    }

    @Test
    void aLevelFactCountsInEveryPeriodItStillHoldsAtTheEnd() {
        PlatformFact insured = new PlatformFact(PlatformSource.PARTNER_EMPLOYERS_INSURED, "org", "org",
                LocalDate.of(2024, 1, 1), LocalDate.of(2026, 1, 1));
        PlatformFact registered = new PlatformFact(PlatformSource.PARTNER_ORGANIZATIONS_REGISTERED, "org", "org",
                LocalDate.of(2026, 3, 31), null);

        assertThat(insured.countsFor(LocalDate.of(2024, 4, 1), LocalDate.of(2025, 3, 31))).isTrue();
        assertThat(insured.countsFor(START, END)).as("ended before the period's end").isFalse();
        assertThat(registered.countsFor(START, END)).isTrue();
        assertThat(registered.countsFor(LocalDate.of(2024, 4, 1), LocalDate.of(2025, 3, 31))).isFalse();
    }
}
