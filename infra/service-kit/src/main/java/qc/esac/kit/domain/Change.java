package qc.esac.kit.domain;

import java.util.List;
import java.util.Objects;

import qc.esac.events.EventData;

/**
 * What a command does to an aggregate: its new state and the events the change causes, written together by
 * {@code AggregateStore.change}. {@link #unchanged()} says the command had nothing to do (an idempotent
 * repeat): nothing is written and the current version stays.
 *
 * @param <T> the aggregate's state type
 */
public record Change<T>(T state, List<EventData> events) {

    private static final Change<?> UNCHANGED = new Change<>(null, List.of());

    public Change {
        events = List.copyOf(events);
    }

    public static <T> Change<T> of(T state, EventData... events) {
        return new Change<>(Objects.requireNonNull(state, "state"), List.of(events));
    }

    public static <T> Change<T> of(T state, List<? extends EventData> events) {
        return new Change<>(Objects.requireNonNull(state, "state"), List.copyOf(events));
    }

    @SuppressWarnings("unchecked")
    public static <T> Change<T> unchanged() {
        return (Change<T>) UNCHANGED;
    }

    public boolean isUnchanged() {
        return state == null;
    }
}
