package qc.esac.kit.outbox;

import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * A test-only fault point for the fault suite (infra/fault): with {@value #PROPERTY} = n (environment variable
 * {@code ESAC_FAULT_HALT_AFTER_WRITES}), the JVM halts at once, as a SIGKILL would, right after the n-th aggregate
 * write with events is committed and before anything publishes it: the crash between the store and the broker
 * that the outbox exists for. Off by default; a production profile refuses to start with it.
 */
public final class WriteFaultPoint {

    public static final String PROPERTY = "esac.fault.halt-after-writes";
    static final WriteFaultPoint OFF = new WriteFaultPoint(0, Runtime.getRuntime()::halt);
    private static final Logger log = LoggerFactory.getLogger(WriteFaultPoint.class);

    private final long haltAfter;
    private final AtomicLong writes = new AtomicLong();
    private final java.util.function.IntConsumer halt;

    WriteFaultPoint(long haltAfter, java.util.function.IntConsumer halt) {
        this.haltAfter = haltAfter;
        this.halt = halt;
    }

    /** @throws IllegalStateException when armed under a {@code prod} or {@code production} profile */
    public static WriteFaultPoint from(Environment environment) {
        long haltAfter = environment.getProperty(PROPERTY, Long.class, 0L);
        if (haltAfter <= 0) {
            return OFF;
        }
        if (environment.acceptsProfiles(Profiles.of("prod | production"))) {
            throw new IllegalStateException(PROPERTY + " is a test-only fault point: refused in a production profile");
        }
        log.warn("FAULT POINT ARMED: this JVM halts after aggregate write {} ({}); for fault tests only", haltAfter,
                PROPERTY);
        return new WriteFaultPoint(haltAfter, Runtime.getRuntime()::halt);
    }

    /** Called once an aggregate write with events is committed, before its publication is asked for. */
    void afterWrite() {
        if (haltAfter > 0 && writes.incrementAndGet() == haltAfter) {
            halt.accept(137);
        }
    }
}
