package qc.esac.membership.membership;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a membership stands. What a status is worth (good standing, the vote) also depends on the network's rule
 * for members in grace: see {@link Standing}.
 */
public enum MembershipStatus {

    APPLIED, APPROVED, REJECTED, ACTIVE, RENEWAL_DUE, IN_GRACE, LAPSED, SUSPENDED, RESIGNED, TERMINATED;

    private static final Set<MembershipStatus> CURRENT = EnumSet.of(ACTIVE, RENEWAL_DUE, IN_GRACE);
    private static final Set<MembershipStatus> FINAL = EnumSet.of(REJECTED, RESIGNED, TERMINATED);
    private static final Set<MembershipStatus> DATE_DRIVEN = EnumSet.of(ACTIVE, RENEWAL_DUE, IN_GRACE, LAPSED);

    /** A current period, paid or in grace: what the status rules move on, what a suspension interrupts. */
    public boolean current() {
        return CURRENT.contains(this);
    }

    public boolean isFinal() {
        return FINAL.contains(this);
    }

    /** Statuses the period's dates decide (the status rules move a membership between them). */
    public boolean dateDriven() {
        return DATE_DRIVEN.contains(this);
    }
}
