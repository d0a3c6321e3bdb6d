package qc.esac.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.PreInterruptCallback;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The build's promise that a hanging test fails instead of holding the build (root pom, Surefire's JUnit
 * configuration): every test method has a default time limit, and when one runs out every thread's stack is
 * printed. Read here as every module's tests get them.
 */
class HangingTestsTest {

    private ExtensionContext context;

    @RegisterExtension
    final BeforeEachCallback configuration = context -> this.context = context;

    @Test
    void everyTestHasATimeLimitAndATimeoutPrintsWhereTheThreadsWaited() {
        String limit = context.getConfigurationParameter("junit.jupiter.execution.timeout.default")
                .orElseThrow(() -> new AssertionError("no default time limit for tests in the build's configuration"));
        assertThat(limit.strip()).matches("\\d+ ?m");
        Duration minutes = Duration.ofMinutes(Long.parseLong(limit.replaceAll("\\D", "")));
        // Above the slowest test method (about a minute), well below the CI's limit for the whole build.
        assertThat(minutes).isBetween(Duration.ofMinutes(2), Duration.ofMinutes(10));
        assertThat(context.getConfigurationParameter(PreInterruptCallback.THREAD_DUMP_ENABLED_PROPERTY_NAME))
                .hasValue("true");
    }
}
