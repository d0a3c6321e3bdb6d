package qc.esac.membership.membership;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
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

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Memberships over HTTP: {@code /api/membership/memberships}. Every transition is a POST on a sub-resource
 * named after it, with {@code If-Match}; the response is the membership after it.
 */
@RestController
@RequestMapping("/api/membership/memberships")
class MembershipController {

    private final MembershipService memberships;
    private final MessageSource messages;

    MembershipController(MembershipService memberships, MessageSource messages) {
        this.memberships = memberships;
        this.messages = messages;
    }

    @PostMapping
    @Operation(summary = "Demander l’adhésion d’une organisation à un réseau",
            description = "Apply for an organization's membership in a network.")
    @ApiSuccess(status = 201, etag = true)
    ResponseEntity<MembershipView> apply(@Valid @RequestBody ApplicationRequest request, EsacUser user) {
        Versioned<Membership> created = memberships.apply(request.organizationId(), request.networkId(),
                request.category(), user);
        return ResponseEntity
                .created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(created.id()))
                .eTag(VersionHeaders.etag(created.version())).body(view(created));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Lire une adhésion au réseau",
            description = "Read a network membership.")
    @ApiSuccess(etag = true)
    ResponseEntity<?> get(@PathVariable String id, EsacUser user) {
        Versioned<Membership> membership = memberships.read(id, user);
        return ResponseEntity.ok().eTag(VersionHeaders.etag(membership.version()))
                .body(MembershipService.seesEverything(membership.state(), user) ? view(membership)
                        : StandingView.of(membership));
    }

    @GetMapping
    @Operation(summary = "Rechercher des adhésions",
            description = "Search memberships (network, organization, status).")
    PageView<?> search(@RequestParam(required = false) @Size(max = 40) String networkId,
                       @RequestParam(required = false) @Size(max = 60) String organizationId,
                       @RequestParam(required = false) MembershipStatus status,
                       @RequestParam(required = false) @Size(max = 30) String category,
                       @RequestParam(defaultValue = "0") @Min(0) int page,
                       @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
                       EsacUser user) {
        PageView<Versioned<Membership>> found = memberships.search(networkId, organizationId, status, category, page,
                size, user);
        List<?> items = found.items().stream()
                .map(m -> MembershipService.seesEverything(m.state(), user) ? view(m) : StandingView.of(m))
                .toList();
        return new PageView<>(items, found.page(), found.size(), found.totalItems(), found.totalPages());
    }

    @PostMapping("/{id}/approval")
    @Operation(summary = "Approuver une demande d’adhésion",
            description = "Approve a membership application (network staff; If-Match required).")
    ResponseEntity<MembershipView> approve(@PathVariable String id, @RequestHeader(name = VersionHeaders.IF_MATCH,
            required = false) String ifMatch, @Valid @RequestBody(required = false) Decision request, EsacUser user) {
        return answer(memberships.approve(id, VersionHeaders.requiredVersion(ifMatch),
                request == null ? null : request.reason(), user));
    }

    @PostMapping("/{id}/rejection")
    @Operation(summary = "Refuser une demande d’adhésion",
            description = "Reject a membership application (network staff; If-Match required).")
    ResponseEntity<MembershipView> reject(@PathVariable String id, @RequestHeader(name = VersionHeaders.IF_MATCH,
            required = false) String ifMatch, @Valid @RequestBody ReasonRequired request, EsacUser user) {
        return answer(memberships.reject(id, VersionHeaders.requiredVersion(ifMatch), request.reason(), user));
    }

    @PostMapping("/{id}/fees")
    @Operation(summary = "Consigner le paiement de la cotisation",
            description = "Record a membership fee payment (If-Match required).")
    ResponseEntity<MembershipView> recordFee(@PathVariable String id, @RequestHeader(name = VersionHeaders.IF_MATCH,
            required = false) String ifMatch, @Valid @RequestBody FeeRequest request, EsacUser user) {
        return answer(memberships.recordFee(id, VersionHeaders.requiredVersion(ifMatch), new Membership.Payment(
                request.amount(), request.paidOn(), request.method(), request.reference()), user));
    }

    @PostMapping("/{id}/renewal")
    @Operation(summary = "Renouveler une adhésion",
            description = "Renew a membership for another period (If-Match required).")
    ResponseEntity<MembershipView> renew(@PathVariable String id, @RequestHeader(name = VersionHeaders.IF_MATCH,
            required = false) String ifMatch, EsacUser user) {
        return answer(memberships.renew(id, VersionHeaders.requiredVersion(ifMatch), user));
    }

    @PostMapping("/{id}/suspension")
    @Operation(summary = "Suspendre une adhésion",
            description = "Suspend a membership (network staff; If-Match required).")
    ResponseEntity<MembershipView> suspend(@PathVariable String id, @RequestHeader(name = VersionHeaders.IF_MATCH,
            required = false) String ifMatch, @Valid @RequestBody ReasonRequired request, EsacUser user) {
        return answer(memberships.suspend(id, VersionHeaders.requiredVersion(ifMatch), request.reason(),
                request.effectiveDate(), user));
    }

    @PostMapping("/{id}/reinstatement")
    @Operation(summary = "Rétablir une adhésion suspendue",
            description = "Reinstate a suspended membership (network staff; If-Match required).")
    ResponseEntity<MembershipView> reinstate(@PathVariable String id, @RequestHeader(name = VersionHeaders.IF_MATCH,
            required = false) String ifMatch, @Valid @RequestBody(required = false) Decision request, EsacUser user) {
        return answer(memberships.reinstate(id, VersionHeaders.requiredVersion(ifMatch),
                request == null ? null : request.reason(), user));
    }

    @PostMapping("/{id}/resignation")
    @Operation(summary = "Démissionner du réseau",
            description = "The organization resigns its membership (If-Match required).")
    ResponseEntity<MembershipView> resign(@PathVariable String id, @RequestHeader(name = VersionHeaders.IF_MATCH,
            required = false) String ifMatch, @Valid @RequestBody(required = false) Decision request, EsacUser user) {
        return answer(memberships.resign(id, VersionHeaders.requiredVersion(ifMatch),
                request == null ? null : request.reason(), request == null ? null : request.effectiveDate(), user));
    }

    @PostMapping("/{id}/termination")
    @Operation(summary = "Mettre fin à une adhésion",
            description = "Terminate a membership (network staff; If-Match required).")
    ResponseEntity<MembershipView> terminate(@PathVariable String id, @RequestHeader(name = VersionHeaders.IF_MATCH,
            required = false) String ifMatch, @Valid @RequestBody ReasonRequired request, EsacUser user) {
        return answer(memberships.terminate(id, VersionHeaders.requiredVersion(ifMatch), request.reason(),
                request.effectiveDate(), user));
    }

    private ResponseEntity<MembershipView> answer(Versioned<Membership> membership) {
        return ResponseEntity.ok().eTag(VersionHeaders.etag(membership.version())).body(view(membership));
    }

    private MembershipView view(Versioned<Membership> membership) {
        Locale locale = LocaleContextHolder.getLocale();
        return MembershipView.of(membership, memberships.dues(membership.state()), transition ->
                transition.reasonCode() == null ? transition.reason()
                        : messages.getMessage(transition.reasonCode(), transition.reasonArgs().toArray(),
                        transition.reason(), locale));
    }

    record ApplicationRequest(@NotBlank @Size(max = 60) String organizationId,
                              @NotBlank @Size(max = 40) String networkId,
                              @NotBlank @Size(max = 30) String category) {
    }

    /** An optional reason and, where it applies, the date the decision takes effect (today by default). */
    record Decision(@Size(max = 500) String reason, LocalDate effectiveDate) {
    }

    record ReasonRequired(@NotBlank @Size(max = 500) String reason, LocalDate effectiveDate) {
    }

    /** A payment; its amount must be more than zero (checked with the other fee rules, in the model). */
    record FeeRequest(@NotNull @Digits(integer = 7, fraction = 2) BigDecimal amount,
                      @NotNull LocalDate paidOn,
                      @NotNull @Pattern(regexp = "CHEQUE|TRANSFER|CARD|CASH|OTHER",
                              message = "{esac.validation.mode-paiement}") String method,
                      @Size(max = 60) String reference) {
    }

    /**
     * The whole membership, for the network's staff and the organization's administrators. {@code amountDue} is
     * the fee expected now (CAD) and {@code dues} what was paid toward it and what remains, both null when no fee
     * is expected; each step's {@code reason} is in the reader's language when the platform wrote it.
     */
    record MembershipView(String id, String organizationId, String networkId, String category, MembershipStatus status,
                          boolean goodStanding, boolean votingRights, LocalDate periodStart, LocalDate periodEnd,
                          LocalDate appliedOn, LocalDate memberSince, BigDecimal amountDue, Dues dues,
                          List<Step> history, List<FeePayment> fees, long version) {

        static MembershipView of(Versioned<Membership> versioned, Dues dues, Function<Transition, String> reason) {
            Membership m = versioned.state();
            return new MembershipView(m.id(), m.organizationId(), m.networkId(), m.category(), m.status(),
                    m.goodStanding(), m.votingRights(), m.periodStart(), m.periodEnd(), m.appliedOn(),
                    m.memberSince(), dues == null ? null : dues.amountDue(), dues,
                    m.history().stream().map(t -> new Step(t.from(), t.to(), t.effectiveDate(), reason.apply(t),
                            t.reasonCode(), t.recordedAt(), t.by())).toList(), m.fees(), versioned.version());
        }
    }

    /** One step of the history; {@code reasonCode} names a reason the platform wrote (null for a typed one). */
    record Step(MembershipStatus from, MembershipStatus to, LocalDate effectiveDate, String reason, String reasonCode,
                Instant recordedAt, String by) {
    }

    /** The public standing: what partners and the organization's employees read. */
    record StandingView(String id, String organizationId, String networkId, String category, MembershipStatus status,
                        boolean goodStanding, LocalDate periodEnd) {

        static StandingView of(Versioned<Membership> versioned) {
            Membership m = versioned.state();
            return new StandingView(m.id(), m.organizationId(), m.networkId(), m.category(), m.status(),
                    m.goodStanding(), m.periodEnd());
        }
    }
}
