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
    void badOptionsAreRefusedWithTheirName() {
        assertThatThrownBy(() -> Mode.parse(List.of("--longer"))).hasMessageContaining("--longer");
        assertThatThrownBy(() -> Mode.parse(List.of("--port-offset", "x"))).hasMessageContaining("x");
    }
}
