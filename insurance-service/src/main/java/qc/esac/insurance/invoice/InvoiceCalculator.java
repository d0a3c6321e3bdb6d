package qc.esac.insurance.invoice;

import qc.esac.insurance.enrolment.Enrolment;
import qc.esac.insurance.plan.CoverageCode;
import qc.esac.insurance.plan.CoverageTerms;
import qc.esac.insurance.plan.PlanYear;
import qc.esac.insurance.premium.Money;
import qc.esac.insurance.premium.PremiumCalculator;
import qc.esac.insurance.premium.Proration;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The lines of an employer's invoice: for each enrolment segment overlapping the month, each coverage's
 * monthly premium at the employer's rate, prorated by the day; then corrections of earlier months for
 * changes recorded after their invoices. Pure arithmetic.
 */
public final class InvoiceCalculator {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private InvoiceCalculator() {
    }

    /**
     * What billing needs of one enrolment: when it covered what, and the salary on each day (a change of salary
     * starts a new segment, so each segment is billed at the salary of its first day).
     */
    public record Billable(String employeeId, List<Enrolment.Segment> segments, Function<LocalDate, BigDecimal> salaryOn) {

        /** One salary throughout. */
        public Billable(String employeeId, List<Enrolment.Segment> segments, BigDecimal annualSalary) {
            this(employeeId, segments, day -> annualSalary);
        }
    }

    /** The premium lines of {@code month}. */
    public static List<InvoiceLine> premiums(YearMonth month, PlanYear plan, List<Billable> enrolments,
                                             BigDecimal rateFactor, int employerSharePercent) {
        List<InvoiceLine> lines = new ArrayList<>();
        for (Billable enrolment : enrolments) {
            for (Enrolment.Segment segment : enrolment.segments()) {
                int days = Proration.coveredDays(month, segment.from(), segment.to());
                if (days == 0) {
                    continue;
                }
                for (CoverageCode code : segment.coverages().stream().sorted().toList()) {
                    Optional<CoverageTerms> terms = plan.coverage(code);
                    if (terms.isEmpty()) {
                        continue; // a coverage the new plan year no longer offers
                    }
                    BigDecimal monthly = PremiumCalculator.monthly(terms.get(), segment.tier(),
                            enrolment.salaryOn().apply(segment.from()), rateFactor);
                    BigDecimal amount = Proration.prorate(monthly, month, days);
                    lines.add(line(InvoiceLine.PREMIUM, enrolment.employeeId(), code, segment, month, days, monthly, amount,
                            employerSharePercent));
                }
            }
        }
        return lines;
    }

    /**
     * Corrections of {@code month}: what it should have cost per employee and coverage, as recomputed now,
     * minus what was billed for it.
     */
    public static List<InvoiceLine> adjustments(YearMonth month, List<InvoiceLine> recomputed, List<InvoiceLine> billed,
                                                int employerSharePercent) {
        Map<String, BigDecimal> difference = new LinkedHashMap<>();
        Map<String, InvoiceLine> sample = new LinkedHashMap<>();
        for (InvoiceLine line : recomputed) {
            String key = line.employeeId() + "|" + line.coverage();
            difference.merge(key, line.amount(), BigDecimal::add);
            sample.putIfAbsent(key, line);
        }
        for (InvoiceLine line : billed) {
            String key = line.employeeId() + "|" + line.coverage();
            difference.merge(key, line.amount().negate(), BigDecimal::add);
            sample.putIfAbsent(key, line);
        }
        List<InvoiceLine> lines = new ArrayList<>();
        difference.forEach((key, amount) -> {
            if (amount.signum() != 0) {
                InvoiceLine s = sample.get(key);
                BigDecimal employer = employerShare(amount, employerSharePercent);
                lines.add(new InvoiceLine(InvoiceLine.ADJUSTMENT, s.employeeId(), s.coverage(), s.tier(), s.classCode(),
                        month.toString(), 0, s.monthlyAmount(), amount, employer, amount.subtract(employer)));
            }
        });
        return lines;
    }

    private static InvoiceLine line(String kind, String employeeId, CoverageCode code, Enrolment.Segment segment,
                                    YearMonth month, int days, BigDecimal monthly, BigDecimal amount, int employerSharePercent) {
        BigDecimal employer = employerShare(amount, employerSharePercent);
        return new InvoiceLine(kind, employeeId, code, segment.tier(), segment.classCode(), month.toString(), days, monthly,
                amount, employer, amount.subtract(employer));
    }

    /** The employer's share, rounded to the cent; the employee pays the rest, so shares always add up. */
    static BigDecimal employerShare(BigDecimal amount, int employerSharePercent) {
        return amount.multiply(BigDecimal.valueOf(employerSharePercent)).divide(HUNDRED, 2, RoundingMode.HALF_UP);
    }

    public static BigDecimal sum(List<InvoiceLine> lines, Function<InvoiceLine, BigDecimal> amount) {
        return Money.cents(lines.stream().map(amount).reduce(BigDecimal.ZERO, BigDecimal::add));
    }
}
