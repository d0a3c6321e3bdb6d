package qc.esac.events.insurance;

import qc.esac.events.EventDescriptor;
import qc.esac.events.Topics;

import java.util.List;

/** The public event types of the insurance context, published on {@code Topics.INSURANCE}. */
public final class InsuranceEventTypes {

    public static final List<EventDescriptor> DESCRIPTORS = List.of(
            EventDescriptor.v1(Topics.INSURANCE, "participation-applied", ParticipationApplied.class),
            EventDescriptor.v1(Topics.INSURANCE, "participation-activated", ParticipationActivated.class),
            EventDescriptor.v1(Topics.INSURANCE, "participation-in-grace", ParticipationInGrace.class),
            EventDescriptor.v1(Topics.INSURANCE, "participation-reinstated", ParticipationReinstated.class),
            EventDescriptor.v1(Topics.INSURANCE, "participation-terminated", ParticipationTerminated.class),
            EventDescriptor.v1(Topics.INSURANCE, "enrolment-activated", EnrolmentActivated.class),
            EventDescriptor.v1(Topics.INSURANCE, "enrolment-changed", EnrolmentChanged.class),
            EventDescriptor.v1(Topics.INSURANCE, "enrolment-terminated", EnrolmentTerminated.class),
            EventDescriptor.v1(Topics.INSURANCE, "invoice-issued", InvoiceIssued.class),
            EventDescriptor.v1(Topics.INSURANCE, "rates-renewed", RatesRenewed.class));

    private InsuranceEventTypes() {
    }
}
