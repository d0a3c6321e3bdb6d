package qc.esac.insurance.invoice;

import qc.esac.insurance.plan.CoverageCode;
import qc.esac.insurance.plan.Tier;

import java.math.BigDecimal;

/**
 * One line of an invoice: one coverage of one employee for the days covered in a month.
 *
 * @param kind          {@code PREMIUM} for the month billed, {@code ADJUSTMENT} for a correction of an earlier month
 *                      (a change recorded after that month's invoice was issued)
 * @param servicePeriod the month of coverage the line pays for, {@code YYYY-MM}
 * @param monthlyAmount the full month's premium of the coverage at the employer's rate
 */
public record InvoiceLine(String kind, String employeeId, CoverageCode coverage, Tier tier, String classCode,
                          String servicePeriod, int days, BigDecimal monthlyAmount, BigDecimal amount,
                          BigDecimal employerShare, BigDecimal employeeShare) {

    public static final String PREMIUM = "PREMIUM";
    public static final String ADJUSTMENT = "ADJUSTMENT";
}
