package qc.esac.membership.membership;

import java.util.EnumSet;
import java.util.Set;

/** Where a membership stands. Good standing (member prices, insurance eligibility, votes) is one rule, here. */
public enum MembershipStatus {

    APPLIED, APPROVED, REJECTED, ACTIVE, RENEWAL_DUE, IN_GRACE, LAPSED, SUSPENDED, RESIGNED, TERMINATED;

    private static final Set<MembershipStatus> GOOD_STANDING = EnumSet.of(ACTIVE, RENEWAL_DUE, IN_GRACE);
    private static final Set<MembershipStatus> FINAL = EnumSet.of(REJECTED, RESIGNED, TERMINATED);
    private static final Set<MembershipStatus> DATE_DRIVEN = EnumSet.of(ACTIVE, RENEWAL_DUE, IN_GRACE, LAPSED);

    public boolean goodStanding() {
        return GOOD_STANDING.contains(this);
    }

    public boolean isFinal() {
        return FINAL.contains(this);
    }

    /** Statuses the period's dates decide (the status rules move a membership between them). */
    public boolean dateDriven() {
        return DATE_DRIVEN.contains(this);
    }
}
