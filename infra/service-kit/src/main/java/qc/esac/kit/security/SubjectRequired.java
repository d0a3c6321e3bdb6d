package qc.esac.kit.security;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

import qc.esac.identity.EsacClaims;

/**
 * A token without a subject names nobody: it is refused (401), never read as a user called "null". An OIDC
 * provider may leave {@code sub} out of access tokens (Keycloak does when a client lacks its {@code basic}
 * scope); Spring Boot adds this validator to the services' JWT decoder.
 */
final class SubjectRequired implements OAuth2TokenValidator<Jwt> {

    private static final OAuth2Error NO_SUBJECT = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
            "The token has no subject (sub claim)", null);

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        String subject = token.getClaimAsString(EsacClaims.SUBJECT);
        return subject == null || subject.isBlank() ? OAuth2TokenValidatorResult.failure(NO_SUBJECT)
                : OAuth2TokenValidatorResult.success();
    }
}
