package qc.esac.training;

import org.junit.jupiter.api.Test;
import qc.esac.kit.problem.InvalidInputException;
import qc.esac.kit.security.EsacUser;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdempotencyKeysTest {

    private static final EsacUser USER = new EsacUser("user-1", Set.of(), Set.of(), Set.of(), Set.of());

    @Test
    void acceptsKeysAsLongAsTheKitDoesAndNoLonger() {
        String longest = "k".repeat(qc.esac.kit.idempotency.IdempotencyKeys.MAX_LENGTH);

        assertThat(IdempotencyKeys.idFor(USER, "session", longest)).isEqualTo(IdempotencyKeys.idFor(USER, "session", longest));
        assertThatThrownBy(() -> IdempotencyKeys.idFor(USER, "session", longest + "k"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void sameCallerKindAndKeyGiveTheSameIdAndAnyDifferenceAnother() {
        String id = IdempotencyKeys.idFor(USER, "session", "abc");

        assertThat(IdempotencyKeys.idFor(USER, "course", "abc")).isNotEqualTo(id);
        assertThat(IdempotencyKeys.idFor(USER, "session", "abd")).isNotEqualTo(id);
        assertThat(IdempotencyKeys.idFor(USER, "session", null)).isNotEqualTo(IdempotencyKeys.idFor(USER, "session", null));
    }
}
