package qc.esac.events;

import java.util.List;

/** Valid samples of the projects context's event records (see {@link EventSamples}). */
final class ProjectsEventSamples {

    static final List<EventData> ALL = List.of();

    private ProjectsEventSamples() {
    }
}
