package qc.esac.local;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StackComponentTest {

    @Test
    void extraJvmOptionsComeAfterTheStacksOwnSoThatTheyWin() {
        assertThat(StackComponent.jvmOptions("membership-service", null)).isEqualTo(StackComponent.JVM_OPTIONS);
        assertThat(StackComponent.jvmOptions("membership-service", "  ")).isEqualTo(StackComponent.JVM_OPTIONS);
        assertThat(StackComponent.jvmOptions("membership-service", " -XX:TieredStopAtLevel=4   -XX:ReservedCodeCacheSize=128m "))
                .startsWith(StackComponent.JVM_OPTIONS.toArray(String[]::new))
                .endsWith("-XX:TieredStopAtLevel=4", "-XX:ReservedCodeCacheSize=128m")
                .hasSize(StackComponent.JVM_OPTIONS.size() + 2);
    }

    @Test
    void theGatewayAloneRunsC2AndTheOthersC1() {
        assertThat(StackComponent.jvmOptions("membership-service", null)).contains("-XX:TieredStopAtLevel=1");
        assertThat(StackComponent.jvmOptions("gateway", null))
                .doesNotContain("-XX:TieredStopAtLevel=1")
                .contains("-XX:CICompilerCount=2", "-Xmx256m", "-XX:+UseSerialGC");
        assertThat(StackComponent.jvmOptions("gateway", "-XX:TieredStopAtLevel=1"))
                .endsWith("-XX:TieredStopAtLevel=1");
    }
}
