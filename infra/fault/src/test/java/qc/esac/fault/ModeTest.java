package qc.esac.fault;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModeTest {

    @Test
    void shortIsTheDefaultAndLongRunsThreeBrokerCycles() {
        assertThat(Mode.parse(List.of()).mode()).isEqualTo(Mode.SHORT);
        assertThat(Mode.parse(List.of("--long")).mode().brokerCycles()).isEqualTo(3);
        assertThat(Mode.parse(List.of("--short", "--port-offset", "14000")).portOffset()).isEqualTo(14_000);
    }

    @Test
    void smokeRunsEveryFaultOnceQuicklyWithTheServicesKilledTogether() {
        Mode smoke = Mode.parse(List.of("--smoke")).mode();
        assertThat(smoke.smoke()).isTrue();
        assertThat(smoke.servicesTogether()).isTrue();
        assertThat(smoke.brokerCycles()).isEqualTo(1);
        assertThat(smoke.rate()).isLessThan(Mode.SHORT.rate());
        assertThat(smoke.storePauseSeconds()).as("the issue's pause").isEqualTo(10);
        assertThat(Mode.SHORT.smoke()).isFalse();
        assertThat(Mode.SHORT.servicesTogether()).isFalse();
    }

    @Test
    void badOptionsAreRefusedWithTheirName() {
        assertThatThrownBy(() -> Mode.parse(List.of("--longer"))).hasMessageContaining("--longer");
        assertThatThrownBy(() -> Mode.parse(List.of("--port-offset", "x"))).hasMessageContaining("x");
    }
}
