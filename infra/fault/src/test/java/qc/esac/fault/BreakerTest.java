package qc.esac.fault;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway's breaker state read from its Prometheus exposition, and its changes over time. */
class BreakerTest {

    private static String exposition(String trainingState) {
        StringBuilder text = new StringBuilder("# TYPE resilience4j_circuitbreaker_state gauge\n");
        for (String breaker : new String[]{"membership", "training"}) {
            for (String state : new String[]{"closed", "open", "half_open"}) {
                boolean on = breaker.equals("training") ? state.equals(trainingState) : state.equals("closed");
                text.append("resilience4j_circuitbreaker_state{application=\"gateway\",name=\"").append(breaker)
                        .append("\",state=\"").append(state).append("\"} ").append(on ? "1.0" : "0.0").append('\n');
            }
        }
        return text.toString();
    }

    @Test
    void theStateOfTheServicesBreakerIsTheGaugeAtOne() {
        assertThat(Faults.breakerState(exposition("open"), "training-service")).isEqualTo("open");
        assertThat(Faults.breakerState(exposition("half_open"), "training-service")).isEqualTo("half_open");
        assertThat(Faults.breakerState(exposition("open"), "membership-service")).isEqualTo("closed");
        assertThat(Faults.breakerState(exposition("open"), "projects-service")).isEqualTo("unknown");
        assertThat(Faults.breakerState("", "training-service")).isEqualTo("unknown");
    }

    @Test
    void transitionsListEachChangeOnceWithItsTime() {
        Faults.Transitions transitions = new Faults.Transitions("closed");
        transitions.observe("closed", 0.5);
        transitions.observe("open", 1.2);
        transitions.observe("open", 2.0);
        transitions.observe("half_open", 11.3);
        transitions.observe("closed", 25.0);

        assertThat(transitions.list()).containsExactly("closed at start", "open at 1.2 s", "half_open at 11.3 s",
                "closed at 25.0 s");
        assertThat(transitions.reached("open")).isTrue();
        assertThat(transitions.reached("forced_open")).isFalse();
        assertThat(transitions.last()).isEqualTo("closed");
    }
}
