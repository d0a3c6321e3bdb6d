package qc.esac.membership.access;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import qc.esac.kit.docs.ApiSuccess;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import qc.esac.kit.outbox.Versioned;
import qc.esac.kit.security.EsacUser;
import qc.esac.kit.web.PageView;

/**
 * Invitations and grants over HTTP: {@code /api/membership/invitations} and {@code /api/membership/grants}.
 */
@RestController
@RequestMapping("/api/membership")
class AccessController {

    /** The OIDC claim holding the signed-in account's email address. */
    static final String EMAIL_CLAIM = "email";

    private final AccessService access;

    AccessController(AccessService access) {
        this.access = access;
    }

    @Operation(summary = "Inviter une personne",
            description = "Invite a person by email as administrator of an organization, employee of its roster or "
            + "staff of a network; answers the single-use code to send them (only its hash is kept).")
    @ApiSuccess(status = 201)
    @PostMapping("/invitations")
    ResponseEntity<InvitationView> invite(@Valid @RequestBody InvitationRequest request, EsacUser user) {
        AccessService.Invited invited = access.invite(new AccessService.Invitation(request.role(), request.email(),
                request.organizationId(), request.networkId(), request.employeeId()), user);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/api/membership/grants/{id}").build(invited.grant().id()))
                .body(new InvitationView(GrantView.of(invited.grant()), invited.code()));
    }

    /** The invited person, signed in, accepts with the code; their account's email must be the invited one. */
    @Operation(summary = "Accepter une invitation",
            description = "The signed-in person accepts an invitation with its code; their account's email must be "
            + "the invited one. The grant takes effect at once in every service.")
    @PostMapping("/invitations/acceptance")
    ResponseEntity<GrantView> accept(@Valid @RequestBody AcceptanceRequest request, EsacUser user,
                                     @AuthenticationPrincipal Jwt token) {
        Versioned<AccessGrant> accepted = access.accept(request.code(), token.getClaimAsString(EMAIL_CLAIM), user);
        return ResponseEntity.ok(GrantView.of(accepted));
    }

    @Operation(summary = "Lister les accès d’une organisation ou d’un réseau",
            description = "List who may act for an organization or a network: grants and pending invitations.")
    @GetMapping("/grants")
    PageView<GrantView> list(@RequestParam(required = false) @Size(max = 60) String organizationId,
                             @RequestParam(required = false) @Size(max = 40) String networkId,
                             @RequestParam(defaultValue = "0") @Min(0) int page,
                             @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size, EsacUser user) {
        PageView<Versioned<AccessGrant>> found = access.list(organizationId, networkId, page, size, user);
        return new PageView<>(found.items().stream().map(GrantView::of).toList(), found.page(), found.size(),
                found.totalItems(), found.totalPages());
    }

    @Operation(summary = "Mes accès", description = "The signed-in person's own grants.")
    @GetMapping("/grants/mine")
    List<GrantView> mine(EsacUser user) {
        return access.mine(user).stream().map(GrantView::of).toList();
    }

    @Operation(summary = "Révoquer un accès",
            description = "End a grant or withdraw an invitation; an organization's last administrator can only be "
            + "removed by staff.")
    @PostMapping("/grants/{id}/revocation")
    GrantView revoke(@PathVariable @Size(max = 60) String id, EsacUser user) {
        return GrantView.of(access.revoke(id, user));
    }

    record InvitationRequest(@NotNull GrantKind role, @NotBlank @Email @Size(max = 200) String email,
                             @Size(max = 60) String organizationId, @Size(max = 40) String networkId,
                             @Size(max = 60) String employeeId) {
    }

    record AcceptanceRequest(@NotBlank @Size(max = 60) String code) {
    }

    /** The invitation and its code: give the code to the invited person; it is never shown again. */
    record InvitationView(GrantView invitation, String code) {
    }

    /** A grant as people see it: never the code or its hash. */
    record GrantView(String id, GrantKind role, GrantStatus status, String organizationId, String networkId,
                     String employeeId, String email, String userId, String invitedBy, Instant invitedAt,
                     Instant expiresAt, Instant acceptedAt, String membershipId, String grantedBy, Instant grantedAt,
                     String revokedBy, Instant revokedAt, long version) {

        static GrantView of(Versioned<AccessGrant> versioned) {
            AccessGrant g = versioned.state();
            return new GrantView(g.id(), g.kind(), g.status(), g.organizationId(), g.networkId(), g.employeeId(),
                    g.email(), g.userId(), g.invitedBy(), g.invitedAt(), g.expiresAt(), g.acceptedAt(),
                    g.membershipId(), g.grantedBy(), g.grantedAt(), g.revokedBy(), g.revokedAt(),
                    versioned.version());
        }
    }
}
