package qc.esac.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayScenarioTest {

    @Test
    void everyPathIsWarmedInAlternatingRoundsBeforeAnyMeasurement() {
        List<String> targets = List.of("organization via gateway", "organization direct", "regions via gateway",
                "regions direct");

        List<String> order = GatewayScenario.warmUpOrder(targets, 3);

        assertThat(order).hasSize(12);
        assertThat(order.subList(0, 4)).containsExactlyElementsOf(targets);
        assertThat(order.subList(4, 8)).containsExactlyElementsOf(targets);
        assertThat(order.subList(8, 12)).containsExactlyElementsOf(targets);
    }
}
