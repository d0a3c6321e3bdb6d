package qc.esac.membership.organization;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import qc.esac.kit.outbox.Versioned;
import qc.esac.kit.security.EsacUser;

import java.util.List;

/** Organizations over HTTP: {@code /api/membership/organizations}. */
@RestController
@RequestMapping("/api/membership/organizations")
class OrganizationController {

    private final OrganizationService organizations;

    OrganizationController(OrganizationService organizations) {
        this.organizations = organizations;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('STAFF', 'ORG_ADMIN')")
    ResponseEntity<OrganizationView> register(@Valid @RequestBody RegistrationRequest request) {
        Versioned<Organization> created = organizations.register(new OrganizationService.RegisterOrganization(
                request.legalName(), request.neq(), request.legalForm(), request.regionCode(), request.sectorCodes()));
        return ResponseEntity
                .created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(created.id()))
                .eTag(Long.toString(created.version()))
                .body(OrganizationView.of(created));
    }

    @GetMapping("/{id}")
    ResponseEntity<OrganizationView> get(@PathVariable String id, EsacUser user) {
        user.requireOrganization(id);
        Versioned<Organization> organization = organizations.get(id);
        return ResponseEntity.ok().eTag(Long.toString(organization.version())).body(OrganizationView.of(organization));
    }

    /** The registration form. Codes are checked here; the reference lists come with the membership issue. */
    record RegistrationRequest(
            @NotBlank @Size(max = 200) String legalName,
            @NotNull @Pattern(regexp = "\\d{10}", message = "{esac.validation.neq}") String neq,
            @NotBlank @Size(max = 60) String legalForm,
            @NotNull @Pattern(regexp = "0[1-9]|1[0-7]", message = "{esac.validation.region}") String regionCode,
            List<@NotBlank @Size(max = 20) String> sectorCodes) {
    }

    record OrganizationView(String id, String legalName, String neq, String legalForm, String regionCode,
                            List<String> sectorCodes, long version) {

        static OrganizationView of(Versioned<Organization> versioned) {
            Organization o = versioned.state();
            return new OrganizationView(o.id(), o.legalName(), o.neq(), o.legalForm(), o.regionCode(),
                    o.sectorCodes(), versioned.version());
        }
    }
}
