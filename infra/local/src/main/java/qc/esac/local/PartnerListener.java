package qc.esac.local;

import java.util.List;

/**
 * The broker's listener for partners: SASL_PLAINTEXT with OAUTHBEARER (KIP-768), accepting the access tokens of the
 * platform's OIDC issuer (client credentials) that its JWKS verifies, with the expected issuer and audience and the
 * {@value PartnerTokenValidator#REQUIRED_SCOPE} scope ({@link PartnerTokenValidator}). Partners read the public
 * topics only ({@link PartnerAcls}). The services keep the internal listener (loopback only, its principal a super
 * user): they never hold a partner token, and a partner token is useless there.
 *
 * @param port      the listener's port on 127.0.0.1
 * @param issuer    the {@code iss} the tokens must carry
 * @param jwksUrl   the issuer's JWK set, e.g. {@code http://127.0.0.1:9000/oauth2/jwks}
 * @param audience  the {@code aud} the tokens must carry ({@code esac-api})
 * @param partners  client ids of the partners granted read access (ACLs per principal, the token's {@code sub})
 */
public record PartnerListener(int port, String issuer, String jwksUrl, String audience, List<String> partners) {

    static final String NAME = "PARTNER";
    /** The platform's API audience, which every access token of the issuer carries. */
    public static final String PLATFORM_AUDIENCE = "esac-api";
    /** The demo partner client of infra/identity (DemoDirectory.CLIENT_PARTNER). */
    public static final String DEMO_PARTNER = "partenaire-demo";
    public static final int DEFAULT_PORT = 9094;

    public PartnerListener {
        partners = List.copyOf(partners);
    }

    /** The listener for infra/identity at {@code issuer} (its JWK set at {@code /oauth2/jwks}), for its demo partner. */
    public static PartnerListener forIssuer(int port, String issuer) {
        String base = issuer.replaceAll("/$", "");
        return new PartnerListener(port, base, base + "/oauth2/jwks", PLATFORM_AUDIENCE, List.of(DEMO_PARTNER));
    }

    String bootstrapServers() {
        return KafkaBrokerConfig.HOST + ":" + port;
    }
}
