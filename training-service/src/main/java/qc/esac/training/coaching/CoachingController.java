package qc.esac.training.coaching;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import qc.esac.kit.docs.ApiSuccess;
import qc.esac.kit.outbox.Versioned;
import qc.esac.kit.security.EsacUser;
import qc.esac.kit.web.PageView;
import qc.esac.training.FiscalYear;
import qc.esac.training.IdempotencyKeys;
import qc.esac.training.organization.NetworkFiscalYears;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Coaching hours: {@code /api/training/coaching}. */
@RestController
@Validated
@RequestMapping("/api/training/coaching")
class CoachingController {

    private final CoachingService coaching;
    private final NetworkFiscalYears fiscalYears;

    CoachingController(CoachingService coaching, NetworkFiscalYears fiscalYears) {
        this.fiscalYears = fiscalYears;
        this.coaching = coaching;
    }

    @PostMapping
    @Operation(summary = "Consigner des heures d’accompagnement",
            description = "Log accompaniment hours given to an organization.")
    @ApiSuccess(status = 201)
    @PreAuthorize("hasRole('STAFF')")
    ResponseEntity<CoachingEntry> log(@Valid @RequestBody LogRequest request,
                                      @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
                                      EsacUser user) {
        Versioned<CoachingEntry> logged = coaching.log(user, request.networkId(), request.organizationId(),
                request.date(), request.hours(), request.topic(), key);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(logged.id()))
                .body(logged.state());
    }

    @GetMapping
    @Operation(summary = "Lister les heures d’accompagnement d’une organisation",
            description = "An organization's coaching hours, with totals per fiscal year (each network's own).")
    OrganizationCoaching ofOrganization(@RequestParam String organizationId,
                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                        @RequestParam(defaultValue = "0") @Min(0) int page,
                                        @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
                                        EsacUser user) {
        List<CoachingEntry> entries = coaching.ofOrganization(user, organizationId, from, to);
        return new OrganizationCoaching(organizationId, CoachingService.totalHours(entries),
                CoachingService.hoursPerFiscalYear(entries, e -> fiscalYears.containing(e.networkId(), e.date())),
                PageView.of(entries, page, size));
    }

    @GetMapping("/totals")
    @Operation(summary = "Obtenir les heures d’accompagnement d’un réseau pour un exercice",
            description = "A network's coaching hours in one of its fiscal years (named by the year it starts in).")
    @PreAuthorize("hasRole('STAFF')")
    NetworkCoaching totals(@RequestParam String networkId, @RequestParam int fiscalYear,
                           @RequestParam(defaultValue = "0") @Min(0) int page,
                           @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, EsacUser user) {
        user.requireStaffOf(networkId);
        FiscalYear year = fiscalYears.starting(networkId, fiscalYear);
        List<CoachingEntry> entries = coaching.ofNetwork(networkId, year.firstDay(), year.lastDay());
        List<CoachingService.OrganizationHours> perOrganization = CoachingService.hoursPerOrganization(entries);
        return new NetworkCoaching(networkId, year.label(), CoachingService.totalHours(entries),
                perOrganization.size(), PageView.of(perOrganization, page, size));
    }

    record LogRequest(@NotBlank @Size(max = 80) String networkId, @NotBlank @Size(max = 80) String organizationId,
                      @NotNull LocalDate date,
                      @NotNull @DecimalMin("0.25") @DecimalMax("24") @Digits(integer = 2, fraction = 2) BigDecimal hours,
                      @NotBlank @Size(max = 300) String topic) {
    }

    record OrganizationCoaching(String organizationId, BigDecimal totalHours, Map<String, BigDecimal> hoursPerFiscalYear,
                                PageView<CoachingEntry> entries) {
    }

    record NetworkCoaching(String networkId, String fiscalYear, BigDecimal totalHours, int organizations,
                           PageView<CoachingService.OrganizationHours> perOrganization) {
    }
}
