package qc.esac.membership.membership;

import qc.esac.membership.network.Network;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The figures a network reports for a fiscal year: members by status, category, region and sector, new members,
 * and growth against the previous year.
 *
 * @param members           members in good standing at the end of the year (or today, for the current year)
 * @param membersBefore     members in good standing at the end of the previous year
 * @param growthPercent     growth of {@code members} against {@code membersBefore}, one decimal; null from zero
 * @param byStatus          every membership of the network by its current status
 * @param byCategory        members in good standing by category, at the year's reference date
 * @param byRegion          members in good standing by the region of their head office
 * @param bySector          members in good standing by sector (an organization counts in each of its sectors)
 */
record NetworkFigures(String networkId, int fiscalYear, LocalDate fiscalYearStart, LocalDate fiscalYearEnd,
                      LocalDate asOf, long members, long membersBefore, long growth, BigDecimal growthPercent,
                      long newMembers, long newMembersPreviousYear, Map<String, Long> byStatus,
                      Map<String, Long> byCategory, Map<String, Long> byRegion, Map<String, Long> bySector) {

    /** What figures need of an organization. */
    record Place(String regionCode, List<String> sectorCodes) {
    }

    static NetworkFigures of(Network network, int fiscalYear, List<Membership> memberships,
                             Function<String, Place> places, LocalDate today) {
        LocalDate[] year = network.fiscalYear(fiscalYear);
        LocalDate[] previous = network.fiscalYear(fiscalYear - 1);
        LocalDate asOf = year[1].isAfter(today) ? today : year[1];
        List<Membership> members = memberships.stream().filter(m -> inGoodStanding(m, network, asOf, today)).toList();
        long before = memberships.stream().filter(m -> inGoodStanding(m, network, previous[1], today)).count();

        Map<String, Long> byStatus = new TreeMap<>();
        memberships.forEach(m -> byStatus.merge(m.status().name(), 1L, Long::sum));
        Map<String, Long> byCategory = new TreeMap<>();
        Map<String, Long> byRegion = new TreeMap<>();
        Map<String, Long> bySector = new TreeMap<>();
        for (Membership m : members) {
            byCategory.merge(m.category(), 1L, Long::sum);
            Place place = places.apply(m.organizationId());
            if (place != null) {
                byRegion.merge(place.regionCode(), 1L, Long::sum);
                place.sectorCodes().forEach(sector -> bySector.merge(sector, 1L, Long::sum));
            }
        }
        BigDecimal percent = before == 0 ? null : BigDecimal.valueOf((members.size() - before) * 100.0 / before)
                .setScale(1, RoundingMode.HALF_UP);
        return new NetworkFigures(network.id(), fiscalYear, year[0], year[1], asOf, members.size(), before,
                members.size() - before, percent, joinedIn(memberships, year), joinedIn(memberships, previous),
                byStatus, byCategory, byRegion, bySector);
    }

    private static boolean inGoodStanding(Membership m, Network network, LocalDate date, LocalDate today) {
        MembershipStatus on = m.statusOn(network, date, today);
        return on != null && Standing.goodStanding(on, network.graceKeepsServices());
    }

    private static long joinedIn(List<Membership> memberships, LocalDate[] year) {
        return memberships.stream().map(Membership::memberSince)
                .filter(since -> since != null && !since.isBefore(year[0]) && !since.isAfter(year[1])).count();
    }
}
