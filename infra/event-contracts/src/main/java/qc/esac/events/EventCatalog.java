package qc.esac.events;

import qc.esac.events.insurance.InsuranceEventTypes;
import qc.esac.events.membership.MembershipEventTypes;
import qc.esac.events.projects.ProjectsEventTypes;
import qc.esac.events.training.TrainingEventTypes;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of every public event type: one place for each event's type, topic and schema. Each context
 * lists its own types ({@code <Context>EventTypes}); this class only gathers them.
 */
public final class EventCatalog {

    private static final Map<String, EventDescriptor> BY_TYPE = new LinkedHashMap<>();
    private static final Map<Class<?>, EventDescriptor> BY_CLASS = new LinkedHashMap<>();

    static {
        MembershipEventTypes.DESCRIPTORS.forEach(EventCatalog::register);
        TrainingEventTypes.DESCRIPTORS.forEach(EventCatalog::register);
        InsuranceEventTypes.DESCRIPTORS.forEach(EventCatalog::register);
        ProjectsEventTypes.DESCRIPTORS.forEach(EventCatalog::register);
    }

    private EventCatalog() {
    }

    private static void register(EventDescriptor descriptor) {
        if (BY_TYPE.containsKey(descriptor.type()) || BY_CLASS.containsKey(descriptor.dataClass())) {
            throw new IllegalStateException("Event type registered twice: " + descriptor.type());
        }
        BY_TYPE.put(descriptor.type(), descriptor);
        BY_CLASS.put(descriptor.dataClass(), descriptor);
    }

    public static Optional<EventDescriptor> byType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    public static EventDescriptor of(Class<? extends EventData> dataClass) {
        EventDescriptor descriptor = BY_CLASS.get(dataClass);
        if (descriptor == null) {
            throw new IllegalArgumentException("Unregistered event class " + dataClass.getName());
        }
        return descriptor;
    }

    public static Collection<EventDescriptor> all() {
        return BY_TYPE.values();
    }
}
