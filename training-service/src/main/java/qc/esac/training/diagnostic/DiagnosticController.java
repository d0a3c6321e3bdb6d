package qc.esac.training.diagnostic;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import qc.esac.kit.docs.ApiSuccess;
import qc.esac.kit.outbox.Versioned;
import qc.esac.kit.security.EsacUser;
import qc.esac.kit.web.PageView;
import qc.esac.training.catalogue.Course;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Training-needs diagnostics: {@code /api/training/diagnostics}. */
@RestController
@Validated
@RequestMapping("/api/training/diagnostics")
class DiagnosticController {

    private final DiagnosticService diagnostics;

    DiagnosticController(DiagnosticService diagnostics) {
        this.diagnostics = diagnostics;
    }

    @PostMapping
    @Operation(summary = "Ouvrir un diagnostic pour une organisation",
            description = "Open a diagnostic for an organization, on a list of themes.")
    @ApiSuccess(status = 201)
    ResponseEntity<DiagnosticView> open(@Valid @RequestBody OpenRequest request, EsacUser user) {
        Versioned<Diagnostic> opened = diagnostics.open(user, request.organizationId(), request.networkId(),
                request.themes());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(opened.id()))
                .body(view(opened.state(), false, true));
    }

    @GetMapping
    @Operation(summary = "Lister les diagnostics d’une organisation",
            description = "An organization's diagnostics.")
    PageView<DiagnosticView> list(@RequestParam String organizationId,
                                  @RequestParam(defaultValue = "0") @Min(0) int page,
                                  @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, EsacUser user) {
        return PageView.of(diagnostics.ofOrganization(user, organizationId).stream().map(d -> view(d, false, true))
                .toList(), page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Lire un diagnostic",
            description = "A diagnostic; once closed, its ranked priorities and matching courses (never individual "
            + "answers).")
    DiagnosticView get(@PathVariable String id, EsacUser user) {
        Diagnostic d = diagnostics.get(user, id).state();
        return view(d, true, diagnostics.seesScores(user, d));
    }

    @PutMapping("/{id}/answers/me")
    @Operation(summary = "Répondre au questionnaire du diagnostic",
            description = "Answer (or answer again) the questionnaire: employees as employees, the administrator as "
            + "manager.")
    DiagnosticView answer(@PathVariable String id, @Valid @RequestBody AnswerRequest request, EsacUser user) {
        Diagnostic d = diagnostics.answer(user, id, request.ratings()).state();
        return view(d, false, diagnostics.seesScores(user, d));
    }

    @PostMapping("/{id}/complete")
    @Operation(summary = "Clore le diagnostic et consolider ses priorités",
            description = "Close the diagnostic and consolidate its priorities.")
    DiagnosticView complete(@PathVariable String id, EsacUser user) {
        return view(diagnostics.complete(user, id).state(), true, true);
    }

    /** The diagnostic with its results once closed; {@code withScores} false leaves only themes and ranks. */
    private DiagnosticView view(Diagnostic d, boolean withCourses, boolean withScores) {
        List<PriorityView> views = d.results().stream().map(p -> new PriorityView(p.rank(), p.theme(),
                withScores ? p.score() : null, withScores ? p.employeeAverage() : null,
                withScores ? p.managerAverage() : null, withScores ? p.importantFor() : null, withCourses
                ? diagnostics.coursesFor(List.of(p.theme())).stream().limit(5)
                        .map(c -> CourseMatch.of(c, LocaleContextHolder.getLocale())).toList()
                : List.of())).toList();
        return new DiagnosticView(d.id(), d.organizationId(), d.networkId(), d.themes(), d.status(), d.openedOn(),
                d.completedOn(), (int) d.count(Diagnostic.Role.EMPLOYEE), (int) d.count(Diagnostic.Role.MANAGER),
                views);
    }

    record OpenRequest(@NotBlank @Size(max = 80) String organizationId, @NotBlank @Size(max = 80) String networkId,
                       @NotEmpty @Size(max = 40) List<@NotBlank @Pattern(regexp = "[A-Z0-9_]{1,40}", message = "{esac.validation.code}") String> themes) {
    }

    /** Per theme of the questionnaire: 0 no need, 1 some, 2 important, 3 urgent. */
    record AnswerRequest(@NotNull @Size(min = 1, max = 40) Map<@NotBlank String, @NotNull @Min(0) @Max(3) Integer> ratings) {
    }

    record CourseMatch(String id, String title, BigDecimal hours) {

        static CourseMatch of(Course c, Locale locale) {
            return new CourseMatch(c.id(), c.title().in(locale), c.hours());
        }
    }

    record PriorityView(int rank, String theme, BigDecimal score, BigDecimal employeeAverage,
                        BigDecimal managerAverage, Integer importantFor, List<CourseMatch> courses) {
    }

    record DiagnosticView(String id, String organizationId, String networkId, List<String> themes,
                          Diagnostic.DiagnosticStatus status, LocalDate openedOn, LocalDate completedOn,
                          int employeeAnswers, int managerAnswers, List<PriorityView> priorities) {
    }
}
