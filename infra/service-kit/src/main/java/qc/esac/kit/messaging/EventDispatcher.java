package qc.esac.kit.messaging;

import qc.esac.events.EventData;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Routes a consumed event to the handlers registered for its data type, instead of an {@code instanceof}
 * ladder in each listener. A handler registered for an interface ({@code MembershipStandingEvent},
 * {@code RosterEntryEvent}) receives every type implementing it; several handlers of one event run in the
 * order they were registered, so a read model can be updated before the consequences that read it. Types
 * without a handler, and types this consumer does not know (a newer producer), are skipped: the caller
 * decides whether to log them. Which handlers serve a data class is worked out once per class, not per event.
 *
 * <p>A handler may also say which read-model document an event of its type reads and writes
 * ({@link Builder#reads}): a batch of events ({@link EventBatches}) then loads those documents with one query by
 * {@code _id} instead of one per event.
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

    private record Read<T>(Class<T> type, String collection, Function<? super T, String> documentId) {

        String idOf(Object data) {
            return documentId.apply(type.cast(data));
        }
    }

    private final List<Registration<?>> registrations;
    private final List<Read<?>> reads;
    private final Map<Class<?>, List<Registration<?>>> byDataClass = new ConcurrentHashMap<>();
    private final Map<Class<?>, List<Read<?>>> readsByDataClass = new ConcurrentHashMap<>();

    private EventDispatcher(List<Registration<?>> registrations, List<Read<?>> reads) {
        this.registrations = List.copyOf(registrations);
        this.reads = List.copyOf(reads);
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

    /** The read-model documents the handlers of {@code events} said they read, by collection (declared order). */
    public Map<String, Set<String>> documentsRead(Collection<IncomingEvent> events) {
        Map<String, Set<String>> documents = new LinkedHashMap<>();
        for (IncomingEvent event : events) {
            EventData data = event.data();
            if (data == null) {
                continue;
            }
            for (Read<?> read : readsByDataClass.computeIfAbsent(data.getClass(),
                    c -> reads.stream().filter(r -> r.type().isAssignableFrom(c)).toList())) {
                String id = read.idOf(data);
                if (id != null) {
                    documents.computeIfAbsent(read.collection(), c -> new LinkedHashSet<>()).add(id);
                }
            }
        }
        return documents;
    }

    /** Registers handlers; not thread-safe, build once at start-up. */
    public static final class Builder {

        private final List<Registration<?>> registrations = new ArrayList<>();
        private final List<Read<?>> reads = new ArrayList<>();

        private Builder() {
        }

        /** Adds a handler of the events whose data is a {@code type} (a record or an interface it implements). */
        public <T> Builder on(Class<T> type, Handler<? super T> handler) {
            registrations.add(new Registration<>(type, handler));
            return this;
        }

        /**
         * Says that the handlers of {@code type} read and write document {@code documentId} of {@code collection}:
         * a batch loads it with the others before the handlers run. Only a hint: a document nobody declared is
         * loaded when a handler first asks for it.
         */
        public <T> Builder reads(Class<T> type, String collection, Function<? super T, String> documentId) {
            reads.add(new Read<>(type, collection, documentId));
            return this;
        }

        public EventDispatcher build() {
            return new EventDispatcher(registrations, reads);
        }
    }
}
