package qc.esac.insurance.assessment;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.context.i18n.LocaleContextHolder;
import qc.esac.insurance.InsuranceAccess;
import qc.esac.insurance.InsuranceCalendar;
import qc.esac.insurance.plan.PlanService;
import qc.esac.kit.docs.ApiSuccess;
import qc.esac.kit.security.EsacUser;
import qc.esac.kit.web.PageView;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * The needs-assessment tool: anyone may run it without an account ({@code POST /api/insurance/needs-assessments}
 * stores nothing); an organization's administrator may save one to come back to it or discuss it in a
 * consultation.
 */
@RestController
class AssessmentController {

    private final PlanService plans;
    private final InsuranceCalendar calendar;
    private final Assessments assessments;
    private final Clock clock;
    private final InsuranceAccess access;

    AssessmentController(PlanService plans, InsuranceCalendar calendar, Assessments assessments, Clock clock,
                         InsuranceAccess access) {
        this.plans = plans;
        this.calendar = calendar;
        this.assessments = assessments;
        this.clock = clock;
        this.access = access;
    }

    /** A saved assessment. */
    record SavedAssessment(String id, String organizationId, Instant savedAt, String savedBy,
                           NeedsAssessment.Inputs inputs, NeedsAssessment.Result result) {

        /** The result's labels in the reader's language, whatever language it was saved in. */
        SavedAssessment in(java.util.Locale locale) {
            return new SavedAssessment(id, organizationId, savedAt, savedBy, inputs, result.in(locale));
        }
    }

    @PostMapping("/api/insurance/needs-assessments")
    @Operation(summary = "Évaluer les besoins d’une organisation (anonyme, rien n’est enregistré)",
            description = "Assess an organization's needs (anonymous, nothing is stored): recommended coverages.")
    NeedsAssessment.Result assess(@RequestBody NeedsAssessment.Inputs inputs) {
        return NeedsAssessment.assess(plans.requireInForceOn(calendar.today()), inputs).in(LocaleContextHolder.getLocale());
    }

    @PostMapping("/api/insurance/organizations/{organizationId}/needs-assessments")
    @Operation(summary = "Enregistrer une évaluation des besoins de l’organisation",
            description = "Save a needs assessment for the organization; with an Idempotency-Key header a retry "
            + "does not save twice.")
    @ApiSuccess(status = 201)
    @PreAuthorize("hasAnyRole('STAFF', 'ORG_ADMIN')")
    ResponseEntity<SavedAssessment> save(@PathVariable String organizationId, @RequestBody NeedsAssessment.Inputs inputs,
                                         @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                                         EsacUser user) {
        access.requireOrganization(user, organizationId);
        NeedsAssessment.Result result = NeedsAssessment.assess(plans.requireInForceOn(calendar.today()), inputs);
        // With a key, the id is derived from it: a retried request finds its first answer instead of a duplicate.
        String id = idempotencyKey == null || idempotencyKey.isBlank() ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes((organizationId + "|" + idempotencyKey).getBytes(StandardCharsets.UTF_8)).toString();
        SavedAssessment saved = assessments.save(new SavedAssessment(id, organizationId, clock.instant(), user.id(),
                inputs, result));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(saved.id()))
                .body(saved.in(LocaleContextHolder.getLocale()));
    }

    @GetMapping("/api/insurance/organizations/{organizationId}/needs-assessments")
    @Operation(summary = "Lister les évaluations des besoins enregistrées de l’organisation",
            description = "List the organization's saved needs assessments.")
    PageView<SavedAssessment> list(@PathVariable String organizationId, EsacUser user,
                                   @RequestParam(defaultValue = "0") @Min(0) int page,
                                   @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        access.requireOrganization(user, organizationId);
        long total = assessments.countOf(organizationId);
        return new PageView<>(assessments.ofOrganization(organizationId, page, size).stream()
                .map(a -> a.in(LocaleContextHolder.getLocale())).toList(),
                page, size, total, (int) ((total + size - 1) / size));
    }
}
