package qc.esac.insurance.invoice;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import qc.esac.events.insurance.InvoiceIssued;
import qc.esac.insurance.enrolment.Enrolment;
import qc.esac.insurance.enrolment.EnrolmentService;
import qc.esac.insurance.enrolment.PersonalData;
import qc.esac.insurance.participation.Participation;
import qc.esac.insurance.participation.ParticipationService;
import qc.esac.insurance.participation.ParticipationStatus;
import qc.esac.insurance.plan.PlanService;
import qc.esac.insurance.plan.PlanYear;
import qc.esac.insurance.premium.Money;
import qc.esac.insurance.premium.PremiumCalculator;
import qc.esac.kit.outbox.Versioned;
import qc.esac.kit.problem.NotFoundException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Issues each participating employer's invoice once per month. The invoice id is derived from the employer and
 * the month and the invoice is created with a conditional insert, so a second run, or a run on another
 * instance at the same time, finds it taken and issues nothing.
 */
@Service
public class InvoiceService {

    private static final Logger log = LoggerFactory.getLogger(InvoiceService.class);
    private static final int PAYMENT_DAYS = 30;

    private final Invoices invoices;
    private final ParticipationService participations;
    private final EnrolmentService enrolments;
    private final PlanService plans;

    InvoiceService(Invoices invoices, ParticipationService participations, EnrolmentService enrolments,
                   PlanService plans) {
        this.invoices = invoices;
        this.participations = participations;
        this.enrolments = enrolments;
        this.plans = plans;
    }

    /** How a run went: invoices issued now, and employers already invoiced for the month. */
    public record Run(String period, int issued, int alreadyIssued) {
    }

    public Run issueMonth(YearMonth month, LocalDate issuedOn) {
        int issued = 0;
        int already = 0;
        for (Versioned<Participation> p : participations.withStatus(ParticipationStatus.values())) {
            if (!coversSomeDayOf(p.state(), month)) {
                continue;
            }
            String id = Invoice.idOf(p.id(), month.toString());
            if (invoices.find(id).isPresent()) {
                already++;
                continue;
            }
            Invoice invoice = compute(p.state(), month, issuedOn);
            try {
                invoices.insert(id, invoice, new InvoiceIssued(id, invoice.organizationId(), invoice.period(),
                        invoice.issuedOn(), invoice.dueOn(), invoice.currency(), Money.format(invoice.total()),
                        Money.format(invoice.employerShare()), Money.format(invoice.employeeShare())));
                issued++;
            } catch (DuplicateKeyException e) {
                already++; // issued meanwhile by another run
            }
        }
        if (issued > 0) {
            log.info("Invoices for {}: {} issued, {} already issued", month, issued, already);
        }
        return new Run(month.toString(), issued, already);
    }

    /** What the employer's invoice for {@code month} would be now, without issuing anything. */
    public Invoice quote(String organizationId, YearMonth month, LocalDate today) {
        return compute(participations.get(organizationId).state(), month, today);
    }

    public Versioned<Invoice> get(String organizationId, String period) {
        return invoices.find(Invoice.idOf(organizationId, period))
                .orElseThrow(() -> new NotFoundException("facture.introuvable", organizationId, period));
    }

    public List<Invoice> ofOrganization(String organizationId, int page, int size) {
        return invoices.ofOrganization(organizationId, page, size);
    }

    public long countOf(String organizationId) {
        return invoices.countOf(organizationId);
    }

    Invoice compute(Participation participation, YearMonth month, LocalDate issuedOn) {
        PlanYear plan = plans.requireInForceOn(month.atDay(1));
        BigDecimal factor = participation.rateFactor(plan.year());
        int share = participation.employerSharePercent();
        List<InvoiceCalculator.Billable> billable = new ArrayList<>();
        BigDecimal payroll = BigDecimal.ZERO;
        for (Versioned<Enrolment> e : enrolments.ofOrganization(participation.organizationId())) {
            if (e.state().segments().isEmpty()) {
                continue;
            }
            PersonalData personal = enrolments.personalData(e.state());
            billable.add(new InvoiceCalculator.Billable(e.id(), e.state().segments(), personal::salaryOn));
            if (e.state().coversOn(month.atDay(1)) || e.state().coversOn(month.atEndOfMonth())) {
                payroll = payroll.add(personal.salaryOn(month.atEndOfMonth()));
            }
        }
        List<InvoiceLine> lines = new ArrayList<>(InvoiceCalculator.premiums(month, plan, billable, factor, share));
        BigDecimal premiums = InvoiceCalculator.sum(lines, InvoiceLine::amount);
        lines.addAll(corrections(participation, month, billable));
        return new Invoice(Invoice.idOf(participation.organizationId(), month.toString()), participation.organizationId(),
                month.toString(), issuedOn, issuedOn.plusDays(PAYMENT_DAYS), plan.year(), factor, share, lines,
                InvoiceCalculator.sum(lines, InvoiceLine::amount), InvoiceCalculator.sum(lines, InvoiceLine::employerShare),
                InvoiceCalculator.sum(lines, InvoiceLine::employeeShare), Money.cents(payroll),
                PremiumCalculator.percentOfPayroll(premiums, payroll), "CAD");
    }

    /**
     * Corrections of every month invoiced before {@code month} (a departure or an evidence decision recorded late
     * may change several): each such month recomputed now, minus everything already billed for it, by its own
     * invoice and by the corrections on later ones.
     */
    private List<InvoiceLine> corrections(Participation participation, YearMonth month,
                                          List<InvoiceCalculator.Billable> billable) {
        List<Invoice> earlier = invoices.allOf(participation.organizationId()).stream()
                .filter(i -> YearMonth.parse(i.period()).isBefore(month))
                .sorted(java.util.Comparator.comparing(Invoice::period)).toList();
        List<InvoiceLine> corrections = new ArrayList<>();
        for (Invoice invoiced : earlier) {
            YearMonth period = YearMonth.parse(invoiced.period());
            Optional<PlanYear> plan = plans.inForceOn(period.atDay(1));
            if (plan.isEmpty()) {
                continue;
            }
            List<InvoiceLine> recomputed = InvoiceCalculator.premiums(period, plan.get(), billable,
                    participation.rateFactor(plan.get().year()), invoiced.employerSharePercent());
            List<InvoiceLine> billed = earlier.stream().flatMap(i -> i.lines().stream())
                    .filter(l -> l.servicePeriod().equals(invoiced.period())).toList();
            corrections.addAll(InvoiceCalculator.adjustments(period, recomputed, billed, invoiced.employerSharePercent()));
        }
        return corrections;
    }

    private static boolean coversSomeDayOf(Participation participation, YearMonth month) {
        if (participation.activeSince() == null || participation.activeSince().isAfter(month.atEndOfMonth())) {
            return false;
        }
        return participation.status() != ParticipationStatus.TERMINATED
                || !participation.terminatedOn().isBefore(month.atDay(1));
    }
}
