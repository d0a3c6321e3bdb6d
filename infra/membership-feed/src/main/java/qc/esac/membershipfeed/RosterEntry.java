package qc.esac.membershipfeed;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An employee on an organization's roster, as membership last said (read model): who may be registered or insured
 * as the organization's employee, under which name, and which platform account is theirs.
 *
 * @param endDate      last day of employment, null while employed (may be in the future)
 * @param userId       the employee's platform account (token subject), null when none is linked
 *
 * @param hoursHistory the weekly hours from each date they changed, oldest first (empty for entries recorded
 *                     before the history was kept: the current hours since the hire date)
 */
public record RosterEntry(String id, String organizationId, String firstName, String lastName,
                          String employmentStatus, BigDecimal weeklyHours, LocalDate hireDate, LocalDate endDate,
                          String userId, List<Hours> hoursHistory) {

    public RosterEntry {
        hoursHistory = hoursHistory == null ? List.of() : List.copyOf(hoursHistory);
    }

    /** Weekly hours from a date. */
    public record Hours(LocalDate from, BigDecimal weeklyHours) {
    }

    /** Whether they work for {@code organizationId} on {@code on} (up to and including their last day). */
    public boolean worksFor(String organizationId, LocalDate on) {
        return this.organizationId.equals(organizationId) && (endDate == null || !on.isAfter(endDate));
    }

    public boolean hasLeftBy(LocalDate date) {
        return endDate != null && endDate.isBefore(date);
    }

    public String fullName() {
        return firstName + " " + lastName;
    }

    /** The history with the hours of this entry from {@code date} added (seeded from the hire date if empty). */
    public List<Hours> historyWith(RosterEntry previous, LocalDate date) {
        List<Hours> history = new java.util.ArrayList<>(previous == null ? List.of() : previous.hoursHistory);
        if (history.isEmpty()) {
            LocalDate since = hireDate == null ? date : hireDate;
            history.add(new Hours(since, previous == null ? weeklyHours : previous.weeklyHours));
            if (previous == null || sameHours(previous.weeklyHours, weeklyHours)) {
                return history;
            }
        }
        Hours last = history.get(history.size() - 1);
        if (!sameHours(last.weeklyHours(), weeklyHours)) {
            history.removeIf(h -> h.from().isAfter(date));
            history.add(new Hours(date, weeklyHours));
        }
        return history;
    }

    /**
     * Since when the weekly hours have been at least {@code minimum} without a break; null when they are not now.
     */
    public LocalDate hoursAtLeastSince(BigDecimal minimum) {
        if (weeklyHours == null || weeklyHours.compareTo(minimum) < 0) {
            return null;
        }
        LocalDate since = hireDate;
        for (Hours h : hoursHistory) {
            boolean enough = h.weeklyHours() != null && h.weeklyHours().compareTo(minimum) >= 0;
            if (!enough) {
                since = null;
            } else if (since == null) {
                since = h.from();
            }
        }
        return since;
    }

    private static boolean sameHours(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
