package qc.esac.membership.organization;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NeqTest {

    @Test
    void tenDigitsAreKeptAndTypedSeparatorsRemoved() {
        assertThat(Neq.normalize("1171234567")).hasValue("1171234567");
        assertThat(Neq.normalize("1171 234 567")).hasValue("1171234567");
        assertThat(Neq.normalize("117-123-4567")).hasValue("1171234567");
    }

    @Test
    void anythingElseIsNotANeq() {
        assertThat(Neq.normalize(null)).isEmpty();
        assertThat(Neq.normalize("12345")).isEmpty();
        assertThat(Neq.normalize("11712345678")).isEmpty();
        assertThat(Neq.normalize("117123456A")).isEmpty();
        assertThat(Neq.normalize("0171234567")).as("never starts with 0").isEmpty();
        assertThat(Neq.normalize("1111111111")).as("placeholder").isEmpty();
    }
}
