package qc.esac.events;

import qc.esac.events.membership.OrganizationRegistered;

import java.util.List;
import java.util.Map;

/** One valid instance of every event record; a type added to the catalog needs its sample here. */
final class EventSamples {

    static final OrganizationRegistered ORGANIZATION_REGISTERED = new OrganizationRegistered(
            "org-7f3a", "Coopérative de solidarité du Vieux-Moulin", "1171234567", "COOP_SOLIDARITE", "03",
            List.of("ALIMENTATION", "ECONOMIE_CIRCULAIRE"));

    private static final Map<Class<? extends EventData>, EventData> BY_CLASS = Map.of(
            OrganizationRegistered.class, ORGANIZATION_REGISTERED);

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
