package qc.esac.kit.messaging;

import qc.esac.events.EventData;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Routes a consumed event to the handlers registered for its data type, instead of an {@code instanceof}
 * ladder in each listener. A handler registered for an interface ({@code MembershipStandingEvent},
 * {@code RosterEntryEvent}) receives every type implementing it; several handlers of one event run in the
 * order they were registered, so a read model can be updated before the consequences that read it. Types
 * without a handler, and types this consumer does not know (a newer producer), are skipped: the caller
 * decides whether to log them. Which handlers serve a data class is worked out once per class, not per event.
 */
public final class EventDispatcher {

    /** Handles the data of one event type; the event gives its subject, sequence and time. */
    @FunctionalInterface
    public interface Handler<T> {
        void handle(IncomingEvent event, T data);
    }

    private record Registration<T>(Class<T> type, Handler<? super T> handler) {

        void handle(IncomingEvent event, Object data) {
            handler.handle(event, type.cast(data));
        }
    }

    private final List<Registration<?>> registrations;
    private final Map<Class<?>, List<Registration<?>>> byDataClass = new ConcurrentHashMap<>();

    private EventDispatcher(List<Registration<?>> registrations) {
        this.registrations = List.copyOf(registrations);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs the handlers of the event's data type.
     *
     * @return whether any handler ran (false for an unknown type or one nobody registered)
     */
    public boolean dispatch(IncomingEvent event) {
        EventData data = event.data();
        if (data == null) {
            return false;
        }
        List<Registration<?>> handlers = byDataClass.computeIfAbsent(data.getClass(), this::handlersOf);
        for (Registration<?> registration : handlers) {
            registration.handle(event, data);
        }
        return !handlers.isEmpty();
    }

    /** Whether events with data of {@code dataClass} have a handler. */
    public boolean handles(Class<?> dataClass) {
        return !byDataClass.computeIfAbsent(dataClass, this::handlersOf).isEmpty();
    }

    private List<Registration<?>> handlersOf(Class<?> dataClass) {
        return registrations.stream().filter(r -> r.type().isAssignableFrom(dataClass)).toList();
    }

    /** Registers handlers; not thread-safe, build once at start-up. */
    public static final class Builder {

        private final List<Registration<?>> registrations = new ArrayList<>();

        private Builder() {
        }

        /** Adds a handler of the events whose data is a {@code type} (a record or an interface it implements). */
        public <T> Builder on(Class<T> type, Handler<? super T> handler) {
            registrations.add(new Registration<>(type, handler));
            return this;
        }

        public EventDispatcher build() {
            return new EventDispatcher(registrations);
        }
    }
}
