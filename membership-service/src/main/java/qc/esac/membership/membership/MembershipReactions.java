package qc.esac.membership.membership;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import qc.esac.membership.network.NetworkRulesChanged;
import qc.esac.membership.organization.OrganizationClosedNotice;

/**
 * Reactions to changes elsewhere in the service: a closed organization is no longer a member anywhere (its live
 * memberships are terminated); a network's new rules reschedule its memberships' next status check.
 */
@Component
class MembershipReactions {

    private static final Logger log = LoggerFactory.getLogger(MembershipReactions.class);

    private final MembershipService memberships;

    MembershipReactions(MembershipService memberships) {
        this.memberships = memberships;
    }

    @EventListener
    void on(NetworkRulesChanged changed) {
        int rescheduled = memberships.reschedule(changed.networkId());
        log.info("Network {} changed its status rules: {} memberships rescheduled", changed.networkId(), rescheduled);
    }

    @EventListener
    void on(OrganizationClosedNotice closed) {
        int ended = memberships.terminateAllOf(closed.organizationId(), closed.closedOn());
        log.info("Organization {} closed: {} memberships terminated", closed.organizationId(), ended);
    }
}
