package qc.esac.training.session;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class AttendanceRuleTest {

    @ParameterizedTest
    @CsvSource({
            "12, 12, true", "12, 10.8, true", "12, 10.79, false", "12, 10.5, false", "7, 6.3, true",
            "7, 6.29, false", "7, 0, false", "3.5, 3.15, true", "3.5, 3.14, false"})
    void anAttestationNeedsAtLeastNinetyPercentOfTheHours(String total, String attended, boolean qualifies) {
        assertThat(AttendanceRule.qualifies(new BigDecimal(attended), new BigDecimal(total))).isEqualTo(qualifies);
    }

    @ParameterizedTest
    @CsvSource({"12, 10.8, 90.0", "12, 12, 100.0", "7, 6, 85.7", "3, 1, 33.3"})
    void percentHasOneDecimal(String total, String attended, String percent) {
        assertThat(AttendanceRule.percent(new BigDecimal(attended), new BigDecimal(total)).toPlainString())
                .isEqualTo(percent);
    }
}
