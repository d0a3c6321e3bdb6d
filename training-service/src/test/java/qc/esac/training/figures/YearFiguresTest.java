package qc.esac.training.figures;

import org.junit.jupiter.api.Test;
import qc.esac.training.catalogue.LocalizedText;
import qc.esac.training.FiscalYear;
import qc.esac.training.catalogue.DeliveryMode;
import qc.esac.training.session.Participant;
import qc.esac.training.session.Pricing;
import qc.esac.training.session.Session;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class YearFiguresTest {

    private static final LocalDate DAY = LocalDate.of(2025, 10, 6);

    @Test
    void countsDistinctPeopleOrganizationsThemesAndSumsUecExactly() {
        // 12 h and 7 h sessions; Ana attends both, Ben only the first (too little for an attestation).
        Session first = given("crs-1", List.of("GRH", "GOUVERNANCE"), "12",
                Map.of("ana", "12", "ben", "5"), Map.of("ana", 5, "ben", 3));
        Session second = given("crs-2", List.of("GRH"), "7", Map.of("ana", "7", "cleo", "0"), Map.of("ana", 4));

        YearFigures figures = YearFigures.of(List.of(first, second));

        assertThat(figures.sessionsHeld()).isEqualTo(2);
        assertThat(figures.coursesGiven()).isEqualTo(2);
        assertThat(figures.distinctThemes()).isEqualTo(2);
        assertThat(figures.trainingHours().toPlainString()).isEqualTo("19");
        assertThat(figures.peopleTrained()).isEqualTo(2); // Cléo registered but did not come
        assertThat(figures.participations()).isEqualTo(3);
        assertThat(figures.organizationsReached()).isEqualTo(2);
        assertThat(figures.attestations()).isEqualTo(2);
        assertThat(figures.uecIssued().toPlainString()).isEqualTo("1.9");
        assertThat(figures.satisfactionAverage().toPlainString()).isEqualTo("4.0");
        assertThat(figures.satisfactionRatings()).isEqualTo(3);
    }

    @Test
    void noRatingsMeansNoAverage() {
        assertThat(YearFigures.of(List.of()).satisfactionAverage()).isNull();
        assertThat(YearFigures.of(List.of()).uecIssued().toPlainString()).isEqualTo("0");
    }

    @Test
    void aFiscalYearEndsOnTheNetworksDayAndIsNamedByTheYearItStarts() {
        MonthDay march31 = FiscalYear.DEFAULT_END;
        assertThat(FiscalYear.containing(LocalDate.of(2026, 3, 31), march31).label()).isEqualTo("2025-2026");
        assertThat(FiscalYear.containing(LocalDate.of(2026, 4, 1), march31).label()).isEqualTo("2026-2027");
        assertThat(FiscalYear.starting(2025, march31).contains(LocalDate.of(2025, 4, 1))).isTrue();
        assertThat(FiscalYear.starting(2025, march31).contains(LocalDate.of(2025, 3, 31))).isFalse();

        FiscalYear calendar = FiscalYear.containing(LocalDate.of(2025, 7, 14), MonthDay.of(12, 31));
        assertThat(calendar.label()).isEqualTo("2025");
        assertThat(calendar.firstDay()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(calendar.lastDay()).isEqualTo(LocalDate.of(2025, 12, 31));

        FiscalYear june = FiscalYear.starting(2025, MonthDay.of(6, 30));
        assertThat(june.firstDay()).isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(june.lastDay()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(FiscalYear.containing(LocalDate.of(2026, 6, 30), MonthDay.of(6, 30))).isEqualTo(june);

        // A year ending on February 29 ends on the 28th in common years.
        FiscalYear leap = FiscalYear.containing(LocalDate.of(2027, 2, 28), MonthDay.of(2, 29));
        assertThat(leap.firstDay()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(leap.lastDay()).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(FiscalYear.containing(LocalDate.of(2028, 2, 29), MonthDay.of(2, 29)).lastDay())
                .isEqualTo(LocalDate.of(2028, 2, 29));
    }

    /** A completed session: people (organization = "org-" + their initial) with attended hours and ratings. */
    private static Session given(String courseId, List<String> themes, String hours, Map<String, String> attended,
                                 Map<String, Integer> ratings) {
        Session session = Session.schedule(UUID.randomUUID().toString(), courseId, LocalizedText.fr("Cours"), themes, "reseau", DAY,
                DAY, new BigDecimal(hours), DeliveryMode.IN_PERSON, null, 10, BigDecimal.TEN, BigDecimal.TEN, DAY,
                DAY.minusDays(30)).state().openRegistrations(DAY.minusDays(30)).state();
        for (String person : attended.keySet()) {
            session = session.register("reg-" + person, "org-" + person.charAt(0) % 2,
                    Participant.employee(person, person, "Essai"), Pricing.quote(session, true), DAY.minusDays(20),
                    Instant.EPOCH).state();
        }
        Map<String, BigDecimal> hoursByRegistration = new java.util.HashMap<>();
        attended.forEach((person, h) -> hoursByRegistration.put("reg-" + person, new BigDecimal(h)));
        session = session.recordAttendance(hoursByRegistration, DAY).state()
                .complete(DAY, () -> UUID.randomUUID().toString(), () -> UUID.randomUUID().toString()).state();
        for (Map.Entry<String, Integer> rating : ratings.entrySet()) {
            session = session.rate("reg-" + rating.getKey(), rating.getValue()).state();
        }
        return session;
    }
}
