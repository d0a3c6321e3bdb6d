package qc.esac.e2e;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Closes the stacks the suite started (infra/local's component JVMs) when the test run ends, before the test JVM
 * exits: a shutdown hook alone runs while the JVM is already going away, and Surefire kills a forked JVM that
 * takes too long to exit, which left the component JVMs running. Registered for every test class of this module
 * (autodetected: {@code META-INF/services}, {@code junit-platform.properties}); the stack holders hand it what
 * they start ({@link #closeAtEnd}). The shutdown hooks stay, for a run stopped before JUnit ends it.
 */
public final class StackCleanup implements BeforeAllCallback {

    /** What the stack holders of this test JVM started. */
    static final Resources STACKS = new Resources();

    private final Resources resources;

    public StackCleanup() {
        this(STACKS);
    }

    StackCleanup(Resources resources) {
        this.resources = resources;
    }

    /** Closes {@code resource} when the test run ends (last registered, first closed), unless closed before. */
    static void closeAtEnd(AutoCloseable resource) {
        STACKS.add(resource);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // The root context's store is closed once, when the whole run (every class) is over.
        context.getRoot().getStore(ExtensionContext.Namespace.create(StackCleanup.class))
                .computeIfAbsent(resources, key -> resources);
    }

    /** Resources to close at the end of a run; an AutoCloseable value of the root store is closed by JUnit. */
    static final class Resources implements AutoCloseable {

        private final Deque<AutoCloseable> open = new ArrayDeque<>();

        synchronized void add(AutoCloseable resource) {
            open.push(resource);
        }

        @Override
        public synchronized void close() {
            while (!open.isEmpty()) {
                AutoCloseable resource = open.pop();
                try {
                    resource.close();
                } catch (Exception e) {
                    // The others must be closed all the same.
                    System.err.println("Could not close " + resource + ": " + e);
                }
            }
        }
    }
}
