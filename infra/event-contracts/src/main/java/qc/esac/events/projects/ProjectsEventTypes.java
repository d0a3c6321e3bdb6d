package qc.esac.events.projects;

import qc.esac.events.EventDescriptor;
import qc.esac.events.Topics;

import java.util.List;

/** The public event types of the projects context, published on {@code Topics.PROJECTS}. */
public final class ProjectsEventTypes {

    public static final List<EventDescriptor> DESCRIPTORS = List.of(
            EventDescriptor.v1(Topics.PROJECTS, "project-created", ProjectCreated.class),
            EventDescriptor.v1(Topics.PROJECTS, "project-activated", ProjectActivated.class),
            EventDescriptor.v1(Topics.PROJECTS, "project-completed", ProjectCompleted.class),
            EventDescriptor.v1(Topics.PROJECTS, "partner-joined", PartnerJoined.class),
            EventDescriptor.v1(Topics.PROJECTS, "partner-left", PartnerLeft.class),
            EventDescriptor.v1(Topics.PROJECTS, "partner-invited", PartnerInvited.class),
            EventDescriptor.v1(Topics.PROJECTS, "partner-invitation-ended", PartnerInvitationEnded.class),
            EventDescriptor.v1(Topics.PROJECTS, "step-completed", StepCompleted.class),
            EventDescriptor.v1(Topics.PROJECTS, "period-submitted", PeriodSubmitted.class),
            EventDescriptor.v1(Topics.PROJECTS, "period-approved", PeriodApproved.class),
            EventDescriptor.v1(Topics.PROJECTS, "period-locked", PeriodLocked.class));

    private ProjectsEventTypes() {
    }
}
