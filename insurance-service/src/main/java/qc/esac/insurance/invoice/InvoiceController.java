package qc.esac.insurance.invoice;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import qc.esac.insurance.InsuranceAccess;
import qc.esac.insurance.InsuranceCalendar;
import qc.esac.kit.security.EsacUser;
import qc.esac.kit.web.PageView;

import java.time.YearMonth;

/** Monthly invoices: an employer's administrators and staff read them; staff may run the issue. */
@RestController
class InvoiceController {

    private final InvoiceService invoices;
    private final InsuranceCalendar calendar;
    private final InsuranceAccess access;

    InvoiceController(InvoiceService invoices, InsuranceCalendar calendar, InsuranceAccess access) {
        this.invoices = invoices;
        this.calendar = calendar;
        this.access = access;
    }

    @GetMapping("/api/insurance/organizations/{organizationId}/invoices")
    @Operation(summary = "Lister les factures mensuelles d’un employeur",
            description = "List an employer's monthly invoices, most recent first.")
    PageView<Invoice> list(@PathVariable String organizationId, EsacUser user,
                           @RequestParam(defaultValue = "0") @Min(0) int page,
                           @RequestParam(defaultValue = "12") @Min(1) @Max(100) int size) {
        access.requireOrganization(user, organizationId);
        long total = invoices.countOf(organizationId);
        return new PageView<>(invoices.ofOrganization(organizationId, page, size), page, size, total,
                (int) ((total + size - 1) / size));
    }

    @GetMapping("/api/insurance/organizations/{organizationId}/invoices/{period}")
    @Operation(summary = "Lire la facture d’un mois",
            description = "Read an employer's invoice for one month (period yyyy-MM).")
    Invoice get(@PathVariable String organizationId, @PathVariable @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])") String period,
                EsacUser user) {
        access.requireOrganization(user, organizationId);
        return invoices.get(organizationId, period).state();
    }

    @GetMapping("/api/insurance/organizations/{organizationId}/premium")
    @Operation(summary = "Calculer la prime d’un mois telle qu’elle serait facturée",
            description = "Compute a month's premium (current month by default) as it would be invoiced now.")
    Invoice premium(@PathVariable String organizationId, EsacUser user,
                    @RequestParam(required = false) @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])") String period) {
        access.requireOrganization(user, organizationId);
        YearMonth month = period == null ? YearMonth.from(calendar.today()) : YearMonth.parse(period);
        return invoices.quote(organizationId, month, calendar.today());
    }

    @PostMapping("/api/insurance/invoices/issue")
    @Operation(summary = "Émettre les factures d’un mois",
            description = "Issue a month's invoices (current month by default); no effect for employers already "
            + "invoiced.")
    @PreAuthorize("hasRole('STAFF')")
    InvoiceService.Run issue(@RequestParam(required = false) @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])") String period,
                             EsacUser user) {
        access.requireStaff(user);
        YearMonth month = period == null ? YearMonth.from(calendar.today()) : YearMonth.parse(period);
        return invoices.issueMonth(month, calendar.today());
    }
}
