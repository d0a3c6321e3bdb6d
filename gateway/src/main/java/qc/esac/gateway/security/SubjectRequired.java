package qc.esac.gateway.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

import qc.esac.identity.EsacClaims;

/**
 * A token without a subject names nobody: 401 at the door (rate limits count per subject, and services
 * would refuse it anyway). An OIDC provider may leave {@code sub} out of access tokens (Keycloak does when a
 * client lacks its {@code basic} scope). Spring Boot adds this validator bean to the JWT decoder's.
 */
@Configuration(proxyBeanMethods = false)
class SubjectRequired {

    private static final OAuth2Error NO_SUBJECT = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
            "The token has no subject (sub claim)", null);

    @Bean
    OAuth2TokenValidator<Jwt> tokenSubjectRequired() {
        return SubjectRequired::validate;
    }

    static OAuth2TokenValidatorResult validate(Jwt token) {
        String subject = token.getClaimAsString(EsacClaims.SUBJECT);
        return subject == null || subject.isBlank() ? OAuth2TokenValidatorResult.failure(NO_SUBJECT)
                : OAuth2TokenValidatorResult.success();
    }
}
