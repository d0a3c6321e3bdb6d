package qc.esac.training.organization;

import qc.esac.membershipfeed.RosterEntry;
import qc.esac.membershipfeed.Standing;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * What training shows of an organization it knows from membership events (the shared read model's view), with
 * what it consumed of the organization's memberships and roster: its standing in each network the reader is staff
 * of (never another network's), and its roster entries reduced to their ids and employment dates (no names: the
 * roster is membership's, this only shows which entries training holds and whether they ended).
 */
public record KnownOrganization(String id, String legalName, String legalForm, String regionCode,
                                List<String> sectorCodes, LocalDate closedOn, List<NetworkStanding> standings,
                                List<KnownEmployee> roster) {

    static KnownOrganization of(qc.esac.membershipfeed.KnownOrganization known, List<Standing> standings,
                                List<RosterEntry> roster) {
        return new KnownOrganization(known.id(), known.legalName(), known.legalForm(), known.regionCode(),
                known.sectorCodes(), known.closedOn(), standings.stream().map(NetworkStanding::of).toList(),
                roster.stream().map(KnownEmployee::of).sorted(Comparator.comparing(KnownEmployee::id)).toList());
    }

    /** The standing the last membership event of the network left (status, good standing, from which day). */
    public record NetworkStanding(String networkId, String membershipId, String status, boolean goodStanding,
                                  LocalDate effectiveDate) {

        static NetworkStanding of(Standing standing) {
            return new NetworkStanding(standing.networkId(), standing.membershipId(), standing.status(),
                    standing.goodStanding(), standing.effectiveDate());
        }
    }

    /** A roster entry as training holds it: its id and employment dates ({@code endDate} null while employed). */
    public record KnownEmployee(String id, LocalDate hireDate, LocalDate endDate) {

        static KnownEmployee of(RosterEntry entry) {
            return new KnownEmployee(entry.id(), entry.hireDate(), entry.endDate());
        }
    }
}
