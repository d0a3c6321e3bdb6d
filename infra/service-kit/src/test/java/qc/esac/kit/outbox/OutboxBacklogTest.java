package qc.esac.kit.outbox;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import qc.esac.testkit.time.MutableClock;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxBacklogTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-04-01T12:00:00Z"));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final OutboxBacklog backlog = new OutboxBacklog(null, clock, registry);

    @Test
    void eventsRemovedBeforeTheirWriteReportedThemAreNotLeftCountedUntilTheNextSweep() {
        // A sweep found the write's events and published them before the writer's thread reported the write.
        backlog.removed(2);
        backlog.added(2, clock.instant());
        clock.advance(Duration.ofSeconds(5));

        assertThat(backlog.pending()).isZero();
        assertThat(backlog.oldestAgeSeconds()).isZero();
        assertThat(registry.get("esac.outbox.backlog").gauge().value()).isZero();
    }

    @Test
    void theGaugeFollowsWritesAndRemovals() {
        backlog.added(3, clock.instant());
        clock.advance(Duration.ofSeconds(4));
        backlog.added(1, clock.instant());
        assertThat(backlog.pending()).isEqualTo(4);
        assertThat(backlog.oldestAgeSeconds()).isEqualTo(4);

        backlog.removed(3);
        assertThat(registry.get("esac.outbox.backlog").gauge().value()).isEqualTo(1);
        backlog.removed(1);
        assertThat(backlog.pending()).isZero();
        assertThat(backlog.oldestAgeSeconds()).isZero();
    }
}
