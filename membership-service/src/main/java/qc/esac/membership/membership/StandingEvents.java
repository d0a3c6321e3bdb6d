package qc.esac.membership.membership;

import qc.esac.events.EventData;
import qc.esac.events.membership.MembershipActivated;
import qc.esac.events.membership.MembershipApplied;
import qc.esac.events.membership.MembershipApproved;
import qc.esac.events.membership.MembershipFeeRecorded;
import qc.esac.events.membership.MembershipInGrace;
import qc.esac.events.membership.MembershipLapsed;
import qc.esac.events.membership.MembershipReinstated;
import qc.esac.events.membership.MembershipRejected;
import qc.esac.events.membership.MembershipRenewalDue;
import qc.esac.events.membership.MembershipRenewed;
import qc.esac.events.membership.MembershipResigned;
import qc.esac.events.membership.MembershipSuspended;
import qc.esac.events.membership.MembershipTerminated;
import qc.esac.membership.network.Network;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The one place membership events are shaped: each carries the standing after the change (status, good
 * standing, voting rights, period), then what is particular to its type.
 */
final class StandingEvents {

    static final String CURRENCY = "CAD";

    private StandingEvents() {
    }

    static MembershipApplied applied(Membership m, LocalDate effective) {
        return new MembershipApplied(m.id(), m.organizationId(), m.networkId(), m.category(), m.status().name(), null,
                m.goodStanding(), m.votingRights(), m.periodStart(), m.periodEnd(), effective, null);
    }

    static MembershipApproved approved(Membership m, MembershipStatus previous, LocalDate effective, String reason) {
        return new MembershipApproved(m.id(), m.organizationId(), m.networkId(), m.category(), m.status().name(),
                previous.name(), m.goodStanding(), m.votingRights(), m.periodStart(), m.periodEnd(), effective, reason);
    }

    static MembershipRejected rejected(Membership m, MembershipStatus previous, LocalDate effective, String reason) {
        return new MembershipRejected(m.id(), m.organizationId(), m.networkId(), m.category(), m.status().name(),
                previous.name(), m.goodStanding(), m.votingRights(), m.periodStart(), m.periodEnd(), effective, reason);
    }

    static MembershipActivated activated(Membership m, MembershipStatus previous, LocalDate effective) {
        return new MembershipActivated(m.id(), m.organizationId(), m.networkId(), m.category(), m.status().name(),
                previous.name(), m.goodStanding(), m.votingRights(), m.periodStart(), m.periodEnd(), effective, null);
    }

    static MembershipSuspended suspended(Membership m, MembershipStatus previous, LocalDate effective, String reason) {
        return new MembershipSuspended(m.id(), m.organizationId(), m.networkId(), m.category(), m.status().name(),
                previous.name(), m.goodStanding(), m.votingRights(), m.periodStart(), m.periodEnd(), effective, reason);
    }

    static MembershipReinstated reinstated(Membership m, MembershipStatus previous, LocalDate effective,
                                           String reason) {
        return new MembershipReinstated(m.id(), m.organizationId(), m.networkId(), m.category(), m.status().name(),
                previous.name(), m.goodStanding(), m.votingRights(), m.periodStart(), m.periodEnd(), effective, reason);
    }

    static MembershipResigned resigned(Membership m, MembershipStatus previous, LocalDate effective, String reason) {
        return new MembershipResigned(m.id(), m.organizationId(), m.networkId(), m.category(), m.status().name(),
                previous.name(), m.goodStanding(), m.votingRights(), m.periodStart(), m.periodEnd(), effective, reason);
    }

    static MembershipTerminated terminated(Membership m, MembershipStatus previous, LocalDate effective,
                                           String reason) {
        return new MembershipTerminated(m.id(), m.organizationId(), m.networkId(), m.category(), m.status().name(),
                previous.name(), m.goodStanding(), m.votingRights(), m.periodStart(), m.periodEnd(), effective, reason);
    }

    static MembershipRenewed renewed(Membership m, MembershipStatus previous, LocalDate effective,
                                     LocalDate previousPeriodEnd, boolean restarted) {
        return new MembershipRenewed(m.id(), m.organizationId(), m.networkId(), m.category(), m.status().name(),
                previous.name(), m.goodStanding(), m.votingRights(), m.periodStart(), m.periodEnd(), effective, null,
                previousPeriodEnd, restarted);
    }

    static MembershipFeeRecorded feeRecorded(Membership m, LocalDate effective, LocalDate feeStart, LocalDate feeEnd,
                                             Membership.Payment payment) {
        return new MembershipFeeRecorded(m.id(), m.organizationId(), m.networkId(), m.category(), m.status().name(),
                m.status().name(), m.goodStanding(), m.votingRights(), m.periodStart(), m.periodEnd(), effective, null,
                feeStart, feeEnd, payment.amount(), CURRENCY, payment.paidOn(), payment.method(), payment.reference());
    }

    /** The event of a step the status rules made. */
    static EventData byRule(Membership m, MembershipStatus previous, LocalDate effective, String reason,
                            Network network) {
        return switch (m.status()) {
            case RENEWAL_DUE -> new MembershipRenewalDue(m.id(), m.organizationId(), m.networkId(), m.category(),
                    m.status().name(), previous.name(), m.goodStanding(), m.votingRights(), m.periodStart(),
                    m.periodEnd(), effective, reason,
                    network.category(m.category()).map(c -> c.annualFee()).orElse(BigDecimal.ZERO), CURRENCY);
            case IN_GRACE -> new MembershipInGrace(m.id(), m.organizationId(), m.networkId(), m.category(),
                    m.status().name(), previous.name(), m.goodStanding(), m.votingRights(), m.periodStart(),
                    m.periodEnd(), effective, reason, m.periodEnd().plusDays(network.graceDays()));
            case LAPSED -> new MembershipLapsed(m.id(), m.organizationId(), m.networkId(), m.category(),
                    m.status().name(), previous.name(), m.goodStanding(), m.votingRights(), m.periodStart(),
                    m.periodEnd(), effective, reason);
            default -> throw new IllegalStateException("No status rule leads to " + m.status());
        };
    }
}
