package qc.esac.membership.privacy;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
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

import java.time.LocalDate;
import java.util.List;

/** The privacy-incident register over HTTP: {@code /api/membership/privacy-incidents}, for network staff. */
@RestController
@RequestMapping("/api/membership/privacy-incidents")
class PrivacyIncidentController {

    private final PrivacyIncidentService incidents;

    PrivacyIncidentController(PrivacyIncidentService incidents) {
        this.incidents = incidents;
    }

    @PostMapping
    @Operation(summary = "Consigner un incident de confidentialité",
            description = "Record a privacy incident in the network's register.")
    @ApiSuccess(status = 201, etag = true)
    ResponseEntity<IncidentView> record(@Valid @RequestBody IncidentRequest request, EsacUser user) {
        Versioned<PrivacyIncident> created = incidents.record(request.networkId(), request.details(), user);
        return ResponseEntity
                .created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(created.id()))
                .eTag(VersionHeaders.etag(created.version())).body(IncidentView.of(created));
    }

    @GetMapping
    @Operation(summary = "Lister le registre des incidents de confidentialité",
            description = "List the privacy incident register.")
    PageView<IncidentView> list(@RequestParam(required = false) @Size(max = 40) String networkId,
                                @RequestParam(defaultValue = "0") @Min(0) int page,
                                @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size, EsacUser user) {
        PageView<Versioned<PrivacyIncident>> found = incidents.list(networkId, page, size, user);
        return new PageView<>(found.items().stream().map(IncidentView::of).toList(), found.page(), found.size(),
                found.totalItems(), found.totalPages());
    }

    @GetMapping("/{id}")
    @Operation(summary = "Lire un incident de confidentialité",
            description = "Read a privacy incident.")
    @ApiSuccess(etag = true)
    ResponseEntity<IncidentView> get(@PathVariable String id, EsacUser user) {
        Versioned<PrivacyIncident> incident = incidents.get(id, user);
        return ResponseEntity.ok().eTag(VersionHeaders.etag(incident.version())).body(IncidentView.of(incident));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Compléter un incident de confidentialité",
            description = "Amend a privacy incident (If-Match required).")
    ResponseEntity<IncidentView> amend(@PathVariable String id,
                                       @RequestHeader(name = VersionHeaders.IF_MATCH, required = false) String ifMatch,
                                       @Valid @RequestBody IncidentRequest request, EsacUser user) {
        Versioned<PrivacyIncident> amended = incidents.amend(id, VersionHeaders.requiredVersion(ifMatch),
                request.details(), user);
        return ResponseEntity.ok().eTag(VersionHeaders.etag(amended.version())).body(IncidentView.of(amended));
    }

    /** An incident as entered; {@code networkId} is read at creation only. Rules: {@link PrivacyIncident.Details}. */
    record IncidentRequest(@NotBlank @Size(max = 40) String networkId, LocalDate occurredOn, LocalDate discoveredOn,
                           String nature, Integer peopleAffected, @Size(max = 20) List<String> categoriesOfPeople,
                           String personalInformation, @Size(max = 4) List<String> services,
                           LocalDate commissionNotifiedOn, LocalDate peopleNotifiedOn, String notNotifiedReason,
                           String measures) {

        PrivacyIncident.Details details() {
            return new PrivacyIncident.Details(occurredOn, discoveredOn, nature, peopleAffected, categoriesOfPeople,
                    personalInformation, services, commissionNotifiedOn, peopleNotifiedOn, notNotifiedReason,
                    measures);
        }
    }

    record IncidentView(String id, String networkId, LocalDate occurredOn, LocalDate discoveredOn, String nature,
                        Integer peopleAffected, List<String> categoriesOfPeople, String personalInformation,
                        List<String> services, LocalDate commissionNotifiedOn, LocalDate peopleNotifiedOn,
                        String notNotifiedReason, String measures, List<PrivacyIncident.Audit> changes,
                        long version) {

        static IncidentView of(Versioned<PrivacyIncident> versioned) {
            PrivacyIncident i = versioned.state();
            PrivacyIncident.Details d = i.details();
            return new IncidentView(i.id(), i.networkId(), d.occurredOn(), d.discoveredOn(), d.nature(),
                    d.peopleAffected(), d.categoriesOfPeople(), d.personalInformation(), d.services(),
                    d.commissionNotifiedOn(), d.peopleNotifiedOn(), d.notNotifiedReason(), d.measures(), i.changes(),
                    versioned.version());
        }
    }
}
