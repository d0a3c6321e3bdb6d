package qc.esac.membership.membership;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import qc.esac.membership.organization.OrganizationClosedNotice;

/** A closed organization is no longer a member anywhere: its live memberships are terminated. */
@Component
class OrganizationClosures {

    private static final Logger log = LoggerFactory.getLogger(OrganizationClosures.class);

    private final MembershipService memberships;

    OrganizationClosures(MembershipService memberships) {
        this.memberships = memberships;
    }

    @EventListener
    void on(OrganizationClosedNotice closed) {
        int ended = memberships.terminateAllOf(closed.organizationId(), closed.closedOn());
        log.info("Organization {} closed: {} memberships terminated", closed.organizationId(), ended);
    }
}
