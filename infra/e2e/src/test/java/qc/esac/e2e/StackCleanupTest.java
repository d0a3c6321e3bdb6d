package qc.esac.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** The stacks a run started are closed when the run ends, not before, and not left to the JVM's exit. */
class StackCleanupTest {

    private static final List<String> EVENTS = new CopyOnWriteArrayList<>();
    /** The resources of the inner run only: the suite's own (a running stack) must not be touched. */
    private static final StackCleanup.Resources INNER = new StackCleanup.Resources();

    @Test
    void closesWhatTheRunStartedWhenTheRunEnds() {
        EVENTS.clear();
        // Autodetection off for the inner run, so that the suite's own registry is not closed by it.
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(TwoClassesUsingAStack.First.class), selectClass(TwoClassesUsingAStack.Second.class))
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                .build();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();

        LauncherFactory.create().execute(request, summary);

        assertThat(summary.getSummary().getTestsSucceededCount()).isEqualTo(2);
        assertThat(summary.getSummary().getTotalFailureCount()).isZero();
        // Started by the first class, still open for the second, closed once after both.
        assertThat(EVENTS).containsExactly("started", "first test", "second test", "closed");
    }

    @Test
    void isRegisteredForEveryClassOfTheSuite() throws IOException {
        Properties properties = new Properties();
        try (InputStream file = getClass().getResourceAsStream("/junit-platform.properties")) {
            properties.load(file);
        }
        assertThat(properties.getProperty("junit.jupiter.extensions.autodetection.enabled")).isEqualTo("true");
        try (InputStream services = getClass().getResourceAsStream(
                "/META-INF/services/org.junit.jupiter.api.extension.Extension")) {
            assertThat(new String(services.readAllBytes(), StandardCharsets.UTF_8).strip())
                    .isEqualTo(StackCleanup.class.getName());
        }
    }

    /** Two classes sharing a stack the way the suite's classes share FullStack. */
    static class TwoClassesUsingAStack {

        private static AutoCloseable stack;

        static synchronized void useStack() {
            if (stack == null) {
                EVENTS.add("started");
                stack = () -> EVENTS.add("closed");
                INNER.add(stack);
            }
        }

        static class First {
            @RegisterExtension
            static final StackCleanup CLEANUP = new StackCleanup(INNER);

            @Test
            void usesTheStack() {
                useStack();
                EVENTS.add("first test");
            }
        }

        static class Second {
            @RegisterExtension
            static final StackCleanup CLEANUP = new StackCleanup(INNER);

            @Test
            void usesTheStackToo() {
                useStack();
                EVENTS.add("second test");
            }
        }
    }
}
