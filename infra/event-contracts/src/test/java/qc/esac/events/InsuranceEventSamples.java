package qc.esac.events;

import java.util.List;

/** Valid samples of the insurance context's event records (see {@link EventSamples}). */
final class InsuranceEventSamples {

    static final List<EventData> ALL = List.of();

    private InsuranceEventSamples() {
    }
}
