package qc.esac.membershipfeed;

import java.time.LocalDate;

/**
 * An organization's membership standing in a network: {@code goodStanding} from {@code effectiveDate} on, and
 * {@code previousGoodStanding} before that day (a lapse announced for the end of the fiscal year leaves the
 * organization in good standing until then). The events' {@code goodStanding} already applies each network's rule
 * for members in grace.
 *
 * @param membershipId the membership whose event set this standing
 * @param status       its status after that event ({@code ACTIVE}, {@code LAPSED}, ...)
 */
public record Standing(String organizationId, String networkId, String membershipId, String status,
                       boolean goodStanding, LocalDate effectiveDate, boolean previousGoodStanding) {

    /** The one id scheme of standing documents: one per (organization, network). */
    public static String idOf(String organizationId, String networkId) {
        return organizationId + "|" + networkId;
    }

    /** Whether the organization is a member in good standing of the network on {@code day}. */
    public boolean goodStandingOn(LocalDate day) {
        return day.isBefore(effectiveDate) ? previousGoodStanding : goodStanding;
    }
}
