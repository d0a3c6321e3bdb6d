package qc.esac.membership.access;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import qc.esac.kit.security.EsacUser;
import qc.esac.membership.organization.OrganizationProfile;

/**
 * Self-service onboarding over HTTP: {@code /api/membership/onboarding}. A signed-up person registers their
 * organization and applies for membership; they administer it once the network approves.
 */
@RestController
@RequestMapping("/api/membership/onboarding")
class OnboardingController {

    private final OnboardingService onboarding;

    OnboardingController(OnboardingService onboarding) {
        this.onboarding = onboarding;
    }

    @Operation(summary = "Inscrire son organisation (libre-service)",
            description = "A signed-up person registers their organization and applies for membership; they become "
            + "its administrator once the network approves the application.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    OnboardingView register(@Valid @RequestBody OnboardingRequest request, EsacUser user) {
        return OnboardingView.of(onboarding.register(request.toProfile(), request.networkId(), request.category(),
                user));
    }

    @Operation(summary = "Suivre mes inscriptions",
            description = "Where the signed-in person's self-service registrations stand: application and grant.")
    @GetMapping
    List<OnboardingView> mine(EsacUser user) {
        return onboarding.mine(user).stream().map(OnboardingView::of).toList();
    }

    /** The essentials of the organization's profile; its administrator completes it once approved. */
    record OnboardingRequest(@NotBlank @Size(max = 200) String legalName, @NotBlank @Size(max = 20) String neq,
                             @NotBlank @Size(max = 40) String legalForm,
                             @NotBlank @Pattern(regexp = "\\d{2}") String regionCode,
                             List<@Size(max = 10) String> sectorCodes,
                             @NotBlank @Size(max = 40) String networkId, @NotBlank @Size(max = 30) String category) {

        OrganizationProfile toProfile() {
            return new OrganizationProfile(legalName, neq, legalForm, regionCode, List.of(),
                    sectorCodes == null ? List.of() : sectorCodes, null, null, null, null, null, null, null, false);
        }
    }

    /** Where a registration stands: the organization, the application's status, the registrant's grant. */
    record OnboardingView(String organizationId, String legalName, String networkId, String membershipId,
                          String membershipStatus, String grantId, GrantStatus grantStatus) {

        static OnboardingView of(OnboardingService.Onboarding o) {
            return new OnboardingView(o.organization().id(), o.organization().state().profile().legalName(),
                    o.membership().state().networkId(), o.membership().id(), o.membership().state().status().name(),
                    o.grant().id(), o.grant().state().status());
        }
    }
}
