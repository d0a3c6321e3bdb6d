package qc.esac.projects.project;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
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
import qc.esac.projects.project.ProjectViews.ProjectSummary;
import qc.esac.projects.project.ProjectViews.ProjectView;
import qc.esac.projects.platform.PlatformSource;
import qc.esac.projects.vocabulary.PartnerRole;
import qc.esac.projects.vocabulary.TargetedIssue;
import qc.esac.projects.vocabulary.Unit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Projects, their partners, work plan and indicators: {@code /api/projects/projects}. */
@RestController
@RequestMapping("/api/projects/projects")
@Tag(name = "Projets", description = "Projets de secteurs stratégiques : description, partenaires, étapes, indicateurs")
class ProjectController {

    private static final String REGION = "0[1-9]|1[0-7]";

    private final ProjectService projects;
    private final ProjectViews views;

    ProjectController(ProjectService projects, ProjectViews views) {
        this.projects = projects;
        this.views = views;
    }

    @GetMapping
    @Operation(summary = "Rechercher les projets lisibles par l’appelant",
            description = "Projects the caller may read (programme staff: all; administrators: their organizations' "
            + "projects).")
    PageView<ProjectSummary> search(EsacUser user,
                                    @RequestParam(required = false) TargetedIssue issue,
                                    @RequestParam(required = false) String leadOrganizationId,
                                    @RequestParam(required = false) @Pattern(regexp = REGION) String region,
                                    @RequestParam(required = false) ProjectStatus status,
                                    @RequestParam(required = false) @Size(max = 100) String q,
                                    @RequestParam(defaultValue = "0") @Min(0) int page,
                                    @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        PageView<Versioned<Project>> found = projects.search(user,
                new ProjectService.ProjectFilter(issue, leadOrganizationId, region, status, q), page, size);
        return new PageView<>(found.items().stream().map(v -> views.summary(v, user)).toList(), found.page(),
                found.size(), found.totalItems(), found.totalPages());
    }

    @PostMapping
    @Operation(summary = "Créer un projet à l’état de brouillon",
            description = "Create a draft project (programme staff).")
    @ApiSuccess(status = 201, etag = true)
    ResponseEntity<ProjectView> create(EsacUser user, @Valid @RequestBody CreateProject request) {
        Versioned<Project> created = projects.create(user, request.leadOrganizationId(), request.details());
        return ResponseEntity
                .created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(created.id()))
                .eTag(VersionHeaders.etag(created.version()))
                .body(views.full(created, user));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Lire un projet",
            description = "Read a project.")
    @ApiSuccess(etag = true)
    ResponseEntity<ProjectView> get(@PathVariable String id, EsacUser user) {
        return ok(projects.getReadable(user, id), user);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Modifier la description d’un projet",
            description = "Edit the project's description (staff or the lead's administrator); If-Match required.")
    ResponseEntity<ProjectView> update(@PathVariable String id, EsacUser user,
                                       @RequestHeader(name = VersionHeaders.IF_MATCH, required = false) String ifMatch,
                                       @Valid @RequestBody EditProject request) {
        long version = VersionHeaders.requiredVersion(ifMatch);
        return ok(projects.update(user, id, version, request.details()), user);
    }

    @PostMapping("/{id}/activate")
    @Operation(summary = "Activer un projet",
            description = "Activate a project (programme staff).")
    @ApiSuccess(etag = true)
    ResponseEntity<ProjectView> activate(@PathVariable String id, EsacUser user) {
        return ok(projects.activate(user, id), user);
    }

    @PostMapping("/{id}/complete")
    @Operation(summary = "Terminer un projet",
            description = "Complete a project (programme staff).")
    @ApiSuccess(etag = true)
    ResponseEntity<ProjectView> complete(@PathVariable String id, EsacUser user) {
        return ok(projects.complete(user, id), user);
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Annuler un projet",
            description = "Cancel a project (programme staff).")
    @ApiSuccess(etag = true)
    ResponseEntity<ProjectView> cancel(@PathVariable String id, EsacUser user) {
        return ok(projects.cancel(user, id), user);
    }

    // --- partners ------------------------------------------------------------------------------------

    @PostMapping("/{id}/partners")
    @Operation(summary = "Ajouter ou inviter un partenaire",
            description = "Add a partner: programme staff add it (200); the lead's administrator invites it (202), "
            + "and it joins when its own administrator accepts.")
    @ApiSuccess(status = 200, also = 202, etag = true)
    ResponseEntity<ProjectView> addPartner(@PathVariable String id, EsacUser user,
                                           @Valid @RequestBody AddPartner request) {
        ProjectService.PartnerAddition addition = projects.addPartner(user, id, request.organizationId(),
                request.role());
        Versioned<Project> project = addition.project();
        return ResponseEntity.status(addition.invited() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .eTag(VersionHeaders.etag(project.version())).body(views.full(project, user));
    }

    @PostMapping("/{id}/invitations/{organizationId}/accept")
    @Operation(summary = "Accepter une invitation à un projet",
            description = "The invited organization's administrator accepts: the organization becomes a partner.")
    @ApiSuccess(etag = true)
    ResponseEntity<ProjectView> acceptInvitation(@PathVariable String id, @PathVariable String organizationId,
                                                 EsacUser user) {
        return ok(projects.acceptInvitation(user, id, organizationId), user);
    }

    @PostMapping("/{id}/invitations/{organizationId}/decline")
    @Operation(summary = "Décliner une invitation à un projet",
            description = "The invited organization's administrator declines (or the lead or staff withdraw it).")
    @ApiSuccess(etag = true)
    ResponseEntity<ProjectView> declineInvitation(@PathVariable String id, @PathVariable String organizationId,
                                                  EsacUser user) {
        Versioned<Project> project = projects.declineInvitation(user, id, organizationId);
        return ResponseEntity.ok().eTag(VersionHeaders.etag(project.version())).body(views.full(project, user));
    }

    @DeleteMapping("/{id}/partners/{organizationId}")
    @Operation(summary = "Retirer un partenaire d’un projet",
            description = "A partner leaves, or the lead or staff remove it.")
    @ApiSuccess(etag = true)
    ResponseEntity<ProjectView> removePartner(@PathVariable String id, @PathVariable String organizationId,
                                              EsacUser user) {
        return ok(projects.removePartner(user, id, organizationId), user);
    }

    @PostMapping("/{id}/join-requests")
    @Operation(summary = "Demander à se joindre à un projet",
            description = "An organization's administrator asks to join an active project (202).")
    @ApiSuccess(status = 202)
    ResponseEntity<Void> requestToJoin(@PathVariable String id, EsacUser user,
                                       @Valid @RequestBody JoinProject request) {
        projects.requestToJoin(user, id, request.organizationId(), request.message());
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/{id}/join-requests/{organizationId}/accept")
    @Operation(summary = "Accepter une demande d’adhésion au projet",
            description = "Accept a request to join the project (staff or the lead's administrator).")
    @ApiSuccess(etag = true)
    ResponseEntity<ProjectView> accept(@PathVariable String id, @PathVariable String organizationId, EsacUser user,
                                       @RequestBody(required = false) AcceptRequest request) {
        return ok(projects.acceptJoinRequest(user, id, organizationId, request == null ? null : request.role()), user);
    }

    @PostMapping("/{id}/join-requests/{organizationId}/decline")
    @Operation(summary = "Refuser une demande d’adhésion au projet",
            description = "Decline a request to join the project (staff or the lead's administrator).")
    @ApiSuccess(etag = true)
    ResponseEntity<ProjectView> decline(@PathVariable String id, @PathVariable String organizationId,
                                        EsacUser user) {
        return ok(projects.declineJoinRequest(user, id, organizationId), user);
    }

    // --- steps ---------------------------------------------------------------------------------------

    @PostMapping("/{id}/steps")
    @Operation(summary = "Ajouter une étape au plan de travail",
            description = "Add a step to the project's work plan.")
    @ApiSuccess(etag = true)
    ResponseEntity<ProjectView> addStep(@PathVariable String id, EsacUser user, @Valid @RequestBody StepRequest request) {
        return ok(projects.addStep(user, id, request.definition()), user);
    }

    @PutMapping("/{id}/steps/{stepId}")
    @Operation(summary = "Réécrire une étape du plan de travail",
            description = "Rewrite a step, and optionally change its status; If-Match required.")
    ResponseEntity<ProjectView> redefineStep(@PathVariable String id, @PathVariable String stepId, EsacUser user,
                                             @RequestHeader(name = VersionHeaders.IF_MATCH, required = false) String ifMatch,
                                             @Valid @RequestBody StepRequest request) {
        long version = VersionHeaders.requiredVersion(ifMatch);
        return ok(projects.redefineStep(user, id, version, stepId, request.definition(), request.status()), user);
    }

    @PostMapping("/{id}/steps/{stepId}/status")
    @Operation(summary = "Changer l’état d’une étape",
            description = "Change a step's status (e.g. mark it done).")
    @ApiSuccess(etag = true)
    ResponseEntity<ProjectView> changeStepStatus(@PathVariable String id, @PathVariable String stepId, EsacUser user,
                                                 @Valid @RequestBody StepStatusChange request) {
        return ok(projects.changeStepStatus(user, id, stepId, request.status()), user);
    }

    @PutMapping("/{id}/step-order")
    @Operation(summary = "Réordonner le plan de travail",
            description = "Reorder the work plan; If-Match required.")
    ResponseEntity<ProjectView> reorder(@PathVariable String id, EsacUser user,
                                        @RequestHeader(name = VersionHeaders.IF_MATCH, required = false) String ifMatch,
                                        @Valid @RequestBody StepOrder request) {
        long version = VersionHeaders.requiredVersion(ifMatch);
        return ok(projects.reorderSteps(user, id, version, request.stepIds()), user);
    }

    // --- indicators ----------------------------------------------------------------------------------

    @PostMapping("/{id}/indicators")
    @Operation(summary = "Ajouter un indicateur au projet",
            description = "Add an indicator to the project.")
    @ApiSuccess(etag = true)
    ResponseEntity<ProjectView> addIndicator(@PathVariable String id, EsacUser user,
                                             @Valid @RequestBody IndicatorRequest request) {
        return ok(projects.addIndicator(user, id, request.definition()), user);
    }

    @PutMapping("/{id}/indicators/{indicatorId}")
    @Operation(summary = "Redéfinir un indicateur du projet",
            description = "Redefine one of the project's indicators; If-Match required.")
    ResponseEntity<ProjectView> redefineIndicator(@PathVariable String id, @PathVariable String indicatorId,
                                                  EsacUser user,
                                                  @RequestHeader(name = VersionHeaders.IF_MATCH, required = false) String ifMatch,
                                                  @Valid @RequestBody IndicatorRequest request) {
        long version = VersionHeaders.requiredVersion(ifMatch);
        return ok(projects.redefineIndicator(user, id, version, indicatorId, request.definition()), user);
    }

    private ResponseEntity<ProjectView> ok(Versioned<Project> project, EsacUser user) {
        return ResponseEntity.ok().eTag(VersionHeaders.etag(project.version())).body(views.full(project, user));
    }

    // --- requests ------------------------------------------------------------------------------------

    record ContactRequest(@NotBlank @Size(max = 120) String role, @NotBlank @Email @Size(max = 200) String email) {
    }

    record FundingRequest(@NotBlank @Size(max = 200) String programme, @NotNull @PositiveOrZero BigDecimal amount) {
    }

    record CreateProject(@NotBlank @Size(max = 200) String name,
                         @NotEmpty List<@NotNull TargetedIssue> targetedIssues,
                         @Size(max = 10_000) String description,
                         @NotBlank String leadOrganizationId,
                         @Valid ContactRequest contact,
                         LocalDate startDate, LocalDate endDate,
                         List<@NotNull @Pattern(regexp = REGION, message = "{esac.validation.region}") String> regionCodes,
                         List<@Valid @NotNull FundingRequest> funding) {

        ProjectDetails details() {
            return new EditProject(name, targetedIssues, description, contact, startDate, endDate, regionCodes,
                    funding).details();
        }
    }

    record EditProject(@NotBlank @Size(max = 200) String name,
                       @NotEmpty List<@NotNull TargetedIssue> targetedIssues,
                       @Size(max = 10_000) String description,
                       @Valid ContactRequest contact,
                       LocalDate startDate, LocalDate endDate,
                       List<@NotNull @Pattern(regexp = REGION, message = "{esac.validation.region}") String> regionCodes,
                       List<@Valid @NotNull FundingRequest> funding) {

        ProjectDetails details() {
            return new ProjectDetails(name, targetedIssues, description,
                    contact == null ? null : new Contact(contact.role().strip(), contact.email().strip()),
                    startDate, endDate, regionCodes,
                    funding == null ? List.of() : funding.stream()
                            .map(f -> new Funding(f.programme().strip(), f.amount())).toList());
        }
    }

    record AddPartner(@NotBlank String organizationId, @NotNull PartnerRole role) {
    }

    record JoinProject(@NotBlank String organizationId, @Size(max = 2_000) String message) {
    }

    record AcceptRequest(PartnerRole role) {
    }

    /** @param illustrative an example (demonstration content) rather than a step the project announced */
    record StepRequest(@NotBlank @Size(max = 200) String title, @Size(max = 5_000) String description,
                       LocalDate dueDate, String responsibleOrganizationId, StepStatus status, Boolean illustrative) {

        StepDefinition definition() {
            return new StepDefinition(title, description, dueDate,
                    responsibleOrganizationId == null || responsibleOrganizationId.isBlank() ? null
                            : responsibleOrganizationId, Boolean.TRUE.equals(illustrative));
        }
    }

    record StepStatusChange(@NotNull StepStatus status) {
    }

    record StepOrder(@NotNull List<@NotBlank String> stepIds) {
    }

    record TargetRequest(@NotNull @PositiveOrZero Double value, Unit unit) {
    }

    /** @param illustrative an example (demonstration content), indicator and target, not the project's own */
    record IndicatorRequest(@NotBlank @Size(max = 200) String name, @Size(max = 2_000) String description,
                            @NotNull IndicatorKind kind, Unit unit, Double baseline, @Valid TargetRequest target,
                            Boolean cumulative, @Size(max = 60) String breakdownDimension, PlatformSource source,
                            @Size(max = 60) @Pattern(regexp = "[A-Z0-9_]+") String programmeCode,
                            Boolean illustrative) {

        IndicatorDefinition definition() {
            return new IndicatorDefinition(name, description, kind, unit, baseline,
                    target == null ? null : target.value(), target == null ? null : target.unit(), cumulative,
                    breakdownDimension, source, programmeCode, Boolean.TRUE.equals(illustrative));
        }
    }
}
