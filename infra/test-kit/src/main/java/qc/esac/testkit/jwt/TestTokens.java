package qc.esac.testkit.jwt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import qc.esac.identity.EsacClaims;
import qc.esac.identity.EsacRole;

/**
 * RS256 access tokens for tests, signed with the fixed TEST-ONLY key pair shipped in this jar
 * ({@code esac-test-jwt-private.pem} / {@code esac-test-jwt-public.pem}). A service under test
 * validates them with its normal configuration:
 *
 * <pre>
 * spring.security.oauth2.resourceserver.jwt.public-key-location=classpath:esac-test-jwt-public.pem
 * spring.security.oauth2.resourceserver.jwt.audiences=esac-api   # optional
 * </pre>
 *
 * Do not set {@code issuer-uri} in tests: Boot would then fetch the issuer's discovery document
 * instead of using the public key.
 *
 * <pre>{@code
 * mvc.perform(get("/api/...").header(AUTHORIZATION, TestTokens.bearer(TestTokens.orgAdmin("org-a"))))
 * }</pre>
 */
public final class TestTokens {

    /** For {@code spring.security.oauth2.resourceserver.jwt.public-key-location}. */
    public static final String PUBLIC_KEY_LOCATION = "classpath:esac-test-jwt-public.pem";
    /** Classpath resource of the private key (test only). */
    public static final String PRIVATE_KEY_RESOURCE = "esac-test-jwt-private.pem";
    /** {@code iss} of every token, unless a builder changes it. */
    public static final String ISSUER = "https://identite.esac.test";
    /** {@code aud} of every token, unless a builder changes it. */
    public static final String AUDIENCE = "esac-api";
    /** {@code kid} header. */
    public static final String KEY_ID = "esac-test";

    public static final String STAFF_SUBJECT = "staff-test";
    public static final String ORG_ADMIN_SUBJECT = "org-admin-test";

    private static final Duration LIFETIME = Duration.ofMinutes(15);

    private TestTokens() {
    }

    /** Network staff working for the given networks. */
    public static String staff(String... networkIds) {
        return builder(STAFF_SUBJECT).roles(EsacRole.STAFF).networks(networkIds).build();
    }

    /** Administrator of the given organizations. */
    public static String orgAdmin(String... orgIds) {
        return builder(ORG_ADMIN_SUBJECT).roles(EsacRole.ORG_ADMIN).organizations(orgIds).build();
    }

    /** Employee of one organization. */
    public static String employee(String subject, String orgId) {
        return builder(subject).roles(EsacRole.EMPLOYEE).organizations(orgId).build();
    }

    /** Partner application (client credentials): subject is the client id. */
    public static String partner(String clientId, String... scopes) {
        return builder(clientId).roles(EsacRole.PARTNER).scopes(scopes).build();
    }

    /** A staff token that expired an hour ago: must be refused with 401. */
    public static String expired() {
        return builder(STAFF_SUBJECT).roles(EsacRole.STAFF).expired().build();
    }

    /** A staff token that is valid in every way but signed by a key nobody trusts: 401. */
    public static String signedWithUnknownKey() {
        return builder(STAFF_SUBJECT).roles(EsacRole.STAFF).signedWithUnknownKey().build();
    }

    /** {@code Authorization} header value. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }

    public static Builder builder(String subject) {
        return new Builder(subject);
    }

    /** Any token: custom claims, lifetimes, issuer, audience or key. */
    public static final class Builder {

        private final Map<String, Object> claims = new LinkedHashMap<>();
        private final List<String> roles = new ArrayList<>();
        private String issuer = ISSUER;
        private List<String> audience = List.of(AUDIENCE);
        private Instant issuedAt = Instant.now();
        private Instant expiresAt = issuedAt.plus(LIFETIME);
        private boolean unknownKey;

        private Builder(String subject) {
            claims.put(EsacClaims.SUBJECT, subject);
        }

        public Builder roles(EsacRole... values) {
            for (EsacRole role : values) {
                roles.add(role.claimValue());
            }
            return this;
        }

        /** Raw role names, including ones the platform does not know. */
        public Builder roles(String... values) {
            roles.addAll(List.of(values));
            return this;
        }

        public Builder organizations(String... orgIds) {
            return claim(EsacClaims.ORG_IDS, List.of(orgIds));
        }

        public Builder networks(String... networkIds) {
            return claim(EsacClaims.NETWORK_IDS, List.of(networkIds));
        }

        /** OAuth 2 scopes, as the usual space-separated string. */
        public Builder scopes(String... scopes) {
            return claim(EsacClaims.SCOPE, String.join(" ", scopes));
        }

        public Builder claim(String name, Object value) {
            claims.put(name, value);
            return this;
        }

        public Builder issuer(String value) {
            this.issuer = value;
            return this;
        }

        public Builder audience(String... values) {
            this.audience = List.of(values);
            return this;
        }

        public Builder issuedAt(Instant value) {
            this.issuedAt = value;
            return this;
        }

        public Builder expiresAt(Instant value) {
            this.expiresAt = value;
            return this;
        }

        /** Issued two hours ago, expired one hour ago (well beyond the usual clock skew). */
        public Builder expired() {
            return issuedAt(Instant.now().minus(Duration.ofHours(2))).expiresAt(Instant.now().minus(Duration.ofHours(1)));
        }

        public Builder signedWithUnknownKey() {
            this.unknownKey = true;
            return this;
        }

        /** The signed, serialized token. */
        public String build() {
            JWTClaimsSet.Builder set = new JWTClaimsSet.Builder()
                    .issuer(issuer)
                    .audience(audience)
                    .jwtID(UUID.randomUUID().toString())
                    .issueTime(Date.from(issuedAt))
                    .notBeforeTime(Date.from(issuedAt))
                    .expirationTime(Date.from(expiresAt));
            if (!roles.isEmpty()) {
                set.claim(EsacClaims.ROLES, List.copyOf(roles));
            }
            claims.forEach(set::claim);
            JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY_ID).type(JOSEObjectType.JWT).build();
            SignedJWT jwt = new SignedJWT(header, set.build());
            try {
                jwt.sign(new RSASSASigner(unknownKey ? Keys.UNKNOWN : Keys.TEST));
            }
            catch (JOSEException e) {
                throw new IllegalStateException("Could not sign test token", e);
            }
            return jwt.serialize();
        }
    }

    /** Keys loaded once; the "unknown" one is generated per JVM, so nothing can trust it. */
    private static final class Keys {

        static final RSAPrivateKey TEST = readPrivateKey(PRIVATE_KEY_RESOURCE);
        static final RSAPrivateKey UNKNOWN = generate();

        private static RSAPrivateKey readPrivateKey(String resource) {
            try (InputStream in = TestTokens.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("Missing test key " + resource + " on the classpath");
                }
                String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                        .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
                PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem));
                return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(spec);
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            catch (GeneralSecurityException e) {
                throw new IllegalStateException("Unreadable test key " + resource, e);
            }
        }

        private static RSAPrivateKey generate() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                return (RSAPrivateKey) generator.generateKeyPair().getPrivate();
            }
            catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
