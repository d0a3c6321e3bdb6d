package qc.esac.membership.organization;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import qc.esac.kit.docs.ApiSuccess;
import qc.esac.kit.outbox.Versioned;
import qc.esac.kit.problem.ForbiddenException;
import qc.esac.kit.security.EsacUser;
import qc.esac.kit.web.PageView;
import qc.esac.kit.web.VersionHeaders;

import java.time.LocalDate;
import java.util.List;

/**
 * Organizations over HTTP: {@code /api/membership/organizations}. Staff and an organization's administrators
 * see its whole profile; partners, and the organization's employees, its public part only. Every view of a profile
 * marked illustrative carries a note saying so, in the caller's language.
 */
@RestController
@RequestMapping("/api/membership/organizations")
class OrganizationController {

    private static final String REGION = "0[1-9]|1[0-7]";

    private final OrganizationService organizations;
    private final MessageSource messages;

    OrganizationController(OrganizationService organizations, MessageSource messages) {
        this.organizations = organizations;
        this.messages = messages;
    }

    /** The reader's warning that the legal form, region and NEQ are invented; null for a real profile. */
    private String illustrativeNote(Versioned<Organization> organization) {
        return organization.state().profile().illustrative()
                ? messages.getMessage("organisation.illustrative", null, LocaleContextHolder.getLocale())
                : null;
    }

    private OrganizationView view(Versioned<Organization> organization) {
        return OrganizationView.of(organization, illustrativeNote(organization));
    }

    private PublicOrganizationView publicView(Versioned<Organization> organization) {
        return PublicOrganizationView.of(organization, illustrativeNote(organization));
    }

    @PostMapping
    @Operation(summary = "Inscrire une organisation",
            description = "Register an organization; its id is chosen by the service.")
    @ApiSuccess(status = 201, etag = true)
    ResponseEntity<OrganizationView> register(@Valid @RequestBody ProfileRequest request, EsacUser user) {
        Versioned<Organization> created = organizations.register(request.toProfile(), user);
        return ResponseEntity
                .created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(created.id()))
                .eTag(VersionHeaders.etag(created.version()))
                .body(view(created));
    }

    @GetMapping
    @Operation(summary = "Rechercher des organisations",
            description = "Search organizations by name, region, sector or legal form; partners and employees see "
            + "the public part only.")
    PageView<?> search(@RequestParam(required = false) @Size(max = 200) String name,
                       @RequestParam(required = false) @Pattern(regexp = REGION, message = "{esac.validation.region}")
                       String region,
                       @RequestParam(required = false) @Size(max = 40) String sector,
                       @RequestParam(required = false) @Size(max = 40) String legalForm,
                       @RequestParam(defaultValue = "false") boolean includeClosed,
                       @RequestParam(defaultValue = "0") @Min(0) int page,
                       @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
                       EsacUser user) {
        PageView<Versioned<Organization>> found = organizations.search(
                new OrganizationService.SearchCriteria(name, region, sector, legalForm, includeClosed), page, size, user);
        List<?> items = user.isStaff() || user.isOrgAdmin()
                ? found.items().stream().map(this::view).toList()
                : found.items().stream().map(this::publicView).toList();
        return new PageView<>(items, found.page(), found.size(), found.totalItems(), found.totalPages());
    }

    @GetMapping("/{id}")
    @Operation(summary = "Lire le profil d’une organisation",
            description = "Read an organization's profile (whole for staff and its administrators, public part for "
            + "partners and its employees).")
    @ApiSuccess(etag = true)
    ResponseEntity<?> get(@PathVariable String id, EsacUser user) {
        boolean full = user.canActForOrganization(id);
        boolean publicPart = user.isPartner() || (user.isEmployee() && user.organizationIds().contains(id));
        if (!full && !publicPart) {
            throw new ForbiddenException("acces.organisation-refusee", id);
        }
        Versioned<Organization> organization = organizations.get(id);
        return ResponseEntity.ok().eTag(VersionHeaders.etag(organization.version()))
                .body(full ? view(organization) : publicView(organization));
    }

    /**
     * With {@code If-Match}: updates the profile. Without: registers the organization under this id (a UUID the
     * client chose), 201; a repeat of the same registration answers 200 with the organization unchanged.
     */
    @PutMapping("/{id}")
    @Operation(summary = "Modifier le profil d’une organisation, ou l’inscrire sous cet identifiant",
            description = "With If-Match: update the profile. Without: register the organization under this id (a "
            + "UUID chosen by the client), 201; a repeat of the same registration answers 200.")
    @ApiSuccess(status = 200, also = 201, etag = true)
    ResponseEntity<OrganizationView> update(@PathVariable String id,
                                            @RequestHeader(name = VersionHeaders.IF_MATCH, required = false) String ifMatch,
                                            @Valid @RequestBody ProfileRequest request, EsacUser user) {
        if (ifMatch == null || ifMatch.isBlank()) {
            OrganizationService.Registration registration = organizations.registerWithId(id, request.toProfile(), user);
            Versioned<Organization> organization = registration.organization();
            ResponseEntity.BodyBuilder response = registration.created()
                    ? ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().build().toUri())
                    : ResponseEntity.ok();
            return response.eTag(VersionHeaders.etag(organization.version())).body(view(organization));
        }
        long expected = VersionHeaders.requiredVersion(ifMatch);
        Versioned<Organization> updated = organizations.update(id, expected, request.toProfile(), user);
        return ResponseEntity.ok().eTag(VersionHeaders.etag(updated.version())).body(view(updated));
    }

    @PostMapping("/{id}/closure")
    @Operation(summary = "Fermer une organisation",
            description = "Close an organization (If-Match required).")
    ResponseEntity<OrganizationView> close(@PathVariable String id,
                                           @RequestHeader(name = VersionHeaders.IF_MATCH, required = false) String ifMatch,
                                           @Valid @RequestBody ClosureRequest request, EsacUser user) {
        long expected = VersionHeaders.requiredVersion(ifMatch);
        Versioned<Organization> closed = organizations.close(id, expected, request.closedOn(), request.reason(), user);
        return ResponseEntity.ok().eTag(VersionHeaders.etag(closed.version())).body(view(closed));
    }

    /** The profile form, for registration and update (an update sends the whole profile). */
    record ProfileRequest(
            @NotBlank @Size(max = 200) String legalName,
            @NotNull @Pattern(regexp = "\\s*(\\d[ -]?){9}\\d\\s*", message = "{esac.validation.neq}") String neq,
            @NotBlank @Size(max = 40) String legalForm,
            @NotNull @Pattern(regexp = REGION, message = "{esac.validation.region}") String regionCode,
            List<@NotNull @Pattern(regexp = REGION, message = "{esac.validation.region}") String> regionsServed,
            List<@NotBlank @Size(max = 40) String> sectorCodes,
            @Min(1800) Integer foundingYear,
            @Min(0) @Max(100_000) Integer fullTimeEmployees,
            @Min(0) @Max(100_000) Integer partTimeEmployees,
            @Size(max = 40) String budgetBand,
            @Size(max = 200) String supervisingMinistry,
            @Valid AddressRequest address,
            @Pattern(regexp = "fr|en", message = "{esac.validation.langue}") String preferredLanguage,
            Boolean illustrative) {

        OrganizationProfile toProfile() {
            return new OrganizationProfile(legalName, neq, legalForm, regionCode, regionsServed, sectorCodes,
                    foundingYear, fullTimeEmployees, partTimeEmployees, budgetBand, supervisingMinistry,
                    address == null ? null : new Address(address.street(), address.city(), address.province(),
                            address.postalCode()),
                    preferredLanguage, illustrative);
        }
    }

    record AddressRequest(
            @NotBlank @Size(max = 200) String street,
            @NotBlank @Size(max = 100) String city,
            @Pattern(regexp = "[A-Za-z]{2}", message = "{esac.validation.province}") String province,
            @NotNull @Pattern(regexp = "[A-Za-z]\\d[A-Za-z] ?\\d[A-Za-z]\\d", message = "{esac.validation.code-postal}")
            String postalCode) {
    }

    record ClosureRequest(@NotNull LocalDate closedOn, @Size(max = 500) String reason) {
    }

    /**
     * The whole profile, for staff and the organization's administrators.
     *
     * @param illustrativeNote when {@code illustrative}: that the legal form, region and NEQ are invented
     */
    record OrganizationView(String id, String legalName, String neq, String legalForm, String regionCode,
                            List<String> regionsServed, List<String> sectorCodes, Integer foundingYear,
                            Integer fullTimeEmployees, Integer partTimeEmployees, String budgetBand,
                            String supervisingMinistry, Address address, String preferredLanguage,
                            boolean illustrative, String illustrativeNote,
                            LocalDate registeredOn, boolean closed, LocalDate closedOn, String closureReason,
                            long version) {

        static OrganizationView of(Versioned<Organization> versioned, String illustrativeNote) {
            Organization o = versioned.state();
            OrganizationProfile p = o.profile();
            return new OrganizationView(o.id(), p.legalName(), p.neq(), p.legalForm(), p.regionCode(),
                    p.regionsServed(), p.sectorCodes(), p.foundingYear(), p.fullTimeEmployees(),
                    p.partTimeEmployees(), p.budgetBand(), p.supervisingMinistry(), p.address(),
                    p.preferredLanguage(), p.illustrative(), illustrativeNote, o.registeredOn(), o.closed(),
                    o.closedOn(), o.closureReason(),
                    versioned.version());
        }
    }

    /** What partners and employees may read: the public face of the organization. */
    record PublicOrganizationView(String id, String legalName, String legalForm, String regionCode,
                                  List<String> regionsServed, List<String> sectorCodes, boolean illustrative,
                                  String illustrativeNote, boolean closed) {

        static PublicOrganizationView of(Versioned<Organization> versioned, String illustrativeNote) {
            Organization o = versioned.state();
            OrganizationProfile p = o.profile();
            return new PublicOrganizationView(o.id(), p.legalName(), p.legalForm(), p.regionCode(),
                    p.regionsServed(), p.sectorCodes(), p.illustrative(), illustrativeNote, o.closed());
        }
    }
}
