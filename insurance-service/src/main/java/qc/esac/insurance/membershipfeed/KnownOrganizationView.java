package qc.esac.insurance.membershipfeed;

import qc.esac.membershipfeed.KnownOrganization;
import qc.esac.membershipfeed.RosterEntry;
import qc.esac.membershipfeed.Standing;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What insurance consumed of an organization: its profile, its standing in the plan's network (the one that decides
 * participation; never another network's), and its roster entries reduced to their ids and employment dates (no
 * names: the roster is membership's, this only shows which entries insurance holds and whether they ended).
 */
record KnownOrganizationView(String id, String legalName, String legalForm, String regionCode,
                             List<String> sectorCodes, LocalDate closedOn, List<NetworkStanding> standings,
                             List<KnownEmployee> roster) {

    static KnownOrganizationView of(KnownOrganization known, Optional<Standing> standing, List<RosterEntry> roster) {
        return new KnownOrganizationView(known.id(), known.legalName(), known.legalForm(), known.regionCode(),
                known.sectorCodes(), known.closedOn(), standing.map(NetworkStanding::of).stream().toList(),
                roster.stream().map(KnownEmployee::of).sorted(Comparator.comparing(KnownEmployee::id)).toList());
    }

    /** The standing the last membership event of the network left (status, good standing, from which day). */
    record NetworkStanding(String networkId, String membershipId, String status, boolean goodStanding,
                           LocalDate effectiveDate) {

        static NetworkStanding of(Standing standing) {
            return new NetworkStanding(standing.networkId(), standing.membershipId(), standing.status(),
                    standing.goodStanding(), standing.effectiveDate());
        }
    }

    /** A roster entry as insurance holds it: its id and employment dates ({@code endDate} null while employed). */
    record KnownEmployee(String id, LocalDate hireDate, LocalDate endDate) {

        static KnownEmployee of(RosterEntry entry) {
            return new KnownEmployee(entry.id(), entry.hireDate(), entry.endDate());
        }
    }
}
