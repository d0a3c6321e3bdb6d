package qc.esac.identity.server;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

import qc.esac.identity.EsacClaims;
import qc.esac.identity.EsacRole;
import qc.esac.identity.server.DemoDirectory.ClientProfile;
import qc.esac.identity.server.DemoDirectory.DemoAccount;

/**
 * Puts the claims every service reads ({@link EsacClaims}) into the tokens: a person's stable id
 * as {@code sub}, their roles, organizations and networks; for a machine client, the roles and
 * networks of its profile. Access tokens also name the platform API as their audience.
 */
class PlatformClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    /** Audience of every access token; services may require it. */
    static final String API_AUDIENCE = "esac-api";
    /** The account's email address: an invitation is accepted only by the account it was sent to. */
    static final String EMAIL = "email";

    private final SignedUpAccounts signedUp;

    PlatformClaims(SignedUpAccounts signedUp) {
        this.signedUp = signedUp;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (!accessToken && !idToken) {
            return;
        }
        String clientId = context.getRegisteredClient().getClientId();
        if (accessToken) {
            context.getClaims().audience(List.of(API_AUDIENCE, clientId));
        }
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            ClientProfile profile = DemoDirectory.clientProfile(clientId);
            context.getClaims().claim(EsacClaims.ROLES, roleNames(profile.roles()));
            putIfAny(context, EsacClaims.NETWORK_IDS, profile.networkIds());
            return;
        }
        String username = context.getPrincipal().getName();
        DemoDirectory.account(username).ifPresentOrElse(account -> person(context, account, accessToken),
                () -> signedUp.find(username).ifPresent(account -> signedUpPerson(context, account)));
    }

    /** No role, organization or network: the platform's grants say what this person may do. */
    private static void signedUpPerson(JwtEncodingContext context, SignedUpAccounts.Account account) {
        context.getClaims().subject(account.id());
        context.getClaims().claim("preferred_username", account.email());
        context.getClaims().claim("name", account.displayName());
        context.getClaims().claim(EMAIL, account.email());
    }

    private static void person(JwtEncodingContext context, DemoAccount account, boolean accessToken) {
        context.getClaims().subject(account.id());
        context.getClaims().claim("preferred_username", account.username());
        context.getClaims().claim("name", account.displayName());
        if (accessToken) {
            context.getClaims().claim(EsacClaims.ROLES, roleNames(account.roles()));
            putIfAny(context, EsacClaims.ORG_IDS, account.organizationIds());
            putIfAny(context, EsacClaims.NETWORK_IDS, account.networkIds());
        }
    }

    private static void putIfAny(JwtEncodingContext context, String claim, Collection<String> values) {
        if (!values.isEmpty()) {
            context.getClaims().claim(claim, values.stream().sorted().toList());
        }
    }

    private static List<String> roleNames(Set<EsacRole> roles) {
        return roles.stream().sorted().map(EsacRole::claimValue).toList();
    }
}
