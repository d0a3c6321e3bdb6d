package qc.esac.membership.roster;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import qc.esac.kit.docs.ApiSuccess;
import qc.esac.kit.outbox.Versioned;
import qc.esac.kit.problem.FieldViolation;
import qc.esac.kit.security.EsacUser;
import qc.esac.kit.web.PageView;
import qc.esac.kit.web.VersionHeaders;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Staff rosters over HTTP: {@code /api/membership/organizations/{organizationId}/employees} for the
 * organization's administrators (and network staff), {@code /api/membership/employees/me} for employees.
 */
@RestController
class RosterController {

    private static final String BASE = "/api/membership/organizations/{organizationId}/employees";

    private final RosterService roster;
    private final MessageSource messages;

    RosterController(RosterService roster, MessageSource messages) {
        this.roster = roster;
        this.messages = messages;
    }

    @PostMapping(BASE)
    @Operation(summary = "Ajouter un employé à la liste du personnel",
            description = "Add an employee to the organization's roster.")
    @ApiSuccess(status = 201, etag = true)
    ResponseEntity<EmployeeView> add(@PathVariable String organizationId, @Valid @RequestBody EmployeeRequest request,
                                     EsacUser user) {
        Versioned<Employee> added = roster.add(organizationId, request.details(), request.userId(), user);
        return ResponseEntity
                .created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(added.id()))
                .eTag(VersionHeaders.etag(added.version())).body(EmployeeView.of(added));
    }

    @GetMapping(BASE)
    @Operation(summary = "Lister le personnel de l’organisation",
            description = "List the organization's roster.")
    PageView<EmployeeView> list(@PathVariable String organizationId,
                                @RequestParam(defaultValue = "false") boolean includeFormer,
                                @RequestParam(defaultValue = "0") @Min(0) int page,
                                @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, EsacUser user) {
        PageView<Versioned<Employee>> found = roster.list(organizationId, includeFormer, page, size, user);
        return new PageView<>(found.items().stream().map(EmployeeView::of).toList(), found.page(), found.size(),
                found.totalItems(), found.totalPages());
    }

    @GetMapping(BASE + "/{id}")
    @Operation(summary = "Lire la fiche d’un employé",
            description = "Read an employee's record.")
    @ApiSuccess(etag = true)
    ResponseEntity<EmployeeView> get(@PathVariable String organizationId, @PathVariable String id, EsacUser user) {
        Versioned<Employee> employee = roster.get(organizationId, id, user);
        return ResponseEntity.ok().eTag(VersionHeaders.etag(employee.version())).body(EmployeeView.of(employee));
    }

    @PutMapping(BASE + "/{id}")
    @Operation(summary = "Modifier la fiche d’un employé",
            description = "Update an employee's record (If-Match required).")
    ResponseEntity<EmployeeView> update(@PathVariable String organizationId, @PathVariable String id,
                                        @RequestHeader(name = VersionHeaders.IF_MATCH, required = false) String ifMatch,
                                        @Valid @RequestBody EmployeeRequest request, EsacUser user) {
        Versioned<Employee> updated = roster.update(organizationId, id, VersionHeaders.requiredVersion(ifMatch),
                request.details(), request.userId(), user);
        return ResponseEntity.ok().eTag(VersionHeaders.etag(updated.version())).body(EmployeeView.of(updated));
    }

    @PostMapping(BASE + "/{id}/departure")
    @Operation(summary = "Consigner le départ d’un employé",
            description = "Record an employee's departure (If-Match required).")
    ResponseEntity<EmployeeView> depart(@PathVariable String organizationId, @PathVariable String id,
                                        @RequestHeader(name = VersionHeaders.IF_MATCH, required = false) String ifMatch,
                                        @Valid @RequestBody DepartureRequest request, EsacUser user) {
        Versioned<Employee> departed = roster.depart(organizationId, id, VersionHeaders.requiredVersion(ifMatch),
                request.endDate(), request.reason(), user);
        return ResponseEntity.ok().eTag(VersionHeaders.etag(departed.version())).body(EmployeeView.of(departed));
    }

    /**
     * Imports a CSV roster (header line first). By default nothing is added when any line is rejected
     * ({@code allOrNothing=true}); {@code allOrNothing=false} adds the valid lines. {@code dryRun=true} only checks.
     */
    @PostMapping(path = BASE + "/import", consumes = {"text/csv", "text/plain"})
    @Operation(summary = "Importer la liste du personnel (CSV)",
            description = "Import the roster from a CSV file.")
    ImportReportView importCsv(@PathVariable String organizationId, @RequestBody String csv,
                               @RequestParam(defaultValue = "true") boolean allOrNothing,
                               @RequestParam(defaultValue = "false") boolean dryRun, EsacUser user) {
        ImportReport report = roster.importLines(organizationId, RosterCsv.parse(csv), allOrNothing, dryRun, user);
        Locale locale = LocaleContextHolder.getLocale();
        return ImportReportView.of(report, problem -> messages.getMessage(problem.code(), problem.args().toArray(),
                problem.code(), locale));
    }

    @GetMapping("/api/membership/employees/me")
    @Operation(summary = "Lire ses propres fiches d’employé",
            description = "Read the signed-in person's own employee records.")
    List<EmployeeView> mine(EsacUser user) {
        return roster.mine(user).stream().map(EmployeeView::of).toList();
    }

    /** The signed-in employee's roster data and who read it, as one JSON document to keep or take elsewhere. */
    @GetMapping("/api/membership/employees/me/export")
    @Operation(summary = "Exporter ses renseignements personnels",
            description = "Export the personal information membership holds about the signed-in person.")
    ResponseEntity<ExportView> export(EsacUser user) {
        RosterService.Export export = roster.export(user);
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"registre-du-personnel.json\"")
                .body(new ExportView(export.person(), export.exportedAt(),
                        export.entries().stream().map(EmployeeView::of).toList(), export.reads()));
    }

    /** The signed-in employee corrects their names and work email on one of their entries ({@code If-Match}). */
    @PutMapping("/api/membership/employees/me/{id}")
    @Operation(summary = "Corriger sa propre fiche d’employé",
            description = "The signed-in employee corrects their own record (If-Match required).")
    ResponseEntity<EmployeeView> correct(@PathVariable String id,
                                         @RequestHeader(name = VersionHeaders.IF_MATCH, required = false) String ifMatch,
                                         @Valid @RequestBody CorrectionRequest request, EsacUser user) {
        Versioned<Employee> corrected = roster.correct(id, VersionHeaders.requiredVersion(ifMatch),
                request.firstName(), request.lastName(), request.workEmail(), user);
        return ResponseEntity.ok().eTag(VersionHeaders.etag(corrected.version())).body(EmployeeView.of(corrected));
    }

    record CorrectionRequest(@Size(max = 100) String firstName, @Size(max = 100) String lastName,
                             @Size(max = 200) String workEmail) {
    }

    /** An employee's export: their entries and every logged read of them by someone else. */
    record ExportView(String person, Instant exportedAt, List<EmployeeView> entries, List<RosterReads.Read> reads) {
    }

    record EmployeeRequest(@Size(max = 100) String firstName, @Size(max = 100) String lastName,
                           @Size(max = 200) String workEmail, @Size(max = 150) String jobTitle,
                           @Size(max = 20) String employmentStatus, BigDecimal weeklyHours, LocalDate hireDate,
                           @Size(max = 100) String userId) {

        Employee.Details details() {
            return new Employee.Details(firstName, lastName, workEmail, jobTitle, employmentStatus, weeklyHours,
                    hireDate);
        }
    }

    record DepartureRequest(@NotNull LocalDate endDate, @Size(max = 500) String reason) {
    }

    record EmployeeView(String id, String organizationId, String firstName, String lastName, String workEmail,
                        String jobTitle, String employmentStatus, BigDecimal weeklyHours, LocalDate hireDate,
                        LocalDate endDate, String departureReason, String userId, long version) {

        static EmployeeView of(Versioned<Employee> versioned) {
            Employee e = versioned.state();
            Employee.Details d = e.details();
            return new EmployeeView(e.id(), e.organizationId(), d.firstName(), d.lastName(), d.workEmail(),
                    d.jobTitle(), d.employmentStatus(), d.weeklyHours(), d.hireDate(), e.endDate(),
                    e.departureReason(), e.userId(), versioned.version());
        }
    }

    /** The import report with each problem in the caller's language. */
    record ImportReportView(boolean dryRun, boolean blocked, int lines, int imported, int valid, int alreadyPresent,
                            int rejected, int failed, List<LineView> results) {

        record LineView(int line, ImportReport.Outcome outcome, String employeeId, List<FieldError> errors) {
        }

        record FieldError(String field, String message) {
        }

        static ImportReportView of(ImportReport report, Function<FieldViolation, String> message) {
            return new ImportReportView(report.dryRun(), report.blocked(), report.lines(), report.imported(),
                    report.valid(), report.alreadyPresent(), report.rejected(), report.failed(),
                    report.results().stream().map(r -> new LineView(r.line(), r.outcome(), r.employeeId(),
                            r.problems().stream().map(p -> new FieldError(p.field(), message.apply(p))).toList()))
                            .toList());
        }
    }
}
