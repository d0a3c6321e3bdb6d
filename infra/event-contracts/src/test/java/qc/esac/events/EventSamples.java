package qc.esac.events;

import qc.esac.events.membership.OrganizationRegistered;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One valid instance of every event record; a type added to the catalog needs its sample in its context's
 * list ({@code <Context>EventSamples.ALL}).
 */
final class EventSamples {

    static final OrganizationRegistered ORGANIZATION_REGISTERED = MembershipEventSamples.ORGANIZATION_REGISTERED;

    private static final Map<Class<? extends EventData>, EventData> BY_CLASS = new HashMap<>();

    static {
        Stream.of(MembershipEventSamples.ALL, TrainingEventSamples.ALL, InsuranceEventSamples.ALL,
                        ProjectsEventSamples.ALL)
                .flatMap(List::stream)
                .forEach(sample -> BY_CLASS.put(sample.getClass(), sample));
    }

    private EventSamples() {
    }

    static EventData of(Class<? extends EventData> dataClass) {
        EventData sample = BY_CLASS.get(dataClass);
        if (sample == null) {
            throw new AssertionError("No sample for " + dataClass.getName() + ": add one to EventSamples");
        }
        return sample;
    }
}
