package qc.esac.events.membership;

import org.junit.jupiter.api.Test;
import qc.esac.events.EventDescriptor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The membership topic's promise to consumers: every membership-* event carries the standing, every
 * employee-* event the roster entry, so a read model can be kept from any of them.
 */
class MembershipContractsTest {

    @Test
    void everyMembershipEventCarriesTheStandingAndEveryEmployeeEventTheRosterEntry() {
        for (EventDescriptor descriptor : MembershipEventTypes.DESCRIPTORS) {
            String name = descriptor.type().substring("qc.esac.membership.".length());
            if (name.startsWith("membership-")) {
                assertThat(MembershipStandingEvent.class).as(name).isAssignableFrom(descriptor.dataClass());
            } else if (name.startsWith("employee-")) {
                assertThat(RosterEntryEvent.class).as(name).isAssignableFrom(descriptor.dataClass());
            } else {
                assertThat(name).matches("(organization|network|access)-.*");
            }
        }
    }

    @Test
    void theIssueListOfEventsIsPublished() {
        assertThat(MembershipEventTypes.DESCRIPTORS).extracting(EventDescriptor::type).containsExactly(
                "qc.esac.membership.organization-registered.v1",
                "qc.esac.membership.organization-updated.v1",
                "qc.esac.membership.organization-closed.v1",
                "qc.esac.membership.membership-applied.v1",
                "qc.esac.membership.membership-approved.v1",
                "qc.esac.membership.membership-rejected.v1",
                "qc.esac.membership.membership-activated.v1",
                "qc.esac.membership.membership-renewal-due.v1",
                "qc.esac.membership.membership-in-grace.v1",
                "qc.esac.membership.membership-lapsed.v1",
                "qc.esac.membership.membership-suspended.v1",
                "qc.esac.membership.membership-reinstated.v1",
                "qc.esac.membership.membership-resigned.v1",
                "qc.esac.membership.membership-terminated.v1",
                "qc.esac.membership.membership-renewed.v1",
                "qc.esac.membership.membership-fee-recorded.v1",
                "qc.esac.membership.employee-added.v1",
                "qc.esac.membership.employee-updated.v1",
                "qc.esac.membership.employee-left.v1",
                "qc.esac.membership.network-configured.v1",
                "qc.esac.membership.access-granted.v1",
                "qc.esac.membership.access-revoked.v1");
    }
}
