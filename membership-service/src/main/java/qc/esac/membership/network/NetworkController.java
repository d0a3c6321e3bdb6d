package qc.esac.membership.network;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import qc.esac.kit.problem.FieldViolation;
import qc.esac.kit.problem.InvalidInputException;
import qc.esac.kit.security.EsacUser;
import qc.esac.kit.web.PageView;
import qc.esac.kit.web.VersionHeaders;

import java.math.BigDecimal;
import java.util.List;

/** Networks over HTTP: {@code /api/membership/networks}. Anyone signed in reads them; their staff change them. */
@RestController
@RequestMapping("/api/membership/networks")
class NetworkController {

    private final NetworkService networks;

    NetworkController(NetworkService networks) {
        this.networks = networks;
    }

    @PostMapping
    @Operation(summary = "Créer un réseau",
            description = "Create a network.")
    @ApiSuccess(status = 201, etag = true)
    ResponseEntity<NetworkView> create(@Valid @RequestBody NetworkRequest request, EsacUser user) {
        if (request.id() == null) {
            throw InvalidInputException.of(FieldViolation.of("id", "jakarta.validation.constraints.NotNull.message"));
        }
        Versioned<Network> created = networks.create(request.toNetwork(request.id()), user);
        return ResponseEntity
                .created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(created.id()))
                .eTag(VersionHeaders.etag(created.version())).body(NetworkView.of(created));
    }

    @GetMapping
    @Operation(summary = "Lister les réseaux",
            description = "List the networks.")
    PageView<NetworkView> list(@RequestParam(defaultValue = "0") @Min(0) int page,
                               @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        PageView<Versioned<Network>> found = networks.list(page, size);
        return new PageView<>(found.items().stream().map(NetworkView::of).toList(), found.page(), found.size(),
                found.totalItems(), found.totalPages());
    }

    @GetMapping("/{id}")
    @Operation(summary = "Lire un réseau",
            description = "Read a network.")
    @ApiSuccess(etag = true)
    ResponseEntity<NetworkView> get(@PathVariable String id) {
        Versioned<Network> network = networks.get(id);
        return ResponseEntity.ok().eTag(VersionHeaders.etag(network.version())).body(NetworkView.of(network));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Modifier un réseau",
            description = "Update a network (If-Match required).")
    ResponseEntity<NetworkView> update(@PathVariable String id,
                                       @RequestHeader(name = VersionHeaders.IF_MATCH, required = false) String ifMatch,
                                       @Valid @RequestBody NetworkRequest request, EsacUser user) {
        long expected = VersionHeaders.requiredVersion(ifMatch);
        Versioned<Network> updated = networks.update(id, expected, request.toNetwork(id), user);
        return ResponseEntity.ok().eTag(VersionHeaders.etag(updated.version())).body(NetworkView.of(updated));
    }

    /** A network's definition; {@code id} is only read at creation. */
    record NetworkRequest(
            @Pattern(regexp = "[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?", message = "{esac.validation.code-reseau}")
            String id,
            @NotBlank @Size(max = 200) String name,
            @NotNull @Pattern(regexp = "\\d{2}-\\d{2}", message = "{esac.validation.fin-exercice}")
            String fiscalYearEnd,
            @Min(0) @Max(180) int renewalWindowDays,
            @Min(0) @Max(180) int graceDays,
            @NotEmpty @Size(max = 20) List<@Valid @NotNull CategoryRequest> categories,
            Boolean graceKeepsServices,
            Boolean graceVotes) {

        Network toNetwork(String networkId) {
            return new Network(networkId, name.strip(), Integer.parseInt(fiscalYearEnd.substring(0, 2)),
                    Integer.parseInt(fiscalYearEnd.substring(3)), renewalWindowDays, graceDays,
                    categories.stream().map(c -> new Category(c.code(), c.nameFr().strip(), c.nameEn().strip(),
                            c.votingRights(), c.annualFee())).toList(), graceKeepsServices, graceVotes);
        }
    }

    record CategoryRequest(
            @NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{1,29}", message = "{esac.validation.code-categorie}") String code,
            @NotBlank @Size(max = 100) String nameFr,
            @NotBlank @Size(max = 100) String nameEn,
            boolean votingRights,
            @NotNull @DecimalMin("0.00") @Digits(integer = 7, fraction = 2) BigDecimal annualFee) {
    }

    /**
     * A network's definition; {@code graceKeepsServices} and {@code graceVotes} say what a member in grace keeps
     * (absent in a request: the defaults, services kept and no vote).
     */
    record NetworkView(String id, String name, String fiscalYearEnd, int renewalWindowDays, int graceDays,
                       boolean graceKeepsServices, boolean graceVotes, List<Category> categories,
                       List<StatusRule> statusRules, long version) {

        static NetworkView of(Versioned<Network> versioned) {
            Network n = versioned.state();
            return new NetworkView(n.id(), n.name(), "%02d-%02d".formatted(n.fiscalYearEndMonth(), n.fiscalYearEndDay()),
                    n.renewalWindowDays(), n.graceDays(), n.graceKeepsServices(), n.graceVotes(), n.categories(),
                    n.statusRules(), versioned.version());
        }
    }
}
