package qc.esac.gateway.portal;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code esac.portal.*}: the web portal's sign-in at the gateway (backend-for-frontend).
 *
 * @param enabled whether the gateway signs people in for the portal (session cookie, token relay); off: the
 *        portal's files are still served, and only bearer-token API calls are accepted
 * @param issuerUri the OIDC issuer people sign in with (the one whose tokens the API trusts); discovered on the
 *        first sign-in, not at startup, so that the gateway starts while the issuer is still starting
 * @param clientId the portal's confidential client at the issuer
 * @param clientSecret its secret (environment variable {@code ESAC_PORTAL_CLIENT_SECRET} in production)
 * @param scopes scopes asked for at sign-in
 */
@ConfigurationProperties("esac.portal")
public record PortalProperties(
        @DefaultValue("true") boolean enabled,
        String issuerUri,
        @DefaultValue("esac-portal") String clientId,
        String clientSecret,
        @DefaultValue({"openid", "profile"}) List<String> scopes) {

    /** The registration id in the portal's URLs: {@code /oauth2/authorization/esac}, {@code /login/oauth2/code/esac}. */
    public static final String REGISTRATION_ID = "esac";
}
