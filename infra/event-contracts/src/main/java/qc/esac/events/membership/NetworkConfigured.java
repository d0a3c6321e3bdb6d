package qc.esac.events.membership;

import qc.esac.events.EventData;

/**
 * A network was created or its rules changed: what other services need to follow its calendar and its members'
 * rights, without asking membership. Subject: the network id. Each event carries the whole configuration (the
 * latest one wins), so a consumer keeps its copy from the last event alone.
 *
 * @param networkId Network id (short code, e.g. csmo-esac); also the event subject and the record key.
 * @param name The network's name.
 * @param fiscalYearEndMonth Month (1-12) of the last day of the network's fiscal year.
 * @param fiscalYearEndDay Day of month of the last day of the network's fiscal year.
 * @param graceKeepsServices Whether a member in grace keeps member services (member prices, the group plan); the
 *        membership events' goodStanding already applies it.
 * @param graceVotes Whether a member in grace may vote at the annual general meeting; the membership events'
 *        votingRights already apply it.
 */
public record NetworkConfigured(
        String networkId,
        String name,
        int fiscalYearEndMonth,
        int fiscalYearEndDay,
        boolean graceKeepsServices,
        boolean graceVotes) implements EventData {
}
