package qc.esac.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

class GatewayLocalesTest {

    @Test
    void frenchUnlessEnglishIsPreferred() {
        assertThat(GatewayLocales.resolve((String) null)).isEqualTo(GatewayLocales.FRENCH);
        assertThat(GatewayLocales.resolve("")).isEqualTo(GatewayLocales.FRENCH);
        assertThat(GatewayLocales.resolve("fr-CA,fr;q=0.9,en;q=0.8")).isEqualTo(GatewayLocales.FRENCH);
        assertThat(GatewayLocales.resolve("en-US,en;q=0.9")).isEqualTo(Locale.ENGLISH);
        assertThat(GatewayLocales.resolve("es")).as("a language we do not speak").isEqualTo(GatewayLocales.FRENCH);
        assertThat(GatewayLocales.resolve("de, en;q=0.5")).isEqualTo(Locale.ENGLISH);
        assertThat(GatewayLocales.resolve(";;=garbage")).isEqualTo(GatewayLocales.FRENCH);
    }
}
