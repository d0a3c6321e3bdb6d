package qc.esac.events;

import qc.esac.events.membership.OrganizationRegistered;

import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The registry of every public event type: one place for each event's type, topic and schema. */
public final class EventCatalog {

    private static final URI MEMBERSHIP_SOURCE = URI.create("/esac/membership");

    private static final Map<String, EventDescriptor> BY_TYPE = new LinkedHashMap<>();
    private static final Map<Class<?>, EventDescriptor> BY_CLASS = new LinkedHashMap<>();

    static {
        register(new EventDescriptor("qc.esac.membership.organization-registered.v1", Topics.MEMBERSHIP,
                MEMBERSHIP_SOURCE, OrganizationRegistered.class,
                "schemas/membership/organization-registered.v1.json"));
    }

    private EventCatalog() {
    }

    private static void register(EventDescriptor descriptor) {
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
