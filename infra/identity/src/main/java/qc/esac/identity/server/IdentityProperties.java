package qc.esac.identity.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code esac.identity.*}: everything an operator of the local issuer may change.
 *
 * @param issuer the {@code iss} of every token and the base of the discovery document; must be
 *        the address clients and resource servers use to reach this server. Blank: taken from
 *        each request (tests on a random port)
 * @param demoPassword password of every demo account (local use only)
 * @param partnerSecret secret of the demo partner client
 * @param loaderSecret secret of the demo-content loader client
 * @param webRedirectUris redirect URIs allowed for the browser client {@code esac-web}
 * @param mobileRedirectUris redirect URIs allowed for the mobile client {@code esac-mobile}
 * @param portalSecret secret of the web portal's client {@code esac-portal} (the gateway's sign-in)
 * @param portalRedirectUris redirect URIs allowed for {@code esac-portal}: the gateway's
 *        {@code /login/oauth2/code/esac} as browsers reach it
 * @param portalPostLogoutRedirectUris where the issuer may send a person back after signing out of the portal
 * @param allowedOrigins browser origins allowed to call the token, JWK set and user-info endpoints
 * @param accessTokenLifetime lifetime of access tokens
 * @param keyFile PEM file holding the RSA signing key; created on first start when missing, so
 *        tokens stay valid across restarts. Empty: a new key at every start
 * @param accountsFile JSON file keeping the accounts people create on the sign-up page. Empty: kept in memory
 */
@ConfigurationProperties("esac.identity")
public record IdentityProperties(
        String issuer,
        @DefaultValue("esac-demo") String demoPassword,
        @DefaultValue("partenaire-demo-secret") String partnerSecret,
        @DefaultValue("chargement-demo-secret") String loaderSecret,
        @DefaultValue({"http://localhost:3000/callback", "http://127.0.0.1:8080/swagger-ui/oauth2-redirect.html",
                "http://localhost:8080/swagger-ui/oauth2-redirect.html"}) List<String> webRedirectUris,
        @DefaultValue("qc.esac.mobile:/callback") List<String> mobileRedirectUris,
        @DefaultValue("portail-demo-secret") String portalSecret,
        @DefaultValue("http://127.0.0.1:8080/login/oauth2/code/esac") List<String> portalRedirectUris,
        @DefaultValue("http://127.0.0.1:8080/") List<String> portalPostLogoutRedirectUris,
        @DefaultValue({"http://localhost:3000", "http://localhost:8080", "http://127.0.0.1:8080"})
        List<String> allowedOrigins,
        @DefaultValue("15m") Duration accessTokenLifetime,
        Path keyFile,
        Path accountsFile) {
}
