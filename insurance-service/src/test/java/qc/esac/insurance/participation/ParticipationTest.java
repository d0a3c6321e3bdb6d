package qc.esac.insurance.participation;

import org.junit.jupiter.api.Test;
import qc.esac.events.insurance.ParticipationInGrace;
import qc.esac.events.insurance.ParticipationReinstated;
import qc.esac.events.insurance.ParticipationTerminated;
import qc.esac.insurance.plan.CoverageCode;
import qc.esac.kit.domain.Change;
import qc.esac.kit.problem.BusinessRuleException;

import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParticipationTest {

    private static final LocalDate JAN_4 = LocalDate.of(2027, 1, 4);

    private Participation active() {
        Participation applied = Participation.apply("org-1", "aacocq", true, Set.of(CoverageCode.DRUGS, CoverageCode.LTD),
                Set.of("FULL_TIME"), 50, JAN_4).state();
        return applied.activate(LocalDate.of(2027, 2, 1), true).state();
    }

    @Test
    void onlyAMemberInGoodStandingMayApply() {
        assertThatThrownBy(() -> Participation.apply("org-1", "aacocq", false, Set.of(CoverageCode.DRUGS),
                Set.of("FULL_TIME"), 50, JAN_4))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        e -> assertThat(e.code()).isEqualTo("participation.membre-sans-bon-standing"));
    }

    @Test
    void aClosureEndsTheParticipationThatDayWithoutGraceWithANoticeInBothLanguages() {
        Change<Participation> closed = active().organizationClosed(LocalDate.of(2027, 5, 12));

        assertThat(closed.state().status()).isEqualTo(ParticipationStatus.TERMINATED);
        assertThat(closed.state().terminatedOn()).isEqualTo(LocalDate.of(2027, 5, 12));
        assertThat(closed.state().terminationReason()).isEqualTo(Participation.REASON_ORGANIZATION_CLOSED);
        assertThat(closed.events()).singleElement().isInstanceOf(ParticipationTerminated.class);
        Participation.Notice notice = closed.state().notices().stream()
                .filter(n -> n.kind().equals("ORGANIZATION_CLOSED")).findFirst().orElseThrow();
        assertThat(notice.text(java.util.Locale.CANADA_FRENCH)).contains("cessé ses activités");
        assertThat(notice.text(java.util.Locale.ENGLISH)).contains("ceased activity");
        assertThat(closed.state().organizationClosed(LocalDate.of(2027, 5, 12)).events()).as("once").isEmpty();
    }

    @Test
    void aLapseStartsGraceAndReinstatementWithinGraceRestoresIt() {
        Change<Participation> lapse = active().standingChanged("m-1", 7, false, LocalDate.of(2027, 4, 1), 60);

        assertThat(lapse.state().status()).isEqualTo(ParticipationStatus.IN_GRACE);
        assertThat(lapse.state().graceEndsOn()).isEqualTo(LocalDate.of(2027, 5, 30));
        assertThat(lapse.state().coversOn(LocalDate.of(2027, 5, 15))).isTrue();
        assertThat(lapse.state().notices()).extracting(Participation.Notice::kind).contains("MEMBERSHIP_LAPSED");
        assertThat(lapse.events()).singleElement().isInstanceOf(ParticipationInGrace.class);

        Change<Participation> restored = lapse.state().standingChanged("m-1", 8, true, LocalDate.of(2027, 4, 20), 60);
        assertThat(restored.state().status()).isEqualTo(ParticipationStatus.REINSTATED);
        assertThat(restored.events()).singleElement().isInstanceOf(ParticipationReinstated.class);
    }

    @Test
    void aRedeliveredOrOlderStandingEventChangesNothing() {
        Participation inGrace = active().standingChanged("m-1", 7, false, LocalDate.of(2027, 4, 1), 60).state();

        assertThat(inGrace.standingChanged("m-1", 7, false, LocalDate.of(2027, 4, 1), 60).events()).isEmpty();
        Change<Participation> older = inGrace.standingChanged("m-1", 6, true, LocalDate.of(2027, 3, 1), 60);
        assertThat(older.events()).isEmpty();
        assertThat(older.state()).isEqualTo(inGrace);
    }

    @Test
    void afterGraceTheParticipationEndsOnTheLastDayOfGrace() {
        Participation inGrace = active().standingChanged("m-1", 7, false, LocalDate.of(2027, 4, 1), 60).state();

        assertThat(inGrace.endGraceIfOver(LocalDate.of(2027, 5, 30)).events()).isEmpty();
        Change<Participation> ended = inGrace.endGraceIfOver(LocalDate.of(2027, 5, 31));
        assertThat(ended.state().status()).isEqualTo(ParticipationStatus.TERMINATED);
        assertThat(ended.state().terminatedOn()).isEqualTo(LocalDate.of(2027, 5, 30));
        assertThat(ended.events()).singleElement().isInstanceOfSatisfying(ParticipationTerminated.class, e -> {
            assertThat(e.effectiveDate()).isEqualTo(LocalDate.of(2027, 5, 30));
            assertThat(e.reason()).isEqualTo("MEMBERSHIP_LAPSED");
        });
        assertThat(ended.state().coversOn(LocalDate.of(2027, 5, 30))).isTrue();
        assertThat(ended.state().coversOn(LocalDate.of(2027, 5, 31))).isFalse();
        // Good standing back after grace: too late, a new application is needed.
        assertThat(ended.state().standingChanged("m-1", 9, true, LocalDate.of(2027, 6, 2), 60).events()).isEmpty();
    }

    @Test
    void illegalTransitionsAreRefused() {
        assertThatThrownBy(() -> active().activate(LocalDate.of(2027, 3, 1), true))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        e -> assertThat(e.code()).isEqualTo("participation.transition-invalide"));
        assertThatThrownBy(() -> active().reapply(true, Set.of(CoverageCode.DRUGS), Set.of("FULL_TIME"), 50, JAN_4))
                .isInstanceOf(BusinessRuleException.class);
    }
}
