package qc.esac.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokensTest {

    private final MovingClock clock = new MovingClock(Instant.parse("2026-12-06T12:00:00Z"));
    private final AtomicInteger checks = new AtomicInteger();
    private final ReactiveJwtDecoder issuer = token -> {
        checks.incrementAndGet();
        if (token.startsWith("bad")) {
            return Mono.error(new BadJwtException("bad signature"));
        }
        return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("user-1")
                .issuedAt(clock.instant()).expiresAt(clock.instant().plus(Duration.ofMinutes(5))).build());
    };
    private final VerifiedTokens tokens = new VerifiedTokens(issuer, clock);

    @Test
    void aTokenAlreadyCheckedIsNotCheckedAgainUntilItsExpiryOrTheMaximumAge() {
        Jwt first = tokens.decode("token-a").block();
        assertThat(tokens.decode("token-a").block()).isSameAs(first);
        assertThat(checks).hasValue(1);

        clock.advance(VerifiedTokens.MAX_AGE.plusSeconds(1));
        assertThat(tokens.decode("token-a").block()).isNotSameAs(first);
        assertThat(checks).hasValue(2);
    }

    @Test
    void anExpiredTokenGoesBackToTheIssuersDecoder() {
        ReactiveJwtDecoder shortLived = token -> {
            checks.incrementAndGet();
            return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("user-1")
                    .issuedAt(clock.instant()).expiresAt(clock.instant().plusSeconds(10)).build());
        };
        VerifiedTokens cached = new VerifiedTokens(shortLived, clock);
        cached.decode("token-b").block();
        clock.advance(Duration.ofSeconds(11));
        cached.decode("token-b").block();
        assertThat(checks).hasValue(2);
    }

    @Test
    void aRejectedTokenIsNeverRemembered() {
        assertThatThrownBy(() -> tokens.decode("bad-token").block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("bad-token").block()).isInstanceOf(BadJwtException.class);
        assertThat(checks).hasValue(2);
    }

    private static final class MovingClock extends Clock {
        private Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
