package qc.esac.insurance.renewal;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import qc.esac.insurance.InsuranceAccess;
import qc.esac.insurance.plan.CoverageCode;
import qc.esac.kit.security.EsacUser;
import qc.esac.kit.web.PageView;

import java.math.BigDecimal;
import java.util.List;

/** Staff record claims experience and run the renewal of a plan year. */
@RestController
@PreAuthorize("hasRole('STAFF')")
class RenewalController {

    private final RenewalService renewals;
    private final InsuranceAccess access;

    RenewalController(RenewalService renewals, InsuranceAccess access) {
        this.renewals = renewals;
        this.access = access;
    }

    @PutMapping("/api/insurance/organizations/{organizationId}/experience/{planYear}/{coverage}")
    @Operation(summary = "Consigner l’expérience de sinistres d’un employeur",
            description = "Record (or replace) an employer's claims experience for a coverage and a plan year.")
    ClaimsExperience report(@PathVariable String organizationId, @PathVariable int planYear,
                            @PathVariable CoverageCode coverage, @Valid @RequestBody ExperienceReport body, EsacUser user) {
        access.requireStaff(user);
        return renewals.report(organizationId, planYear, coverage, body.lifeYears(), body.claims(), body.premiums(), user.id());
    }

    @GetMapping("/api/insurance/organizations/{organizationId}/experience")
    @Operation(summary = "Lire l’expérience de sinistres d’un employeur",
            description = "Read an employer's claims experience.")
    PageView<ClaimsExperience> experience(@PathVariable String organizationId,
                                          @RequestParam(defaultValue = "0") @Min(0) int page,
                                          @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size,
                                          EsacUser user) {
        access.requireStaff(user);
        return PageView.of(renewals.experienceOf(organizationId), page, size);
    }

    @PostMapping("/api/insurance/plan-years/{planYear}/renewal")
    @Operation(summary = "Calculer et publier les taux de renouvellement d’une année",
            description = "Compute and publish each employer's rate for a plan year, before it comes into force.")
    List<RenewalService.Outcome> renew(@PathVariable int planYear, EsacUser user) {
        access.requireStaff(user);
        return renewals.renew(planYear);
    }

    record ExperienceReport(@NotNull @DecimalMin("0") BigDecimal lifeYears, @NotNull @DecimalMin("0") BigDecimal claims,
                            @NotNull @DecimalMin("0") BigDecimal premiums) {
    }
}
