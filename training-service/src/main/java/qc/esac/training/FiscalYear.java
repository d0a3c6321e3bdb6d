package qc.esac.training;

import java.time.LocalDate;
import java.time.MonthDay;

/**
 * A network's fiscal year: from the day after its year-end to its next year-end, named by the calendar year it
 * starts in ("2025" = 2025-01-01 to 2025-12-31 for a year ending December 31; "2025-2026" = 2025-04-01 to
 * 2026-03-31 for one ending March 31). Each network sets its year-end (membership's network configuration).
 */
public record FiscalYear(LocalDate firstDay, LocalDate lastDay) {

    /** The year-end of a network training knows nothing of yet: March 31, as the workforce committee's. */
    public static final MonthDay DEFAULT_END = MonthDay.of(3, 31);

    /**
     * The fiscal year that starts in {@code startYear}, for a year ending on {@code end} (February 29: the 28th in
     * common years).
     */
    public static FiscalYear starting(int startYear, MonthDay end) {
        LocalDate afterPreviousEnd = end.atYear(startYear - 1).plusDays(1);
        if (afterPreviousEnd.getYear() == startYear) {
            return new FiscalYear(afterPreviousEnd, end.atYear(startYear));
        }
        return new FiscalYear(end.atYear(startYear).plusDays(1), end.atYear(startYear + 1));
    }

    public static FiscalYear containing(LocalDate day, MonthDay end) {
        FiscalYear year = starting(day.getYear(), end);
        if (day.isBefore(year.firstDay)) {
            return starting(day.getYear() - 1, end);
        }
        return day.isAfter(year.lastDay) ? starting(day.getYear() + 1, end) : year;
    }

    public int startYear() {
        return firstDay.getYear();
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(firstDay) && !day.isAfter(lastDay);
    }

    public String label() {
        return firstDay.getYear() == lastDay.getYear() ? String.valueOf(firstDay.getYear())
                : firstDay.getYear() + "-" + lastDay.getYear();
    }
}
