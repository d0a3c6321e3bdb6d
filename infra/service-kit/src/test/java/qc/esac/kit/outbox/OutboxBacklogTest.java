package qc.esac.kit.outbox;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import qc.esac.testkit.time.MutableClock;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxBacklogTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-04-01T12:00:00Z"));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final OutboxBacklog backlog = new OutboxBacklog(null, clock, registry);

    @Test
    void eventsRemovedBeforeTheirWriteReportedThemAreNotLeftCountedUntilTheNextSweep() {
        List<OutboxEvent> written = List.of(event(), event());
        // A sweep found the write's events and published them before the writer's thread reported the write.
        backlog.removed(written);
        backlog.added(written);
        clock.advance(Duration.ofSeconds(5));

        assertThat(backlog.pending()).isZero();
        assertThat(backlog.oldestAgeSeconds()).isZero();
        assertThat(registry.get("esac.outbox.backlog").gauge().value()).isZero();
    }

    @Test
    void anEventPublishedOrWrittenWhileAFullSweepCountsIsCountedAsItEnds() {
        OutboxEvent first = event();
        OutboxEvent second = event();
        backlog.added(List.of(first, second));
        assertThat(backlog.begin()).isNotNull();
        assertThat(backlog.begin()).as("one count at a time").isNull();
        // The count's query read both; meanwhile the relay published the first and a write added a third.
        backlog.removed(List.of(first));
        OutboxEvent third = event();
        backlog.added(List.of(third));
        backlog.finish(Map.of(first.id(), first.time(), second.id(), second.time()));

        assertThat(backlog.pending()).isEqualTo(2);
        backlog.removed(List.of(second, third));
        assertThat(backlog.pending()).as("back to 0 with the last publication, not at the next count").isZero();
    }

    @Test
    void theGaugeFollowsWritesAndRemovals() {
        List<OutboxEvent> first = List.of(event(), event(), event());
        backlog.added(first);
        clock.advance(Duration.ofSeconds(4));
        List<OutboxEvent> second = List.of(event());
        backlog.added(second);
        assertThat(backlog.pending()).isEqualTo(4);
        assertThat(backlog.oldestAgeSeconds()).isEqualTo(4);

        backlog.removed(first);
        assertThat(registry.get("esac.outbox.backlog").gauge().value()).isEqualTo(1);
        backlog.removed(second);
        assertThat(backlog.pending()).isZero();
        assertThat(backlog.oldestAgeSeconds()).isZero();
    }

    private OutboxEvent event() {
        String id = UUID.randomUUID().toString();
        return new OutboxEvent(id, "qc.esac.test.v1", "esac.test", "/test", "aggregate", 1, clock.instant(),
                "https://schemas.esac.quebec/test.v1.json", "{}", null);
    }
}
