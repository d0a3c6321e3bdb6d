package qc.esac.membershipfeed;

import qc.esac.events.membership.MembershipStandingEvent;
import qc.esac.events.membership.OrganizationClosed;
import qc.esac.events.membership.OrganizationRegistered;
import qc.esac.events.membership.OrganizationUpdated;
import qc.esac.events.membership.RosterEntryEvent;
import qc.esac.kit.messaging.EventDispatcher;

/**
 * What a service knows from membership, built once: organizations, standings and rosters, each service's own copy
 * in its own database. A service's listener registers these read models first on its dispatcher, then its own
 * consequences (which may read them).
 */
public class MembershipFeed {

    private final KnownOrganizations organizations;
    private final MembershipStandings standings;
    private final Roster roster;

    public MembershipFeed(KnownOrganizations organizations, MembershipStandings standings, Roster roster) {
        this.organizations = organizations;
        this.standings = standings;
        this.roster = roster;
    }

    /**
     * Adds the read models' handlers of the membership event types to {@code dispatcher}, with the documents each
     * reads (so that a batch listener loads them together).
     */
    public EventDispatcher.Builder registerOn(EventDispatcher.Builder dispatcher) {
        return registerOrganizationsOn(dispatcher)
                .on(MembershipStandingEvent.class, standings::apply)
                .reads(MembershipStandingEvent.class, MembershipStandings.COLLECTION,
                        s -> Standing.idOf(s.organizationId(), s.networkId()))
                .on(RosterEntryEvent.class, roster::apply)
                .reads(RosterEntryEvent.class, Roster.COLLECTION, RosterEntryEvent::employeeId);
    }

    /**
     * Adds only the organizations' handlers: for a service that needs no standings or rosters (it keeps no personal
     * data it has no use for).
     */
    public EventDispatcher.Builder registerOrganizationsOn(EventDispatcher.Builder dispatcher) {
        return dispatcher
                .on(OrganizationRegistered.class, organizations::applyRegistered)
                .on(OrganizationUpdated.class, organizations::applyUpdated)
                .on(OrganizationClosed.class, organizations::applyClosed)
                .reads(OrganizationRegistered.class, KnownOrganizations.COLLECTION, OrganizationRegistered::organizationId)
                .reads(OrganizationUpdated.class, KnownOrganizations.COLLECTION, OrganizationUpdated::organizationId)
                .reads(OrganizationClosed.class, KnownOrganizations.COLLECTION, OrganizationClosed::organizationId);
    }

    public KnownOrganizations organizations() {
        return organizations;
    }

    public MembershipStandings standings() {
        return standings;
    }

    public Roster roster() {
        return roster;
    }
}
