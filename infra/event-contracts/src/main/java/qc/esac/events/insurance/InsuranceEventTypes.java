package qc.esac.events.insurance;

import qc.esac.events.EventDescriptor;

import java.util.List;

/** The public event types of the insurance context, published on {@code Topics.INSURANCE}. */
public final class InsuranceEventTypes {

    public static final List<EventDescriptor> DESCRIPTORS = List.of();

    private InsuranceEventTypes() {
    }
}
