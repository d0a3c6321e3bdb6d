package qc.esac.insurance.plan;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import qc.esac.insurance.InsuranceAccess;
import qc.esac.insurance.InsuranceCalendar;
import qc.esac.kit.docs.ApiSuccess;
import qc.esac.kit.security.EsacUser;
import qc.esac.kit.outbox.Versioned;
import qc.esac.kit.problem.NotFoundException;
import qc.esac.kit.web.PageView;
import qc.esac.kit.web.VersionHeaders;

import java.time.LocalDate;

/** The group plan by year: {@code /api/insurance/plan-years}. Anyone may read it; staff administer it. */
@RestController
@RequestMapping("/api/insurance/plan-years")
class PlanController {

    private final PlanService plans;
    private final InsuranceCalendar calendar;
    private final InsuranceAccess access;

    PlanController(PlanService plans, InsuranceCalendar calendar, InsuranceAccess access) {
        this.plans = plans;
        this.calendar = calendar;
        this.access = access;
    }

    @GetMapping
    @Operation(summary = "Lister les années du régime",
            description = "List the plan years, oldest first.")
    PageView<PlanYear> list(@RequestParam(defaultValue = "0") @Min(0) int page,
                            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return PageView.of(plans.all().stream().map(Versioned::state).toList(), page, size);
    }

    @GetMapping("/current")
    @Operation(summary = "Lire l’année du régime en vigueur à une date",
            description = "Read the plan year in force at a date (today by default).")
    PlanYear current(@RequestParam(required = false) LocalDate on) {
        LocalDate date = on == null ? calendar.today() : on;
        return plans.inForceOn(date).orElseThrow(() -> new NotFoundException("regime.aucune-annee-en-vigueur", date.toString()));
    }

    @GetMapping("/{year}")
    @Operation(summary = "Lire une année du régime",
            description = "Read one plan year, with its version as ETag.")
    @ApiSuccess(etag = true)
    ResponseEntity<PlanYear> get(@PathVariable int year) {
        Versioned<PlanYear> plan = plans.get(year);
        return ResponseEntity.ok().eTag(VersionHeaders.etag(plan.version())).body(plan.state());
    }

    @PutMapping("/{year}")
    @Operation(summary = "Créer ou remplacer une année du régime",
            description = "Create a plan year, or replace it while not yet in force (If-Match required to replace).")
    @ApiSuccess(etag = true)
    @PreAuthorize("hasRole('STAFF')")
    ResponseEntity<PlanYear> put(@PathVariable int year, @RequestBody PlanYear plan,
                                 @RequestHeader(name = VersionHeaders.IF_MATCH, required = false) String ifMatch,
                                 EsacUser user) {
        access.requireStaff(user);
        Long expected = ifMatch == null ? null : VersionHeaders.requiredVersion(ifMatch);
        Versioned<PlanYear> saved = plans.save(year, plan, expected);
        return ResponseEntity.ok().eTag(VersionHeaders.etag(saved.version())).body(saved.state());
    }
}
