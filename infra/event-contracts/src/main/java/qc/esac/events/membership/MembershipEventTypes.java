package qc.esac.events.membership;

import qc.esac.events.EventDescriptor;
import qc.esac.events.Topics;

import java.util.List;

/** The public event types of the membership context, published on {@code Topics.MEMBERSHIP}. */
public final class MembershipEventTypes {

    public static final List<EventDescriptor> DESCRIPTORS = List.of(
            EventDescriptor.v1(Topics.MEMBERSHIP, "organization-registered", OrganizationRegistered.class));

    private MembershipEventTypes() {
    }
}
