package qc.esac.insurance.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An employer's invoice for one month (aggregate; id derived from the employer and the month, so that it is
 * issued once whoever issues it).
 *
 * @param percentOfPayroll the month's premium over the insured employees' payroll, annualized, in percent
 */
public record Invoice(String id, String organizationId, String period, LocalDate issuedOn, LocalDate dueOn, int planYear,
                      BigDecimal rateFactor, int employerSharePercent, List<InvoiceLine> lines, BigDecimal total,
                      BigDecimal employerShare, BigDecimal employeeShare, BigDecimal insuredPayroll,
                      BigDecimal percentOfPayroll, String currency) {

    public Invoice {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    public static String idOf(String organizationId, String period) {
        return "inv-" + organizationId + "-" + period;
    }
}
