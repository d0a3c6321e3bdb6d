package qc.esac.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The fault suite's crash point: off unless asked for, exactly once at the n-th write, never in production. */
class WriteFaultPointTest {

    @Test
    void isOffByDefault() {
        assertThat(WriteFaultPoint.from(new MockEnvironment())).isSameAs(WriteFaultPoint.OFF);
    }

    @Test
    void haltsOnceRightAtTheNthWrite() {
        List<Integer> halts = new ArrayList<>();
        WriteFaultPoint point = new WriteFaultPoint(3, halts::add);

        point.afterWrite();
        point.afterWrite();
        assertThat(halts).isEmpty();
        point.afterWrite();
        assertThat(halts).containsExactly(137);
        point.afterWrite();
        assertThat(halts).containsExactly(137);
    }

    @Test
    void isArmedByItsProperty() {
        MockEnvironment environment = new MockEnvironment().withProperty(WriteFaultPoint.PROPERTY, "5");

        assertThat(WriteFaultPoint.from(environment)).isNotSameAs(WriteFaultPoint.OFF);
    }

    @Test
    void isRefusedInAProductionProfile() {
        for (String profile : new String[]{"prod", "production"}) {
            MockEnvironment environment = new MockEnvironment().withProperty(WriteFaultPoint.PROPERTY, "5");
            environment.setActiveProfiles(profile);

            assertThatThrownBy(() -> WriteFaultPoint.from(environment))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("refused in a production profile");
        }
    }
}
