package qc.esac.training.catalogue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UecTest {

    @ParameterizedTest
    @CsvSource({"12, 1.2", "10, 1", "30, 3", "7.5, 0.75", "0.5, 0.05", "120, 12", "33, 3.3", "6.25, 0.625"})
    void oneUecIsTenHoursInExactDecimals(String hours, String uec) {
        assertThat(Uec.ofHours(new BigDecimal(hours))).isEqualByComparingTo(uec);
        assertThat(Uec.ofHours(new BigDecimal(hours)).toPlainString()).isEqualTo(uec);
    }

    @Test
    void sumsAreExactWhereDoublesWouldDrift() {
        // 0.1 + 0.2 as doubles is 0.30000000000000004; UEC are money-like and must add up exactly.
        List<BigDecimal> units = List.of(Uec.ofHours(new BigDecimal("1")), Uec.ofHours(new BigDecimal("2")));
        assertThat(Uec.sum(units).toPlainString()).isEqualTo("0.3");
        // The committee's year: sessions of 12, 7 and 14 h give 3.3 UEC.
        assertThat(Uec.sum(List.of(Uec.ofHours(new BigDecimal("12")), Uec.ofHours(new BigDecimal("7")),
                Uec.ofHours(new BigDecimal("14")))).toPlainString()).isEqualTo("3.3");
        assertThat(Uec.sum(List.of()).toPlainString()).isEqualTo("0");
    }

    @Test
    void searchTextIgnoresCaseAccentsAndPunctuation() {
        assertThat(Course.normalize("Gestion d’ÉQUIPE : l’évaluation")).isEqualTo("gestion d equipe l evaluation");
    }
}
