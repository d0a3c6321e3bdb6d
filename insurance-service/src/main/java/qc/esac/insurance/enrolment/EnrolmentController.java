package qc.esac.insurance.enrolment;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.context.i18n.LocaleContextHolder;
import qc.esac.insurance.InsuranceAccess;
import qc.esac.membershipfeed.KnownOrganization;
import qc.esac.membershipfeed.MembershipFeed;
import qc.esac.membershipfeed.RosterEntry;
import qc.esac.insurance.plan.CoverageCode;
import qc.esac.insurance.plan.PlanService;
import qc.esac.insurance.plan.Tier;
import qc.esac.insurance.privacy.AccessLog;
import qc.esac.kit.docs.ApiSuccess;
import qc.esac.kit.outbox.Versioned;
import qc.esac.kit.problem.ForbiddenException;
import qc.esac.kit.problem.NotFoundException;
import qc.esac.kit.security.EsacUser;
import qc.esac.kit.web.PageView;
import qc.esac.kit.web.VersionHeaders;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Enrolments: an organization's administrator enrols its employees and manages their family situation; staff
 * decide on late applicants; an employee sees their own coverage, certificate and personal data.
 */
@RestController
class EnrolmentController {

    private final EnrolmentService enrolments;
    private final MembershipFeed membership;
    private final PlanService plans;
    private final AccessLog accessLog;
    private final InsuranceAccess access;

    EnrolmentController(EnrolmentService enrolments, MembershipFeed membership, PlanService plans,
                        AccessLog accessLog, InsuranceAccess access) {
        this.enrolments = enrolments;
        this.membership = membership;
        this.plans = plans;
        this.accessLog = accessLog;
        this.access = access;
    }

    @PostMapping("/api/insurance/organizations/{organizationId}/enrolments")
    @Operation(summary = "Inscrire un employé de la liste du personnel au régime",
            description = "Enrol an employee of the roster (eligibility by category, 31-day rule).")
    @ApiSuccess(status = 201, etag = true)
    @PreAuthorize("hasAnyRole('STAFF', 'ORG_ADMIN')")
    ResponseEntity<EnrolmentView> enrol(@PathVariable String organizationId, @Valid @RequestBody EnrolRequest body,
                                        EsacUser user) {
        access.requireOrganization(user, organizationId);
        Versioned<Enrolment> created = enrolments.enrol(organizationId, new EnrolmentService.Enrol(body.employeeId(),
                body.classCode(), body.birthDate(), body.annualSalary(), dependants(body.dependants()), waivers(body.waivers())));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/api/insurance/enrolments/{id}").build(created.id()))
                .eTag(VersionHeaders.etag(created.version())).body(EnrolmentView.of(created, null));
    }

    @GetMapping("/api/insurance/organizations/{organizationId}/enrolments")
    @Operation(summary = "Lister les adhésions des employés d’une organisation",
            description = "List the enrolments of an organization's employees, without personal information.")
    PageView<EnrolmentView> ofOrganization(@PathVariable String organizationId, EsacUser user,
                                           @RequestParam(defaultValue = "0") @Min(0) int page,
                                           @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        access.requireOrganization(user, organizationId);
        return PageView.of(enrolments.ofOrganization(organizationId).stream().map(e -> EnrolmentView.of(e, null)).toList(),
                page, size);
    }

    @GetMapping("/api/insurance/enrolments")
    @Operation(summary = "Lister les adhésions d’un état, tous employeurs confondus",
            description = "List the enrolments in one status across employers (e.g. late enrolments awaiting "
            + "evidence).")
    @PreAuthorize("hasRole('STAFF')")
    PageView<EnrolmentView> withStatus(@RequestParam EnrolmentStatus status,
                                       @RequestParam(defaultValue = "0") @Min(0) int page,
                                       @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                                       EsacUser user) {
        access.requireStaff(user);
        long total = enrolments.countWithStatus(status);
        return new PageView<>(enrolments.withStatus(status, page, size).stream().map(e -> EnrolmentView.of(e, null)).toList(),
                page, size, total, (int) ((total + size - 1) / size));
    }

    @GetMapping("/api/insurance/enrolments/{employeeId}")
    @Operation(summary = "Lire une adhésion avec les renseignements personnels",
            description = "Read an enrolment with personal information (every read by someone other than the "
            + "employee is logged).")
    @ApiSuccess(etag = true)
    ResponseEntity<EnrolmentView> get(@PathVariable String employeeId, EsacUser user) {
        Versioned<Enrolment> enrolment = readable(employeeId, user, "ENROLMENT_PERSONAL_DATA");
        return ResponseEntity.ok().eTag(VersionHeaders.etag(enrolment.version()))
                .body(EnrolmentView.of(enrolment, enrolments.personalData(enrolment.state())));
    }

    @PutMapping("/api/insurance/enrolments/{employeeId}/family")
    @Operation(summary = "Changer les personnes à charge et les renonciations à une date",
            description = "Change dependants and waivers at a date; the coverage level follows (If-Match required).")
    ResponseEntity<EnrolmentView> changeFamily(@PathVariable String employeeId, @Valid @RequestBody FamilyRequest body,
                                               @RequestHeader(name = VersionHeaders.IF_MATCH, required = false) String ifMatch,
                                               EsacUser user) {
        long expected = VersionHeaders.requiredVersion(ifMatch);
        Versioned<Enrolment> changed = enrolments.changeFamily(employeeId, dependants(body.dependants()),
                waivers(body.waivers()), body.effectiveDate(), expected,
                e -> access.requireOrganization(user, e.organizationId()));
        return ResponseEntity.ok().eTag(VersionHeaders.etag(changed.version())).body(EnrolmentView.of(changed, null));
    }

    @PutMapping("/api/insurance/enrolments/{employeeId}/employment")
    @Operation(summary = "Changer le salaire ou la catégorie de l’employé à une date",
            description = "Change the employee's salary and/or category at a date; premiums follow from that day "
            + "(If-Match required).")
    ResponseEntity<EnrolmentView> changeEmployment(@PathVariable String employeeId,
                                                   @Valid @RequestBody EmploymentRequest body,
                                                   @RequestHeader(name = VersionHeaders.IF_MATCH, required = false)
                                                   String ifMatch, EsacUser user) {
        long expected = VersionHeaders.requiredVersion(ifMatch);
        Versioned<Enrolment> changed = enrolments.changeEmployment(employeeId, body.annualSalary(), body.classCode(),
                body.effectiveDate(), expected, e -> access.requireOrganization(user, e.organizationId()));
        return ResponseEntity.ok().eTag(VersionHeaders.etag(changed.version())).body(EnrolmentView.of(changed, null));
    }

    @PostMapping("/api/insurance/enrolments/{employeeId}/evidence-decision")
    @Operation(summary = "Consigner la décision sur la preuve d’assurabilité",
            description = "Record the decision on a late enrolment's evidence of insurability.")
    @ApiSuccess(etag = true)
    @PreAuthorize("hasRole('STAFF')")
    ResponseEntity<EnrolmentView> decide(@PathVariable String employeeId, @Valid @RequestBody DecisionRequest body,
                                         EsacUser user) {
        Versioned<Enrolment> decided = enrolments.decideEvidence(employeeId, body.approved(), body.note(),
                body.effectiveDate(), user.id(), e -> access.requireStaff(user));
        return ResponseEntity.ok().eTag(VersionHeaders.etag(decided.version())).body(EnrolmentView.of(decided, null));
    }

    @GetMapping("/api/insurance/enrolments/{employeeId}/certificate")
    @Operation(summary = "Obtenir l’attestation d’assurance de l’employé",
            description = "Get the employee's insurance certificate, in the requested language (Accept-Language, "
            + "French by default).")
    Certificate certificate(@PathVariable String employeeId, EsacUser user) {
        Enrolment enrolment = readable(employeeId, user, null).state();
        if (enrolment.effectiveDate() == null) {
            throw new NotFoundException("adhesion.sans-attestation", employeeId);
        }
        logUnlessSelf(user, enrolment, "CERTIFICATE");
        Locale locale = LocaleContextHolder.getLocale();
        boolean english = "en".equals(locale.getLanguage());
        PersonalData personal = enrolments.personalData(enrolment);
        String organization = membership.organizations().find(enrolment.organizationId()).map(KnownOrganization::legalName)
                .orElse(enrolment.organizationId());
        String name = membership.roster().find(employeeId).map(RosterEntry::fullName).orElse(employeeId);
        Integer planYear = plans.inForceOn(enrolment.effectiveDate()).map(p -> p.year()).orElse(null);
        Map<String, String> coverages = new LinkedHashMap<>();
        enrolment.coverages().stream().sorted().forEach(c -> coverages.put(c.name(), c.label(locale)));
        return new Certificate(enrolment.certificateNumber(), name, organization, planYear, enrolment.classCode(),
                enrolment.tier(), coverages, personal.dependants().stream().map(d -> d.firstName() + " (" + kindLabel(d.kind(), english) + ")").toList(),
                enrolment.effectiveDate(), enrolment.coverageEndsOn());
    }

    @GetMapping("/api/insurance/me/enrolment")
    @Operation(summary = "Lire la protection de l’employé connecté",
            description = "Read the signed-in employee's coverage.")
    @PreAuthorize("hasRole('EMPLOYEE')")
    EnrolmentView mine(EsacUser user) {
        Versioned<Enrolment> enrolment = enrolments.ofUser(user.id()).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("adhesion.aucune-pour-utilisateur"));
        return EnrolmentView.of(enrolment, enrolments.personalData(enrolment.state()));
    }

    @GetMapping("/api/insurance/me/personal-data")
    @Operation(summary = "Exporter les renseignements personnels de l’employé connecté",
            description = "Export as JSON all the personal information insurance holds about the signed-in "
            + "employee.")
    @PreAuthorize("hasRole('EMPLOYEE')")
    ResponseEntity<PersonalDataExport> export(EsacUser user) {
        List<Versioned<Enrolment>> mine = enrolments.ofUser(user.id());
        RosterEntry rosterEntry = membership.roster().ofUser(user.id()).orElse(null);
        if (mine.isEmpty() && rosterEntry == null) {
            throw new NotFoundException("adhesion.aucune-pour-utilisateur");
        }
        List<EnrolmentView> views = mine.stream()
                .map(e -> EnrolmentView.of(e, enrolments.personalData(e.state()))).toList();
        List<AccessLog.Entry> reads = mine.stream().flatMap(e -> accessLog.of(e.id(), 0, 1000).stream()).toList();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"mes-renseignements-assurance.json\"")
                .body(new PersonalDataExport(user.id(), rosterEntry, views, reads));
    }

    @PutMapping("/api/insurance/me/personal-data")
    @Operation(summary = "Corriger ses renseignements personnels",
            description = "The signed-in employee corrects their personal information (birth date, dependants' "
            + "names).")
    @PreAuthorize("hasRole('EMPLOYEE')")
    ResponseEntity<PersonalDataExport> correct(@Valid @RequestBody CorrectionRequest body, EsacUser user) {
        List<Versioned<Enrolment>> mine = enrolments.ofUser(user.id());
        if (mine.isEmpty()) {
            throw new NotFoundException("adhesion.aucune-pour-utilisateur");
        }
        List<String> fields = new java.util.ArrayList<>();
        if (body.birthDate() != null) {
            fields.add("birthDate");
        }
        if (body.dependants() != null) {
            fields.add("dependants");
        }
        for (Versioned<Enrolment> e : mine) {
            Versioned<Enrolment> after = enrolments.correctPersonalData(e.id(), body.birthDate(),
                    body.dependants() == null ? null : dependants(body.dependants()),
                    current -> requireSelf(user, current));
            if (after.version() != e.version()) {
                accessLog.correctedBySelf(user, e.id(), e.state().organizationId(), String.join(",", fields));
            }
        }
        return export(user);
    }

    @GetMapping("/api/insurance/enrolments/{employeeId}/access-log")
    @Operation(summary = "Consulter le journal des accès aux renseignements personnels",
            description = "Who read the employee's personal information, and when.")
    @PreAuthorize("hasRole('STAFF')")
    PageView<AccessLog.Entry> accessLog(@PathVariable String employeeId,
                                        @RequestParam(defaultValue = "0") @Min(0) int page,
                                        @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, EsacUser user) {
        access.requireStaff(user);
        long total = accessLog.count(employeeId);
        return new PageView<>(accessLog.of(employeeId, page, size), page, size, total, (int) ((total + size - 1) / size));
    }

    /**
     * Staff of the plan's network, the employer's administrators and the insured person themselves may read an
     * enrolment; a read of {@code what} (null: logged by the caller) by anyone but the person is logged.
     */
    private Versioned<Enrolment> readable(String employeeId, EsacUser user, String what) {
        Versioned<Enrolment> enrolment = enrolments.get(employeeId);
        if (!isSelf(user, enrolment.state()) && !access.canActFor(user, enrolment.state().organizationId())) {
            throw new ForbiddenException("acces.adhesion-refusee", employeeId);
        }
        if (what != null) {
            logUnlessSelf(user, enrolment.state(), what);
        }
        return enrolment;
    }

    private boolean isSelf(EsacUser user, Enrolment enrolment) {
        return user.isEmployee() && enrolments.isInsuredPerson(user.id(), enrolment);
    }

    private void requireSelf(EsacUser user, Enrolment enrolment) {
        if (!isSelf(user, enrolment)) {
            throw new ForbiddenException("acces.adhesion-refusee", enrolment.id());
        }
    }

    private void logUnlessSelf(EsacUser user, Enrolment enrolment, String what) {
        if (!isSelf(user, enrolment)) {
            accessLog.readByOther(user, enrolment.id(), enrolment.organizationId(), what);
        }
    }

    private static String kindLabel(qc.esac.insurance.plan.DependantKind kind, boolean english) {
        return switch (kind) {
            case SPOUSE -> english ? "spouse" : "personne conjointe";
            case CHILD -> english ? "child" : "enfant";
        };
    }

    private static List<PersonalData.Dependant> dependants(List<DependantRequest> requests) {
        return requests == null ? List.of()
                : requests.stream().map(d -> new PersonalData.Dependant(d.kind(), d.firstName(), d.birthDate())).toList();
    }

    private static List<Enrolment.Waiver> waivers(List<WaiverRequest> requests) {
        return requests == null ? List.of() : requests.stream().map(w -> new Enrolment.Waiver(w.coverage(), w.reason())).toList();
    }

    record DependantRequest(@NotNull qc.esac.insurance.plan.DependantKind kind, @NotBlank @Size(max = 100) String firstName,
                            @NotNull LocalDate birthDate) {
    }

    record WaiverRequest(@NotNull CoverageCode coverage, @NotBlank @Size(max = 200) String reason) {
    }

    record EnrolRequest(@NotBlank String employeeId, @NotBlank String classCode, @NotNull LocalDate birthDate,
                        @NotNull @DecimalMin("1") BigDecimal annualSalary, @Valid List<DependantRequest> dependants,
                        @Valid List<WaiverRequest> waivers) {
    }

    record FamilyRequest(@Valid List<DependantRequest> dependants, @Valid List<WaiverRequest> waivers,
                         @NotNull LocalDate effectiveDate) {
    }

    record EmploymentRequest(@DecimalMin("1") BigDecimal annualSalary, @Size(max = 30) String classCode,
                             @NotNull LocalDate effectiveDate) {
    }

    record CorrectionRequest(LocalDate birthDate, @Valid List<DependantRequest> dependants) {
    }

    record DecisionRequest(@NotNull Boolean approved, @Size(max = 500) String note, LocalDate effectiveDate) {
    }

    record Certificate(String certificateNumber, String insuredName, String employer, Integer planYear, String classCode,
                       Tier tier, Map<String, String> coverages, List<String> dependants, LocalDate effectiveDate,
                       LocalDate coverageEndsOn) {
    }

    /** @param accessLog reads of the person's information by others, and the person's corrections */
    record PersonalDataExport(String userId, RosterEntry rosterEntry, List<EnrolmentView> enrolments,
                              List<AccessLog.Entry> accessLog) {
    }

    record EnrolmentView(String employeeId, String organizationId, String classCode, EnrolmentStatus status,
                         LocalDate eligibleOn, LocalDate requestedOn, LocalDate effectiveDate, LocalDate coverageEndsOn,
                         String endReason, Tier tier, Set<CoverageCode> coverages, List<Enrolment.Waiver> waivers,
                         Enrolment.EvidenceDecision evidenceDecision, String certificateNumber, PersonalData personalData,
                         long version) {

        static EnrolmentView of(Versioned<Enrolment> v, PersonalData personal) {
            Enrolment e = v.state();
            return new EnrolmentView(e.id(), e.organizationId(), e.classCode(), e.status(), e.eligibleOn(), e.requestedOn(),
                    e.effectiveDate(), e.coverageEndsOn(), e.endReason(), e.tier(), e.coverages(), e.waivers(),
                    e.evidenceDecision(), e.certificateNumber(), personal, v.version());
        }
    }
}
