package qc.esac.events.insurance;

import qc.esac.events.EventData;

import java.time.LocalDate;

/**
 * An employer's monthly premium invoice was issued, once per employer and month. Subject: the invoice id.
 * Amounts are decimal strings with two decimals (exact).
 *
 * @param period the month billed, {@code YYYY-MM}
 */
public record InvoiceIssued(String invoiceId, String organizationId, String period, LocalDate issuedOn,
                            LocalDate dueOn, String currency, String totalAmount, String employerShare,
                            String employeeShare) implements EventData {
}
