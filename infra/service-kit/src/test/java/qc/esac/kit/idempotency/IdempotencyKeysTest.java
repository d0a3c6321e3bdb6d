package qc.esac.kit.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdempotencyKeysTest {

    @Test
    void noHeaderMeansNoKey() {
        assertThat(IdempotencyKeys.parse(List.of())).isNull();
        assertThat(IdempotencyKeys.parse(null)).isNull();
    }

    @Test
    void bareAndQuotedFormsGiveTheSameKey() {
        assertThat(IdempotencyKeys.parse(List.of("8e03978e-40d5-43e8-bc93-6894a57f9324")))
                .isEqualTo("8e03978e-40d5-43e8-bc93-6894a57f9324");
        assertThat(IdempotencyKeys.parse(List.of(" \"8e03978e-40d5-43e8-bc93-6894a57f9324\" ")))
                .isEqualTo("8e03978e-40d5-43e8-bc93-6894a57f9324");
        assertThat(IdempotencyKeys.parse(List.of("\"a\\\"b\\\\c\""))).isEqualTo("a\"b\\c");
    }

    @Test
    void aKeyOfTheMaximumLengthIsAccepted() {
        assertThat(IdempotencyKeys.parse(List.of("k".repeat(IdempotencyKeys.MAX_LENGTH)))).hasSize(255);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "\"\"", "clé", "tab\there", "\"a\"b\"", "\"a\\b\""})
    void malformedKeysAreRefused(String value) {
        assertThatThrownBy(() -> IdempotencyKeys.parse(List.of(value))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tooLongOrRepeatedKeysAreRefused() {
        assertThatThrownBy(() -> IdempotencyKeys.parse(List.of("k".repeat(IdempotencyKeys.MAX_LENGTH + 1))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdempotencyKeys.parse(List.of("a", "b"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theFingerprintCoversMethodPathQueryAndBody() {
        String base = fingerprint("POST", "/api/projets", "{\"nom\":\"Serre\"}");
        assertThat(fingerprint("POST", "/api/projets", "{\"nom\":\"Serre\"}")).isEqualTo(base);
        assertThat(fingerprint("PUT", "/api/projets", "{\"nom\":\"Serre\"}")).isNotEqualTo(base);
        assertThat(fingerprint("POST", "/api/projets?brouillon=true", "{\"nom\":\"Serre\"}")).isNotEqualTo(base);
        assertThat(fingerprint("POST", "/api/projets", "{\"nom\":\"Serres\"}")).isNotEqualTo(base);
        // The separator keeps the path and the body apart.
        assertThat(fingerprint("POST", "/a", "b")).isNotEqualTo(fingerprint("POST", "/a\nb", ""));
    }

    @Test
    void formFingerprintsIgnoreParameterOrderButNotValues() {
        String one = IdempotencyKeys.fingerprint("POST", "/f", Map.of("a", new String[] {"1"}, "b", new String[] {"2"}));
        String same = IdempotencyKeys.fingerprint("POST", "/f",
                new java.util.LinkedHashMap<>(Map.of("b", new String[] {"2"}, "a", new String[] {"1"})));
        String other = IdempotencyKeys.fingerprint("POST", "/f", Map.of("a", new String[] {"1=b"}));
        assertThat(same).isEqualTo(one);
        assertThat(other).isNotEqualTo(one);
    }

    private static String fingerprint(String method, String path, String body) {
        return IdempotencyKeys.fingerprint(method, path, body.getBytes(StandardCharsets.UTF_8));
    }
}
