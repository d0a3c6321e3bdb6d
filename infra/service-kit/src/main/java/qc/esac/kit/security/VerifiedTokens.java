package qc.esac.kit.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers the tokens the issuer's decoder accepted (signature, issuer, audience, subject, times), so that a
 * caller's next requests with the same token skip parsing and the RSA check, which was the largest part of a
 * service's CPU per authenticated request. A remembered token is accepted again only before its expiry and for at
 * most {@link #MAX_AGE} after it was checked (a key the issuer withdrew stops being trusted within that time, as
 * once the decoder fetches the JWK set again); rejected tokens are never remembered; the cache is bounded. The
 * gateway does the same for its own check.
 */
final class VerifiedTokens implements JwtDecoder {

    static final Duration MAX_AGE = Duration.ofSeconds(60);
    static final int MAX_TOKENS = 5_000;

    private final JwtDecoder decoder;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    VerifiedTokens(JwtDecoder decoder, Clock clock) {
        this.decoder = decoder;
        this.clock = clock;
        this.verified = Caffeine.newBuilder().maximumSize(MAX_TOKENS).expireAfterWrite(MAX_AGE)
                .ticker(() -> clock.millis() * 1_000_000L).executor(Runnable::run).build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        if (known != null) {
            Instant expiresAt = known.getExpiresAt();
            if (expiresAt == null || clock.instant().isBefore(expiresAt)) {
                return known;
            }
            verified.invalidate(token);
        }
        Jwt jwt = decoder.decode(token);
        verified.put(token, jwt);
        return jwt;
    }
}
