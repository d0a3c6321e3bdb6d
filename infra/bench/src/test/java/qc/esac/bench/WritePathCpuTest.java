package qc.esac.bench;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WritePathCpuTest {

    @Test
    void dividesEachProcessCpuBetweenTwoReadingsByTheOperations() {
        Map<String, Long> before = new LinkedHashMap<>();
        before.put("broker+store+bench", 1_000_000_000L);
        before.put("membership-service", 2_000_000_000L);
        before.put("gateway", -1L);
        Map<String, Long> after = new LinkedHashMap<>();
        after.put("broker+store+bench", 1_500_000_000L);
        after.put("membership-service", 2_250_000_000L);
        after.put("gateway", 5_000_000L);

        Map<String, Double> perCreate = WritePathScenario.Cpu.perOperationMs(before, after, 100);

        // 500 ms and 250 ms over 100 operations; a process whose first reading failed is left out, not counted as 0.
        assertThat(perCreate).containsExactly(Map.entry("broker+store+bench", 5.0),
                Map.entry("membership-service", 2.5));
    }

    @Test
    void saysNothingPerOperationWithoutOperations() {
        assertThat(WritePathScenario.Cpu.perOperationMs(Map.of("gateway", 1L), Map.of("gateway", 2L), 0)).isEmpty();
        assertThat(new WritePathScenario.Cpu().totalPerOperationMs()).isNaN();
        assertThat(new WritePathScenario.Cpu().coresInUse()).isNaN();
    }
}
