package qc.esac.events.training;

import qc.esac.events.EventDescriptor;
import qc.esac.events.Topics;

import java.util.List;

/** The public event types of the training context, published on {@code Topics.TRAINING}. */
public final class TrainingEventTypes {

    public static final List<EventDescriptor> DESCRIPTORS = List.of(
            EventDescriptor.v1(Topics.TRAINING, "session-scheduled", SessionScheduled.class),
            EventDescriptor.v1(Topics.TRAINING, "session-updated", SessionUpdated.class),
            EventDescriptor.v1(Topics.TRAINING, "session-cancelled", SessionCancelled.class),
            EventDescriptor.v1(Topics.TRAINING, "session-completed", SessionCompleted.class),
            EventDescriptor.v1(Topics.TRAINING, "registration-confirmed", RegistrationConfirmed.class),
            EventDescriptor.v1(Topics.TRAINING, "registration-waitlisted", RegistrationWaitlisted.class),
            EventDescriptor.v1(Topics.TRAINING, "registration-cancelled", RegistrationCancelled.class),
            EventDescriptor.v1(Topics.TRAINING, "attestation-issued", AttestationIssued.class),
            EventDescriptor.v1(Topics.TRAINING, "pamt-agreement-signed", PamtAgreementSigned.class),
            EventDescriptor.v1(Topics.TRAINING, "pamt-competency-attested", PamtCompetencyAttested.class),
            EventDescriptor.v1(Topics.TRAINING, "pamt-certificate-issued", PamtCertificateIssued.class),
            EventDescriptor.v1(Topics.TRAINING, "diagnostic-completed", DiagnosticCompleted.class));

    private TrainingEventTypes() {
    }
}
