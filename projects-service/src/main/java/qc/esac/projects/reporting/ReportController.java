package qc.esac.projects.reporting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import qc.esac.kit.security.EsacUser;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * Accountability reports, as JSON, CSV ({@code Accept: text/csv}) or a printable page ({@code Accept: text/html});
 * {@code ?format=csv|html} does the same for a plain link.
 */
@RestController
@Tag(name = "Reddition de comptes", description = "Rapports d’un projet pour une période et agrégat du programme")
class ReportController {

    private static final String REPORT = "/api/projects/projects/{projectId}/periods/{periodId}/report";
    private static final String PROGRAMME = "/api/projects/programme/report";
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

    private final AccountabilityReports reports;
    private final ReportDocuments documents;

    ReportController(AccountabilityReports reports, ReportDocuments documents) {
        this.reports = reports;
        this.documents = documents;
    }

    @GetMapping(path = REPORT, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Obtenir le rapport de reddition de comptes d’un projet",
            description = "A project's accountability report for a period (staff and the project's partners), as "
            + "JSON, CSV or HTML (Accept header or format parameter).")
    ProjectReport projectReport(@PathVariable String projectId, @PathVariable String periodId, EsacUser user) {
        return reports.forPeriod(user, projectId, periodId);
    }

    @GetMapping(path = REPORT, produces = "text/csv")
    ResponseEntity<String> projectReportCsv(@PathVariable String projectId, @PathVariable String periodId,
                                            EsacUser user) {
        ProjectReport report = reports.forPeriod(user, projectId, periodId);
        return file(CSV, documents.csv(report), "reddition-" + report.periodLabel() + ".csv");
    }

    @GetMapping(path = REPORT, produces = "text/html")
    ResponseEntity<String> projectReportHtml(@PathVariable String projectId, @PathVariable String periodId,
                                             EsacUser user) {
        return ResponseEntity.ok().contentType(HTML).body(documents.html(reports.forPeriod(user, projectId, periodId)));
    }

    @GetMapping(path = REPORT, params = "format")
    ResponseEntity<?> projectReportAs(@PathVariable String projectId, @PathVariable String periodId,
                                      @RequestParam String format, EsacUser user) {
        return switch (format) {
            case "csv" -> projectReportCsv(projectId, periodId, user);
            case "html" -> projectReportHtml(projectId, periodId, user);
            default -> ResponseEntity.ok(projectReport(projectId, periodId, user));
        };
    }

    @GetMapping(path = PROGRAMME, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Obtenir le rapport agrégé du programme",
            description = "The programme aggregate over locked periods ending between from and to (programme "
            + "staff), as JSON, CSV or HTML (Accept header or format parameter).")
    ProgrammeReport programmeReport(@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
                                    @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to,
                                    EsacUser user) {
        return reports.programme(user, from, to);
    }

    @GetMapping(path = PROGRAMME, produces = "text/csv")
    ResponseEntity<String> programmeReportCsv(
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to, EsacUser user) {
        return file(CSV, documents.csv(reports.programme(user, from, to)), "reddition-programme.csv");
    }

    @GetMapping(path = PROGRAMME, produces = "text/html")
    ResponseEntity<String> programmeReportHtml(
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to, EsacUser user) {
        return ResponseEntity.ok().contentType(HTML).body(documents.html(reports.programme(user, from, to)));
    }

    @GetMapping(path = PROGRAMME, params = "format")
    ResponseEntity<?> programmeReportAs(@RequestParam String format,
                                        @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
                                        @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to,
                                        EsacUser user) {
        return switch (format) {
            case "csv" -> programmeReportCsv(from, to, user);
            case "html" -> programmeReportHtml(from, to, user);
            default -> ResponseEntity.ok(programmeReport(from, to, user));
        };
    }

    private static ResponseEntity<String> file(MediaType type, String body, String filename) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"" + filename.replaceAll("[^A-Za-z0-9._-]", "_") + "\"")
                .body(body);
    }
}
