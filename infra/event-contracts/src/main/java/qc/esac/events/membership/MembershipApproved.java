package qc.esac.events.membership;

import qc.esac.events.EventData;
import java.time.LocalDate;

/**
 * Network staff approved a membership application. Status APPROVED: the membership becomes active when its
 * first period starts (fee recorded or waived); not yet in good standing. Subject: the membership id.
 *
 * @param membershipId Platform id of the membership (one organization in one network); also the event subject
 *        and the record key.
 * @param organizationId Id of the member organization (see the organization-* events).
 * @param networkId Id of the network the organization is a member of, e.g. csmo-esac or aacocq. Stable and
 *        human-readable, so consumers can configure the network they care about.
 * @param category Membership category code defined by the network, e.g. REGULAR (voting) or ASSOCIATE (non-
 *        voting). Open list.
 * @param status Status of the membership after this event. Consumers must tolerate values they do not know
 *        (treat them by goodStanding).
 * @param previousStatus Status before this event; null for the application that creates the membership.
 * @param goodStanding Whether the organization is a member in good standing after this event (status ACTIVE,
 *        RENEWAL_DUE or IN_GRACE): the single flag member prices, group-insurance eligibility and standing
 *        displays rely on.
 * @param votingRights Whether the membership carries a vote at the network's general meeting after this
 *        event: the category grants voting rights and the membership is in good standing.
 * @param periodStart First day of the current membership period (ISO date); null until the membership is
 *        first activated.
 * @param periodEnd Last day of the current membership period, the network's fiscal year end; null until the
 *        membership is first activated.
 * @param effectiveDate Date from which this event's status applies (ISO date, Quebec calendar day). May be
 *        earlier than the event time when a change is recorded after the fact.
 * @param reason Why the change happened, as entered by staff or the organization (rejection, suspension,
 *        termination, resignation) or set by the status rules (e.g. the rule that moved the membership into
 *        grace); null when there is none.
 */
public record MembershipApproved(
        String membershipId,
        String organizationId,
        String networkId,
        String category,
        String status,
        String previousStatus,
        boolean goodStanding,
        boolean votingRights,
        LocalDate periodStart,
        LocalDate periodEnd,
        LocalDate effectiveDate,
        String reason) implements EventData, MembershipStandingEvent {
}
