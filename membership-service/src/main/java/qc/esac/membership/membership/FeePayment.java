package qc.esac.membership.membership;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A membership fee payment as staff recorded it (the platform records payments, it does not process them). */
public record FeePayment(LocalDate periodStart, LocalDate periodEnd, BigDecimal amount, BigDecimal amountDue,
                         LocalDate paidOn, String method, String reference, Instant recordedAt, String recordedBy) {
}
