package qc.esac.projects.platform;

import org.junit.jupiter.api.Test;
import qc.esac.projects.platform.Spells.Spell;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SpellsTest {

    static final LocalDate JAN = LocalDate.of(2025, 1, 1);
    static final LocalDate APR = LocalDate.of(2025, 4, 1);
    static final LocalDate JUL = LocalDate.of(2025, 7, 1);
    static final LocalDate OCT = LocalDate.of(2025, 10, 1);

    @Test
    void aStandingThatLapsesAndIsRestoredKeepsBothSpells() {
        Spells history = Spells.NONE.begin(JAN).end(APR).begin(JUL);

        assertThat(history.spells()).containsExactly(new Spell(JAN, APR), new Spell(JUL, null));
    }

    @Test
    void repeatingAStatusChangesNothing() {
        Spells active = Spells.NONE.begin(JAN);
        Spells lapsed = active.end(APR);

        assertThat(active.begin(APR)).as("renewed while in good standing").isEqualTo(active);
        assertThat(lapsed.end(JUL)).as("a second notice of an ended standing").isEqualTo(lapsed);
        assertThat(Spells.NONE.end(APR)).as("ended before it began").isEqualTo(Spells.NONE);
        assertThat(lapsed.begin(LocalDate.of(2025, 2, 1))).as("already held that day").isEqualTo(lapsed);
    }

    @Test
    void aStartRecordedAfterTheFactMovesTheOpenSpellEarlier() {
        Spells history = Spells.NONE.begin(JUL).begin(APR);

        assertThat(history.spells()).containsExactly(new Spell(APR, null));
    }

    @Test
    void aSpellEndedOnOrBeforeItsStartNeverHeld() {
        Spells history = Spells.NONE.begin(JAN).end(APR).begin(OCT).end(OCT);

        assertThat(history.spells()).containsExactly(new Spell(JAN, APR));
    }

    @Test
    void aPeriodCountsTheSpellHoldingOnItsLastDay() {
        Spells history = Spells.NONE.begin(JAN).end(APR).begin(JUL);
        List<PlatformFact> facts = history.spells().stream().map(spell -> new PlatformFact(
                PlatformSource.PARTNERS_IN_GOOD_STANDING, "m-1", "org", spell.from(), spell.until())).toList();

        assertThat(facts.stream().anyMatch(f -> f.countsFor(JAN, LocalDate.of(2025, 3, 31)))).isTrue();
        assertThat(facts.stream().anyMatch(f -> f.countsFor(APR, LocalDate.of(2025, 6, 30))))
                .as("lapsed from its effective date to the end of the quarter").isFalse();
        assertThat(facts.stream().anyMatch(f -> f.countsFor(JUL, LocalDate.of(2025, 9, 30)))).isTrue();
    }
}
