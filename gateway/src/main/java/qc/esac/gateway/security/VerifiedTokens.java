package qc.esac.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import reactor.core.publisher.Mono;

/**
 * Remembers the tokens the issuer's decoder accepted, so that a caller's next requests with the same token skip
 * parsing and the RSA signature check (most of the gateway's own CPU per authenticated call). A remembered token is
 * accepted again only before its expiry and for at most {@link #MAX_AGE} after it was checked: a key the issuer
 * withdrew stops being trusted within that time, as it would once the decoder fetched the JWK set again. Rejected
 * tokens are never remembered; the cache is bounded.
 */
final class VerifiedTokens implements ReactiveJwtDecoder {

    static final Duration MAX_AGE = Duration.ofSeconds(60);
    static final int MAX_TOKENS = 5_000;

    private final ReactiveJwtDecoder decoder;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    VerifiedTokens(ReactiveJwtDecoder decoder, Clock clock) {
        this.decoder = decoder;
        this.clock = clock;
        this.verified = Caffeine.newBuilder().maximumSize(MAX_TOKENS).expireAfterWrite(MAX_AGE)
                .ticker(() -> clock.millis() * 1_000_000L).build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known != null) {
            Instant expiresAt = known.getExpiresAt();
            if (expiresAt == null || clock.instant().isBefore(expiresAt)) {
                return Mono.just(known);
            }
            verified.invalidate(token);
        }
        return decoder.decode(token).doOnNext(jwt -> verified.put(token, jwt));
    }
}
