package qc.esac.projects.reporting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
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
import qc.esac.kit.web.VersionHeaders;
import qc.esac.projects.project.ProjectAccess;
import qc.esac.projects.project.ProjectService;
import qc.esac.projects.vocabulary.Unit;

import java.time.LocalDate;
import java.util.List;

/** Reporting periods of a project and the values partners report: {@code /api/projects/projects/{id}/periods}. */
@RestController
@RequestMapping("/api/projects/projects/{projectId}/periods")
@Tag(name = "Périodes de reddition de comptes",
        description = "Ouverture, saisie des valeurs par les partenaires, soumission, approbation, verrouillage")
class PeriodController {

    private final PeriodService periods;
    private final ProjectService projects;
    private final ProjectAccess access;

    PeriodController(PeriodService periods, ProjectService projects, ProjectAccess access) {
        this.periods = periods;
        this.projects = projects;
        this.access = access;
    }

    @PostMapping
    @Operation(summary = "Ouvrir une période de reddition de comptes",
            description = "Open a reporting period (staff or the lead's administrator; active projects).")
    @ApiSuccess(status = 201, etag = true)
    ResponseEntity<PeriodView> open(@PathVariable String projectId, EsacUser user,
                                    @Valid @RequestBody OpenPeriod request) {
        Versioned<ReportingPeriod> created = periods.open(user, projectId, request.label(), request.startDate(),
                request.endDate());
        return ResponseEntity
                .created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(created.id()))
                .eTag(VersionHeaders.etag(created.version()))
                .body(PeriodView.of(created));
    }

    @GetMapping
    @Operation(summary = "Lister les périodes de reddition de comptes d’un projet",
            description = "List a project's reporting periods.")
    PageView<PeriodView> list(@PathVariable String projectId, EsacUser user,
                              @RequestParam(defaultValue = "0") @Min(0) int page,
                              @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        access.requireRead(user, projects.get(projectId).state());
        List<PeriodView> all = periods.versionsOf(projectId).stream().map(PeriodView::of).toList();
        return PageView.of(all, page, size);
    }

    @GetMapping("/{periodId}")
    @Operation(summary = "Lire une période de reddition de comptes",
            description = "Read a reporting period.")
    @ApiSuccess(etag = true)
    ResponseEntity<PeriodView> get(@PathVariable String projectId, @PathVariable String periodId, EsacUser user) {
        access.requireRead(user, projects.get(projectId).state());
        return ok(periods.get(projectId, periodId));
    }

    @PutMapping("/{periodId}/values/{indicatorId}")
    @Operation(summary = "Consigner la valeur d’un indicateur pour la période",
            description = "A contributing partner's administrator records its value or narrative for an indicator; "
            + "with If-Match, refused (412) if the period changed since.")
    ResponseEntity<PeriodView> recordValue(@PathVariable String projectId, @PathVariable String periodId,
                                           @PathVariable String indicatorId, EsacUser user,
                                           @RequestHeader(name = VersionHeaders.IF_MATCH, required = false) String ifMatch,
                                           @Valid @RequestBody RecordValue request) {
        Long version = ifMatch == null || ifMatch.isBlank() ? null : VersionHeaders.requiredVersion(ifMatch);
        return ok(periods.recordValue(user, projectId, periodId, indicatorId, request.organizationId(),
                request.input(), version));
    }

    @PostMapping("/{periodId}/submit")
    @Operation(summary = "Soumettre la période pour examen",
            description = "Submit the period for review (contributing partners or programme staff), from its last "
            + "day on.")
    @ApiSuccess(etag = true)
    ResponseEntity<PeriodView> submit(@PathVariable String projectId, @PathVariable String periodId, EsacUser user) {
        return ok(periods.submit(user, projectId, periodId));
    }

    @PostMapping("/{periodId}/approve")
    @Operation(summary = "Approuver une période soumise",
            description = "Approve a submitted period: programme staff, or the lead's administrator when a partner "
            + "submitted it.")
    @ApiSuccess(etag = true)
    ResponseEntity<PeriodView> approve(@PathVariable String projectId, @PathVariable String periodId, EsacUser user) {
        return ok(periods.approve(user, projectId, periodId));
    }

    @PostMapping("/{periodId}/return")
    @Operation(summary = "Renvoyer une période pour révision",
            description = "Return a submitted period for revision.")
    @ApiSuccess(etag = true)
    ResponseEntity<PeriodView> returnForRevision(@PathVariable String projectId, @PathVariable String periodId,
                                                 EsacUser user, @Valid @RequestBody ReturnPeriod request) {
        return ok(periods.returnForRevision(user, projectId, periodId, request.comment()));
    }

    @PostMapping("/{periodId}/lock")
    @Operation(summary = "Verrouiller une période approuvée",
            description = "Lock an approved period (programme staff); its figures then count in the programme "
            + "report.")
    @ApiSuccess(etag = true)
    ResponseEntity<PeriodView> lock(@PathVariable String projectId, @PathVariable String periodId, EsacUser user) {
        return ok(periods.lock(user, projectId, periodId));
    }

    private static ResponseEntity<PeriodView> ok(Versioned<ReportingPeriod> period) {
        return ResponseEntity.ok().eTag(VersionHeaders.etag(period.version())).body(PeriodView.of(period));
    }

    record OpenPeriod(@NotBlank @Size(max = 60) String label, @NotNull LocalDate startDate,
                      @NotNull LocalDate endDate) {
    }

    record BreakdownRequest(@NotBlank @Size(max = 100) String key, @NotNull Double value) {
    }

    record RecordValue(@NotBlank String organizationId, Double value, Unit unit,
                       List<@Valid @NotNull BreakdownRequest> breakdown, @Size(max = 10_000) String narrative,
                       ProgressLabel progressLabel) {

        ValueInput input() {
            return new ValueInput(value, unit, breakdown == null ? List.of()
                    : breakdown.stream().map(b -> new BreakdownValue(b.key().strip(), b.value())).toList(),
                    narrative, progressLabel);
        }
    }

    record ReturnPeriod(@NotBlank @Size(max = 5_000) String comment) {
    }

    /** A period as its readers see it; the version is its ETag. */
    record PeriodView(String id, String projectId, String label, LocalDate startDate, LocalDate endDate,
                      PeriodStatus status, List<Entry> entries, List<PlatformValue> platformValues,
                      List<Transition> history, long version) {

        static PeriodView of(Versioned<ReportingPeriod> versioned) {
            ReportingPeriod p = versioned.state();
            return new PeriodView(p.id(), p.projectId(), p.label(), p.startDate(), p.endDate(), p.status(),
                    p.entries(), p.platformValues(), p.history(), versioned.version());
        }
    }
}
