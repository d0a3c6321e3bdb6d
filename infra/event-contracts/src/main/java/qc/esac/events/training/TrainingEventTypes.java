package qc.esac.events.training;

import qc.esac.events.EventDescriptor;

import java.util.List;

/** The public event types of the training context, published on {@code Topics.TRAINING}. */
public final class TrainingEventTypes {

    public static final List<EventDescriptor> DESCRIPTORS = List.of();

    private TrainingEventTypes() {
    }
}
