package qc.esac.events.membership;

import java.time.LocalDate;

/**
 * What every membership event carries: the membership's standing right after the change. A consumer that
 * only needs "is this organization a member in good standing of that network, since when, with a vote?" can
 * keep its read model from any of these events alone, whatever the type, and ignore the types it does not
 * know. Subject of every such event: the membership id.
 *
 * <p>Statuses: {@code APPLIED}, {@code APPROVED}, {@code REJECTED}, {@code ACTIVE}, {@code RENEWAL_DUE},
 * {@code IN_GRACE}, {@code LAPSED}, {@code SUSPENDED}, {@code RESIGNED}, {@code TERMINATED}; good standing
 * means {@code ACTIVE}, {@code RENEWAL_DUE} or {@code IN_GRACE}. More statuses may appear within v1: rely on
 * {@link #goodStanding()} rather than on the list.
 */
public interface MembershipStandingEvent {

    String membershipId();

    String organizationId();

    String networkId();

    String category();

    String status();

    String previousStatus();

    boolean goodStanding();

    boolean votingRights();

    LocalDate periodStart();

    LocalDate periodEnd();

    LocalDate effectiveDate();

    String reason();
}
