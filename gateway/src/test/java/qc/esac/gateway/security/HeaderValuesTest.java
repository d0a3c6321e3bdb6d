package qc.esac.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

/** The firewall's header-value rule, without its regular expression: the same verdict for every value. */
class HeaderValuesTest {

    private static final Predicate<String> SPRING = StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES;

    @Test
    void everyCodePointGetsSpringSecuritysVerdict() {
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String alone = new String(Character.toChars(codePoint));
            String inside = "Bearer a" + alone + "b";
            assertThat(HeaderValues.allowed(alone)).as("U+%04X", codePoint).isEqualTo(SPRING.test(alone));
            assertThat(HeaderValues.allowed(inside)).as("U+%04X inside", codePoint).isEqualTo(SPRING.test(inside));
        }
    }

    @Test
    void sameVerdictOnTypicalAndHostileValues() {
        List<String> values = List.of("", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln", "fr-CA,fr;q=0.9,en;q=0.8",
                "a\tb", "a\nb", "a\rb", "a\u0000b", "a\u007Fb", "a\u0085b", "\u00E9t\u00E9", "\uD83D\uDE00 smile",
                "lone \uD83D high", "lone \uDE00 low", "\uD83D", "\uDE00\uD83D", "unassigned \u0378", "\u2028\u2029",
                "a|b", "\u200B\uFEFF");
        for (String value : values) {
            assertThat(HeaderValues.allowed(value)).as(value).isEqualTo(SPRING.test(value));
        }
        assertThat(HeaderValues.allowed(null)).isEqualTo(SPRING.test(null)).isTrue();
        assertThat(HeaderValues.allowed("Bearer abc")).isTrue();
        assertThat(HeaderValues.allowed("a\tb")).isTrue();
        assertThat(HeaderValues.allowed("a\nb")).isFalse();
        assertThat(HeaderValues.allowed("a\u0000b")).isFalse();
        assertThat(HeaderValues.allowed("unassigned \u0378")).isFalse();
    }
}
