package qc.esac.projects.reporting;

import org.junit.jupiter.api.Test;
import qc.esac.projects.project.Indicator;
import qc.esac.projects.project.IndicatorKind;
import qc.esac.projects.vocabulary.Unit;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IndicatorResultsTest {

    static Indicator indicator(boolean cumulative, Double baseline, Double target) {
        return new Indicator("i", "Indicateur", null, IndicatorKind.QUANTITATIVE, Unit.PERSONNES, baseline, target,
                cumulative, null, null, null);
    }

    @Test
    void aCumulativeIndicatorAddsItsPeriodsUp() {
        Indicator placedInJobs = indicator(true, null, 100.0);
        Double toDate = IndicatorResults.toDate(placedInJobs, Arrays.asList(20.0, null, 35.0));

        assertThat(toDate).isEqualTo(55.0);
        assertThat(IndicatorResults.achievementPercent(placedInJobs, toDate)).isEqualTo(55.0);
    }

    @Test
    void aLevelIndicatorKeepsTheLatestReportedPeriod() {
        Indicator organizationsInvolved = indicator(false, 10.0, 30.0);
        Double toDate = IndicatorResults.toDate(organizationsInvolved, Arrays.asList(12.0, 25.0, null));

        assertThat(toDate).isEqualTo(25.0);
        assertThat(IndicatorResults.achievementPercent(organizationsInvolved, toDate))
                .as("15 of the 20 between baseline and target").isEqualTo(75.0);
    }

    @Test
    void nothingReportedIsNoResultRatherThanZero() {
        assertThat(IndicatorResults.toDate(indicator(true, null, 5.0), Arrays.asList(null, null))).isNull();
        assertThat(IndicatorResults.toDate(indicator(false, null, 5.0), List.of())).isNull();
        assertThat(IndicatorResults.achievementPercent(indicator(true, null, null), 3.0)).isNull();
    }
}
