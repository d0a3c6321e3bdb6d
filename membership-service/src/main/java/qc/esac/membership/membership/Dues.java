package qc.esac.membership.membership;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a membership owes for the period its next fee pays for (CAD).
 *
 * @param amountDue   the category's fee for the period
 * @param amountPaid  the payments recorded toward it so far
 * @param outstanding what remains to pay; the payment that brings it to zero activates or renews
 */
public record Dues(LocalDate periodStart, LocalDate periodEnd, BigDecimal amountDue, BigDecimal amountPaid,
                   BigDecimal outstanding) {
}
