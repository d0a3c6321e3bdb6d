package qc.esac.insurance.participation;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.context.i18n.LocaleContextHolder;
import qc.esac.insurance.InsuranceAccess;
import qc.esac.insurance.plan.CoverageCode;
import qc.esac.kit.docs.ApiSuccess;
import qc.esac.kit.outbox.Versioned;
import qc.esac.kit.security.EsacUser;
import qc.esac.kit.web.PageView;
import qc.esac.kit.web.VersionHeaders;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Employers in the plan: {@code /api/insurance/participations/{organizationId}}. An organization's administrator
 * applies and reads its own; staff activate, withdraw and list.
 */
@RestController
@RequestMapping("/api/insurance/participations")
class ParticipationController {

    private final ParticipationService participations;
    private final InsuranceAccess access;

    ParticipationController(ParticipationService participations, InsuranceAccess access) {
        this.participations = participations;
        this.access = access;
    }

    @GetMapping
    @Operation(summary = "Lister les participations des employeurs au régime",
            description = "List the employers' participations in the plan.")
    @PreAuthorize("hasRole('STAFF')")
    PageView<ParticipationView> list(@RequestParam(defaultValue = "0") @Min(0) int page,
                                     @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, EsacUser user) {
        access.requireStaff(user);
        long total = participations.count();
        Locale locale = LocaleContextHolder.getLocale();
        List<ParticipationView> items = participations.page(page, size).stream().map(p -> ParticipationView.of(p, locale))
                .toList();
        return new PageView<>(items, page, size, total, (int) ((total + size - 1) / size));
    }

    @GetMapping("/{organizationId}")
    @Operation(summary = "Lire la participation d’un employeur",
            description = "Read an employer's participation in the plan.")
    @ApiSuccess(etag = true)
    ResponseEntity<ParticipationView> get(@PathVariable String organizationId, EsacUser user) {
        access.requireOrganization(user, organizationId);
        return withEtag(participations.get(organizationId));
    }

    @PostMapping("/{organizationId}")
    @Operation(summary = "Demander la participation de l’employeur au régime",
            description = "The employer applies to join the plan (member in good standing of the network required).")
    @ApiSuccess(etag = true)
    @PreAuthorize("hasAnyRole('STAFF', 'ORG_ADMIN')")
    ResponseEntity<ParticipationView> apply(@PathVariable String organizationId, @Valid @RequestBody Application body,
                                            EsacUser user) {
        access.requireOrganization(user, organizationId);
        return withEtag(participations.apply(organizationId, body.coverages(), body.classCodes(), body.employerSharePercent()));
    }

    @PostMapping("/{organizationId}/activation")
    @Operation(summary = "Mettre la participation en vigueur à une date",
            description = "Put the participation in force at a date (If-Match required).")
    @PreAuthorize("hasRole('STAFF')")
    ResponseEntity<ParticipationView> activate(@PathVariable String organizationId, @Valid @RequestBody DatedAction body,
                                               @RequestHeader(name = VersionHeaders.IF_MATCH, required = false) String ifMatch,
                                               EsacUser user) {
        return withEtag(participations.activate(organizationId, body.effectiveDate(), VersionHeaders.requiredVersion(ifMatch),
                user));
    }

    @PostMapping("/{organizationId}/withdrawal")
    @Operation(summary = "Mettre fin à la participation",
            description = "End the participation; coverage stops after the given date (If-Match required).")
    @PreAuthorize("hasRole('STAFF')")
    ResponseEntity<ParticipationView> withdraw(@PathVariable String organizationId, @Valid @RequestBody DatedAction body,
                                               @RequestHeader(name = VersionHeaders.IF_MATCH, required = false) String ifMatch,
                                               EsacUser user) {
        return withEtag(participations.withdraw(organizationId, body.effectiveDate(), VersionHeaders.requiredVersion(ifMatch),
                user));
    }

    private static ResponseEntity<ParticipationView> withEtag(Versioned<Participation> p) {
        return ResponseEntity.ok().eTag(VersionHeaders.etag(p.version()))
                .body(ParticipationView.of(p, LocaleContextHolder.getLocale()));
    }

    record Application(@NotEmpty Set<CoverageCode> coverages, @NotEmpty Set<String> classCodes,
                       @NotNull @Min(0) @Max(100) Integer employerSharePercent) {
    }

    record DatedAction(@NotNull LocalDate effectiveDate) {
    }

    record ParticipationView(String organizationId, String networkId, ParticipationStatus status,
                             Set<CoverageCode> coverages, Set<String> classCodes, int employerSharePercent,
                             LocalDate appliedOn, LocalDate activeSince, LocalDate graceEndsOn, LocalDate terminatedOn,
                             String terminationReason, List<NoticeView> notices,
                             Map<String, Participation.YearRate> rates, long version) {

        static ParticipationView of(Versioned<Participation> v, Locale locale) {
            Participation p = v.state();
            return new ParticipationView(p.organizationId(), p.networkId(), p.status(), p.coverages(), p.classCodes(),
                    p.employerSharePercent(), p.appliedOn(), p.activeSince(), p.graceEndsOn(), p.terminatedOn(),
                    p.terminationReason(), p.notices().stream().map(n -> NoticeView.of(n, locale)).toList(), p.rates(), v.version());
        }
    }

    /** A notice in the request's language ({@code Accept-Language}, French by default). */
    record NoticeView(LocalDate date, String kind, String text) {

        static NoticeView of(Participation.Notice n, Locale locale) {
            return new NoticeView(n.date(), n.kind(), n.text(locale));
        }
    }
}
