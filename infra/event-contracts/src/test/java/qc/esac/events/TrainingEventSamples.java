package qc.esac.events;

import java.util.List;

/** Valid samples of the training context's event records (see {@link EventSamples}). */
final class TrainingEventSamples {

    static final List<EventData> ALL = List.of();

    private TrainingEventSamples() {
    }
}
