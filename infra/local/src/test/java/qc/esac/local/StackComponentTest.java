package qc.esac.local;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StackComponentTest {

    @Test
    void extraJvmOptionsComeAfterTheStacksOwnSoThatTheyWin() {
        assertThat(StackComponent.jvmOptions(null)).isEqualTo(StackComponent.JVM_OPTIONS);
        assertThat(StackComponent.jvmOptions("  ")).isEqualTo(StackComponent.JVM_OPTIONS);
        assertThat(StackComponent.jvmOptions(" -XX:TieredStopAtLevel=4   -XX:ReservedCodeCacheSize=128m "))
                .startsWith(StackComponent.JVM_OPTIONS.toArray(String[]::new))
                .endsWith("-XX:TieredStopAtLevel=4", "-XX:ReservedCodeCacheSize=128m")
                .hasSize(StackComponent.JVM_OPTIONS.size() + 2);
    }
}
