package qc.esac.membership.membership;

import static qc.esac.membership.membership.MembershipStatus.ACTIVE;
import static qc.esac.membership.membership.MembershipStatus.IN_GRACE;
import static qc.esac.membership.membership.MembershipStatus.RENEWAL_DUE;

/**
 * The one place that says what a status is worth: good standing (member prices, the group plan, standing
 * displays) and the vote at the general meeting. A member whose period is paid has both (the vote if its
 * category carries one); a member in grace has what its network decided (by default: services, no vote).
 */
final class Standing {

    private Standing() {
    }

    static boolean goodStanding(MembershipStatus status, boolean graceKeepsServices) {
        return paid(status) || (status == IN_GRACE && graceKeepsServices);
    }

    static boolean votes(MembershipStatus status, boolean categoryVotes, boolean graceVotes) {
        return categoryVotes && (paid(status) || (status == IN_GRACE && graceVotes));
    }

    private static boolean paid(MembershipStatus status) {
        return status == ACTIVE || status == RENEWAL_DUE;
    }
}
