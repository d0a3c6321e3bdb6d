package qc.esac.training.session;

/**
 * The one pricing rule: a participant costs the member price only while the registering organization is a member
 * in good standing of the network running the training, on the day the seat is confirmed; otherwise the
 * non-member price. (A place promoted from the waiting list is priced on the day of its promotion.) "Good
 * standing" is the membership events' {@code goodStanding} flag, never a list of statuses kept here: membership
 * applies each network's rule there (whether a member in grace keeps member services).
 */
public final class Pricing {

    private Pricing() {
    }

    public static Price quote(Session session, boolean organizationInGoodStanding) {
        return organizationInGoodStanding
                ? new Price(session.memberPrice(), true)
                : new Price(session.nonMemberPrice(), false);
    }

    /** Whether an organization is in good standing with a network on the day of the question; fed by membership events. */
    @FunctionalInterface
    public interface Standings {
        boolean inGoodStanding(String organizationId, String networkId);
    }
}
