package qc.esac.membership.membership;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the status rules on a schedule (hourly by default: dates change once a day, and a missed run is caught
 * up by the next). Every instance may run it; the service's conditional writes keep each transition single.
 */
@Component
class MembershipStatusJob {

    private static final Logger log = LoggerFactory.getLogger(MembershipStatusJob.class);

    private final MembershipService memberships;

    MembershipStatusJob(MembershipService memberships) {
        this.memberships = memberships;
    }

    @Scheduled(initialDelayString = "${esac.membership.status-job.initial-delay:PT1M}",
            fixedDelayString = "${esac.membership.status-job.interval:PT1H}")
    void run() {
        try {
            int ended = memberships.terminateMembershipsOfClosedOrganizations();
            int transitions = memberships.evaluateDue(memberships.today());
            if (transitions + ended > 0) {
                log.info("Membership status rules made {} transitions; {} memberships of closed organizations ended",
                        transitions, ended);
            }
        } catch (RuntimeException e) {
            log.warn("Membership status rules failed; the next run retries", e);
        }
    }
}
