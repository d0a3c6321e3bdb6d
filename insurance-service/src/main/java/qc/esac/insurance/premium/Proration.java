package qc.esac.insurance.premium;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Mid-month changes are billed by the day: a monthly amount times the days covered in the month over the days
 * of the month.
 */
public final class Proration {

    private Proration() {
    }

    /** Days of {@code month} within [{@code from}, {@code to}] (both inclusive, {@code to} null = open). */
    public static int coveredDays(YearMonth month, LocalDate from, LocalDate to) {
        LocalDate start = from.isAfter(month.atDay(1)) ? from : month.atDay(1);
        LocalDate end = to == null || to.isAfter(month.atEndOfMonth()) ? month.atEndOfMonth() : to;
        return end.isBefore(start) ? 0 : end.getDayOfYear() - start.getDayOfYear() + 1;
    }

    public static BigDecimal prorate(BigDecimal monthly, YearMonth month, int coveredDays) {
        if (coveredDays >= month.lengthOfMonth()) {
            return Money.cents(monthly);
        }
        return Money.cents(monthly.multiply(BigDecimal.valueOf(coveredDays))
                .divide(BigDecimal.valueOf(month.lengthOfMonth()), Money.WORKING));
    }
}
