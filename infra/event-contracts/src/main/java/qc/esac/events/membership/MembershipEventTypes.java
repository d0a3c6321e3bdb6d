package qc.esac.events.membership;

import qc.esac.events.EventDescriptor;
import qc.esac.events.Topics;

import java.util.List;

/**
 * The public event types of the membership context, published on {@code Topics.MEMBERSHIP}. Three kinds of
 * aggregate publish there, each the subject (and record key) of its events: organizations
 * ({@code organization-*}), memberships of an organization in a network ({@code membership-*}, all
 * {@link MembershipStandingEvent}s) roster entries ({@code employee-*}, all {@link RosterEntryEvent}s), networks ({@code network-*}) and
 * access grants ({@code access-*}: who may act for which organization or network).
 */
public final class MembershipEventTypes {

    public static final List<EventDescriptor> DESCRIPTORS = List.of(
            EventDescriptor.v1(Topics.MEMBERSHIP, "organization-registered", OrganizationRegistered.class),
            EventDescriptor.v1(Topics.MEMBERSHIP, "organization-updated", OrganizationUpdated.class),
            EventDescriptor.v1(Topics.MEMBERSHIP, "organization-closed", OrganizationClosed.class),
            EventDescriptor.v1(Topics.MEMBERSHIP, "membership-applied", MembershipApplied.class),
            EventDescriptor.v1(Topics.MEMBERSHIP, "membership-approved", MembershipApproved.class),
            EventDescriptor.v1(Topics.MEMBERSHIP, "membership-rejected", MembershipRejected.class),
            EventDescriptor.v1(Topics.MEMBERSHIP, "membership-activated", MembershipActivated.class),
            EventDescriptor.v1(Topics.MEMBERSHIP, "membership-renewal-due", MembershipRenewalDue.class),
            EventDescriptor.v1(Topics.MEMBERSHIP, "membership-in-grace", MembershipInGrace.class),
            EventDescriptor.v1(Topics.MEMBERSHIP, "membership-lapsed", MembershipLapsed.class),
            EventDescriptor.v1(Topics.MEMBERSHIP, "membership-suspended", MembershipSuspended.class),
            EventDescriptor.v1(Topics.MEMBERSHIP, "membership-reinstated", MembershipReinstated.class),
            EventDescriptor.v1(Topics.MEMBERSHIP, "membership-resigned", MembershipResigned.class),
            EventDescriptor.v1(Topics.MEMBERSHIP, "membership-terminated", MembershipTerminated.class),
            EventDescriptor.v1(Topics.MEMBERSHIP, "membership-renewed", MembershipRenewed.class),
            EventDescriptor.v1(Topics.MEMBERSHIP, "membership-fee-recorded", MembershipFeeRecorded.class),
            EventDescriptor.v1(Topics.MEMBERSHIP, "employee-added", EmployeeAdded.class),
            EventDescriptor.v1(Topics.MEMBERSHIP, "employee-updated", EmployeeUpdated.class),
            EventDescriptor.v1(Topics.MEMBERSHIP, "employee-left", EmployeeLeft.class),
            EventDescriptor.v1(Topics.MEMBERSHIP, "network-configured", NetworkConfigured.class),
            EventDescriptor.v1(Topics.MEMBERSHIP, "access-granted", AccessGranted.class),
            EventDescriptor.v1(Topics.MEMBERSHIP, "access-revoked", AccessRevoked.class));

    private MembershipEventTypes() {
    }
}
