package qc.esac.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class VerifiedTokensTest {

    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

    private Instant now = T0;
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    private final AtomicInteger checks = new AtomicInteger();
    private final JwtDecoder issuer = token -> {
        checks.incrementAndGet();
        if (token.startsWith("bad")) {
            throw new BadJwtException("signature");
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("u-1").issuedAt(T0)
                .expiresAt(T0.plus(Duration.ofMinutes(5))).build();
    };
    private final VerifiedTokens tokens = new VerifiedTokens(issuer, clock);

    @Test
    void aTokenAlreadyAcceptedSkipsTheSignatureCheckOnTheCallersNextRequests() {
        Jwt first = tokens.decode("t-1");
        for (int i = 0; i < 20; i++) {
            assertThat(tokens.decode("t-1")).isSameAs(first);
        }
        assertThat(checks).hasValue(1);
        tokens.decode("t-2");
        assertThat(checks).hasValue(2);
    }

    @Test
    void aRememberedTokenIsCheckedAgainAfterTheMaximumAgeAndFromItsExpiryOn() {
        tokens.decode("t-1");
        now = T0.plus(VerifiedTokens.MAX_AGE);
        tokens.decode("t-1");
        assertThat(checks).as("after the maximum age").hasValue(2);

        now = T0.plus(Duration.ofMinutes(5));
        tokens.decode("t-1");
        tokens.decode("t-1");
        assertThat(checks).as("expired: every call goes to the decoder, which applies its own rules").hasValue(4);
    }

    @Test
    void aRejectedTokenIsNeverRemembered() {
        assertThatThrownBy(() -> tokens.decode("bad-1")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("bad-1")).isInstanceOf(BadJwtException.class);
        assertThat(checks).hasValue(2);
    }
}
