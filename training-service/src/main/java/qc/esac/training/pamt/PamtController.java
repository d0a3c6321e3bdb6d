package qc.esac.training.pamt;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import qc.esac.kit.docs.ApiSuccess;
import qc.esac.kit.outbox.Versioned;
import qc.esac.kit.security.EsacUser;
import qc.esac.kit.web.PageView;
import qc.esac.kit.web.VersionHeaders;
import qc.esac.training.catalogue.LocalizedText;
import qc.esac.training.privacy.AccessLog;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** Workplace apprenticeship over HTTP: {@code /api/training/pamt}. */
@RestController
@Validated
@RequestMapping("/api/training/pamt")
class PamtController {

    private final PamtService pamt;
    private final AccessLog accessLog;

    PamtController(PamtService pamt, AccessLog accessLog) {
        this.pamt = pamt;
        this.accessLog = accessLog;
    }

    @PostMapping("/standards")
    @Operation(summary = "Publier une norme professionnelle",
            description = "Publish a professional standard and its competencies.")
    @ApiSuccess(status = 201, etag = true)
    @PreAuthorize("hasRole('STAFF')")
    ResponseEntity<ProfessionalStandard> createStandard(@Valid @RequestBody StandardRequest request, EsacUser user) {
        Versioned<ProfessionalStandard> created = pamt.createStandard(user, request.code(), request.networkId(),
                request.title(), request.competencies().stream()
                        .map(c -> new ProfessionalStandard.Competency(c.code(), c.title())).toList());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(created.id()))
                .eTag(VersionHeaders.etag(created.version())).body(created.state());
    }

    @GetMapping("/standards")
    @Operation(summary = "Lister les normes professionnelles",
            description = "List the professional standards.")
    PageView<ProfessionalStandard> standards(@RequestParam(defaultValue = "0") @Min(0) int page,
                                             @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
                                             EsacUser user) {
        return PageView.of(pamt.standards(), page, size);
    }

    @GetMapping("/standards/{id}")
    @Operation(summary = "Lire une norme professionnelle",
            description = "Read a professional standard.")
    ProfessionalStandard standard(@PathVariable String id, EsacUser user) {
        return pamt.standard(id).state();
    }

    @PostMapping("/agreements")
    @Operation(summary = "Signer une entente d’apprentissage",
            description = "Sign an apprenticeship agreement between an apprentice and a companion of the "
            + "organization.")
    @ApiSuccess(status = 201, etag = true)
    @PreAuthorize("hasAnyRole('STAFF', 'ORG_ADMIN')")
    ResponseEntity<AgreementView> sign(@Valid @RequestBody AgreementRequest request, EsacUser user, Locale locale) {
        Versioned<Agreement> signed = pamt.sign(user, request.standardId(), request.organizationId(),
                request.apprenticeId(), request.companionId());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(signed.id()))
                .eTag(VersionHeaders.etag(signed.version())).body(AgreementView.of(signed.state(), locale));
    }

    @GetMapping("/agreements")
    @Operation(summary = "Lister les ententes d’apprentissage d’une organisation",
            description = "An organization's apprenticeship agreements.")
    PageView<AgreementView> agreements(@RequestParam String organizationId,
                                       @RequestParam(required = false) AgreementStatus status,
                                       @RequestParam(defaultValue = "0") @Min(0) int page,
                                       @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
                                       EsacUser user, Locale locale) {
        PageView<Agreement> shown = PageView.of(pamt.agreementsOf(user, organizationId).stream()
                .filter(a -> status == null || a.status() == status).toList(), page, size);
        shown.items().forEach(a -> logRead(user, a, "pamt-agreements"));
        return new PageView<>(shown.items().stream().map(a -> AgreementView.of(a, locale)).toList(), shown.page(),
                shown.size(), shown.totalItems(), shown.totalPages());
    }

    @GetMapping("/agreements/{id}")
    @Operation(summary = "Lire une entente d’apprentissage",
            description = "Read an apprenticeship agreement.")
    AgreementView agreement(@PathVariable String id, EsacUser user, Locale locale) {
        Agreement agreement = pamt.agreementVisibleTo(user, id).state();
        logRead(user, agreement, "pamt-agreement");
        return AgreementView.of(agreement, locale);
    }

    /** The apprentice's and the companion's names are personal information: reads by others are logged. */
    private void logRead(EsacUser user, Agreement a, String what) {
        accessLog.read(user, List.of(new AccessLog.Subject(a.apprentice().employeeId(), a.organizationId()),
                new AccessLog.Subject(a.companion().employeeId(), a.organizationId())), what,
                "/pamt/agreements/" + a.id());
    }

    @PostMapping("/agreements/{id}/competencies/{code}/sign-off")
    @Operation(summary = "Attester une compétence",
            description = "The companion attests a competency; the last one issues the qualification certificate.")
    AgreementView attest(@PathVariable String id, @PathVariable String code, EsacUser user, Locale locale) {
        return AgreementView.of(pamt.attest(user, id, code).state(), locale);
    }

    @PostMapping("/agreements/{id}/terminate")
    @Operation(summary = "Mettre fin à une entente avant son terme",
            description = "End an agreement before completion.")
    AgreementView terminate(@PathVariable String id, @Valid @RequestBody TerminateRequest request, EsacUser user,
                            Locale locale) {
        return AgreementView.of(pamt.terminate(user, id, request.reason()).state(), locale);
    }

    @GetMapping("/figures")
    @Operation(summary = "Obtenir les chiffres du programme d’apprentissage",
            description = "Programme figures for a period: agreements, certificates, companions.")
    @PreAuthorize("hasRole('STAFF')")
    PamtFigures figures(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                        @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                        @RequestParam String networkId, EsacUser user) {
        user.requireStaffOf(networkId);
        return PamtFigures.of(pamt.agreementsActiveBetween(from, to, networkId), from, to);
    }

    record CompetencyRequest(@NotBlank @Pattern(regexp = "[A-Z0-9_.-]{1,20}", message = "{esac.validation.code}") String code,
                             @NotNull @Valid LocalizedText title) {
    }

    /** People read a standard's titles in French or English (agreements, attestations): both are required. */
    record StandardRequest(@NotBlank @Pattern(regexp = "[A-Z0-9_]{1,40}", message = "{esac.validation.code}") String code,
                           @NotBlank @Size(max = 80) String networkId,
                           @NotNull @Valid LocalizedText title,
                           @NotEmpty @Size(max = 50) List<@NotNull @Valid CompetencyRequest> competencies) {

        @AssertTrue(message = "{esac.validation.francais-et-anglais}")
        boolean isInFrenchAndEnglish() {
            return title == null || competencies == null || (title.en() != null && competencies.stream()
                    .allMatch(c -> c == null || c.title() == null || c.title().en() != null));
        }
    }

    record AgreementRequest(@NotBlank String standardId, @NotBlank String organizationId,
                            @NotBlank String apprenticeId, @NotBlank String companionId) {
    }

    record TerminateRequest(@NotBlank @Size(max = 500) String reason) {
    }

    /** An agreement as a person reads it: titles in the caller's language (French unless they prefer English). */
    record AgreementView(String id, String standardId, String standardCode, String standardTitle, String networkId,
                         String organizationId, PersonView apprentice, PersonView companion, LocalDate signedOn,
                         AgreementStatus status, int competenciesAttested, int competenciesTotal,
                         List<CompetencyView> competencies, Agreement.Certificate certificate,
                         LocalDate endedOn, String endReason) {

        static AgreementView of(Agreement a, Locale locale) {
            return new AgreementView(a.id(), a.standardId(), a.standardCode(), a.standardTitleText().in(locale),
                    a.networkId(), a.organizationId(), PersonView.of(a.apprentice()), PersonView.of(a.companion()),
                    a.signedOn(), a.status(), (int) (a.competencies().size() - a.remaining()),
                    a.competencies().size(), a.competencies().stream().map(c -> new CompetencyView(c.code(),
                    c.titleText().in(locale), c.attestedOn(), c.verificationCode())).toList(), a.certificate(),
                    a.endedOn(), a.endReason());
        }
    }

    record CompetencyView(String code, String title, LocalDate attestedOn, String verificationCode) {
    }

    record PersonView(String employeeId, String firstName, String lastName) {

        static PersonView of(Agreement.Person p) {
            return new PersonView(p.employeeId(), p.firstName(), p.lastName());
        }
    }
}
