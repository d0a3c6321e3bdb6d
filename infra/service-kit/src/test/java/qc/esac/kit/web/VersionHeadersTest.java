package qc.esac.kit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import qc.esac.kit.problem.InvalidInputException;
import qc.esac.kit.problem.PreconditionRequiredException;
import qc.esac.kit.problem.VersionConflictException;

class VersionHeadersTest {

    @Test
    void etagIsTheQuotedVersion() {
        assertThat(VersionHeaders.etag(7)).isEqualTo("\"7\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"7\"", "W/\"7\"", " \"7\" "})
    void readsTheVersionFromIfMatch(String header) {
        assertThat(VersionHeaders.requiredVersion(header)).isEqualTo(7);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void missingIfMatchIsPreconditionRequired(String header) {
        assertThatThrownBy(() -> VersionHeaders.requiredVersion(header))
                .isInstanceOf(PreconditionRequiredException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "7", "\"abc\"", "\"7\", \"8\""})
    void malformedIfMatchIsInvalidInput(String header) {
        assertThatThrownBy(() -> VersionHeaders.requiredVersion(header)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void staleVersionIsAConflict() {
        assertThatThrownBy(() -> VersionHeaders.requireCurrent("\"2\"", 3))
                .isInstanceOfSatisfying(VersionConflictException.class, ex -> {
                    assertThat(ex.status()).isEqualTo(412);
                    assertThat(ex.args()).containsExactly("2", "3");
                });
        VersionHeaders.requireCurrent("\"3\"", 3);
    }
}
