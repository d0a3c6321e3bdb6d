package qc.esac.identity.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The platform's OpenID Connect issuer for local use and tests. Production points the gateway and
 * the services at another OIDC provider (the Keycloak realm in infra/compose/keycloak carries the
 * same roles, claims and clients).
 */
@SpringBootApplication
@EnableConfigurationProperties(IdentityProperties.class)
public class IdentityApplication {

    public static void main(String[] args) {
        if (args.length > 0 && KeycloakDemoRealm.COMMAND.equals(args[0])) {
            // Not the issuer: write the Keycloak realm with the same demo directory, and stop.
            KeycloakDemoRealm.write(args);
            return;
        }
        SpringApplication.run(IdentityApplication.class, args);
    }
}
