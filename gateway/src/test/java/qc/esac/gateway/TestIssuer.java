package qc.esac.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import qc.esac.identity.EsacClaims;
import qc.esac.identity.EsacRole;

/**
 * A token issuer for the gateway's tests: a key pair generated per JVM and its JWK set served over
 * HTTP, so the gateway is configured exactly as in production with {@code jwk-set-uri} and
 * {@code issuer-uri}. (The real issuer's flows are tested in infra/identity.)
 */
final class TestIssuer {

    static final String ISSUER = "https://identite.esac.test";
    static final String AUDIENCE = "esac-api";

    private final RSAKey key = generate();
    private final RSAKey stranger = generate();
    private final HttpServer jwks;

    TestIssuer() {
        try {
            jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
        byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        jwks.createContext("/jwks", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            // A fresh connection per fetch: nothing pooled across tests that the server may have dropped.
            exchange.getResponseHeaders().set("Connection", "close");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        jwks.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "test-issuer");
            thread.setDaemon(true);
            return thread;
        }));
        jwks.start();
    }

    String jwkSetUri() {
        return "http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks";
    }

    String staff(String subject, String network) {
        return token(subject, claims -> claims.claim(EsacClaims.ROLES, List.of(EsacRole.STAFF.claimValue()))
                .claim(EsacClaims.NETWORK_IDS, List.of(network)));
    }

    String orgAdmin(String subject, String organization) {
        return token(subject, claims -> claims.claim(EsacClaims.ROLES, List.of(EsacRole.ORG_ADMIN.claimValue()))
                .claim(EsacClaims.ORG_IDS, List.of(organization)));
    }

    String partner(String clientId) {
        return token(clientId, claims -> claims.claim(EsacClaims.ROLES, List.of(EsacRole.PARTNER.claimValue()))
                .claim(EsacClaims.SCOPE, "membership.read events.read"));
    }

    String expired(String subject) {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        return sign(key, base(subject).issueTime(Date.from(past)).notBeforeTime(Date.from(past))
                .expirationTime(Date.from(past.plus(Duration.ofHours(1)))).build());
    }

    String signedByStranger(String subject) {
        return sign(stranger, base(subject).build());
    }

    String forAudience(String subject, String audience) {
        return sign(key, base(subject).audience(audience).build());
    }

    /** Everything a staff token has but {@code sub}: what Keycloak issues for a client without its basic scope. */
    String withoutSubject() {
        return sign(key, base(null).claim(EsacClaims.ROLES, List.of(EsacRole.STAFF.claimValue()))
                .claim(EsacClaims.NETWORK_IDS, List.of("reseau-1")).build());
    }

    String fromIssuer(String subject, String issuer) {
        return sign(key, base(subject).issuer(issuer).build());
    }

    interface Claims {
        JWTClaimsSet.Builder add(JWTClaimsSet.Builder builder);
    }

    String token(String subject, Claims claims) {
        return sign(key, claims.add(base(subject)).build());
    }

    /** An access token like {@link #staff} that expires {@code lifetime} from now (the portal's refresh tests). */
    String staffFor(String subject, String network, Duration lifetime) {
        Instant now = Instant.now();
        return sign(key, base(subject).expirationTime(Date.from(now.plus(lifetime)))
                .claim(EsacClaims.ROLES, List.of(EsacRole.STAFF.claimValue()))
                .claim(EsacClaims.NETWORK_IDS, List.of(network)).build());
    }

    /** Any claims (an ID token of {@link PortalIssuer}), signed with this issuer's key. */
    String signed(JWTClaimsSet claims) {
        return sign(key, claims);
    }

    private static JWTClaimsSet.Builder base(String subject) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject(subject)
                .jwtID(UUID.randomUUID().toString()).issueTime(Date.from(now)).notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))));
    }

    private static String sign(RSAKey signer, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner(signer));
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
