package qc.esac.kit.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Tokens for the kit's own tests (test-kit depends on service-kit, so its TestTokens cannot be
 * used here). A key pair is generated per JVM; its public half is written where Boot's
 * {@code public-key-location} can read it, exactly as services configure it.
 */
public final class TestJwts {

    private static final KeyPair KEYS = generate();
    private static final KeyPair OTHER_KEYS = generate();
    private static final Path PUBLIC_KEY = writePublicKey();

    private TestJwts() {
    }

    public static String publicKeyLocation() {
        return PUBLIC_KEY.toUri().toString();
    }

    public static String token(String subject, Map<String, Object> claims) {
        return sign(KEYS, subject, claims, Instant.now().plusSeconds(300));
    }

    public static String staff(String... networkIds) {
        return token("staff-1", Map.of("roles", List.of("staff"), "network_ids", List.of(networkIds)));
    }

    public static String orgAdmin(String... orgIds) {
        return token("admin-1", Map.of("roles", List.of("org-admin"), "org_ids", List.of(orgIds)));
    }

    public static String employee(String orgId) {
        return token("employee-1", Map.of("roles", List.of("employee"), "org_ids", List.of(orgId)));
    }

    public static String expired() {
        return sign(KEYS, "staff-1", Map.of("roles", List.of("staff")), Instant.now().minusSeconds(3600));
    }

    /** What Keycloak issues for a client without its {@code basic} scope: everything but {@code sub}. */
    public static String withoutSubject() {
        return sign(KEYS, null, Map.of("roles", List.of("staff"), "network_ids", List.of("network-1")),
                Instant.now().plusSeconds(300));
    }

    public static String signedWithUnknownKey() {
        return sign(OTHER_KEYS, "staff-1", Map.of("roles", List.of("staff")), Instant.now().plusSeconds(300));
    }

    /** A valid token of this issuer, but for another API: services refuse it too (not only the gateway). */
    public static String forAnotherAudience() {
        return token("staff-1", Map.of("roles", List.of("staff"), "network_ids", List.of("n-1"), "aud", List.of("autre-api")));
    }

    private static String sign(KeyPair keys, String subject, Map<String, Object> claims, Instant expiresAt) {
        // The platform API's audience (the kit's default esac.security.audience); a claim may replace it. A null
        // subject leaves the token without sub.
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().subject(subject).audience("esac-api")
                .issueTime(Date.from(expiresAt.minusSeconds(600))).expirationTime(Date.from(expiresAt));
        claims.forEach(builder::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), builder.build());
        try {
            jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path writePublicKey() {
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEYS.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        try {
            Path file = Files.createTempFile("esac-kit-test-jwt", ".pem");
            file.toFile().deleteOnExit();
            return Files.writeString(file, pem);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
