package qc.esac.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchOptionsTest {

    private final Path root = Path.of("/repo");

    @Test
    void runsEveryScenarioByDefaultAndOnlyTheNamedOnesWhenAsked() {
        assertThat(Bench.Options.parse(new String[]{}, root).scenarios()).extracting(Scenario::name)
                .containsExactly("publish", "end-to-end", "gateway", "write-path", "growth");

        Bench.Options options = Bench.Options.parse(
                new String[]{"--smoke", "--scenario", "gateway", "--scenario", "publish", "--rates", "10, 20"}, root);

        assertThat(options.scenarios()).extracting(Scenario::name).containsExactly("gateway", "publish");
        assertThat(options.plan().smoke()).isTrue();
        assertThat(options.plan().endToEndRates()).containsExactly(10.0, 20.0);
        assertThat(options.out()).isEqualTo(Path.of("/repo/infra/bench/results/smoke"));
        assertThat(options.portOffset()).isEqualTo(12_000);
    }

    @Test
    void takesGrowthPortsAndComponentEnvironment() {
        Bench.Options options = Bench.Options.parse(new String[]{"--growth", "500:5000:10", "--port-offset", "13000",
                "--env", "ESAC_OUTBOX_RELAY_INTERVAL=200ms", "--clients", "8"}, root);

        assertThat(List.of(options.plan().growthFrom(), options.plan().growthTo())).containsExactly(500L, 5000L);
        assertThat(options.plan().growthRate()).isEqualTo(10.0);
        assertThat(options.plan().clients()).isEqualTo(8);
        assertThat(options.portOffset()).isEqualTo(13_000);
        assertThat(options.environment()).containsEntry("ESAC_OUTBOX_RELAY_INTERVAL", "200ms");
        assertThat(options.out()).isEqualTo(Path.of("/repo/infra/bench/results"));
    }

    @Test
    void takesALongerWarmUpAndWritePath() {
        Bench.Options options = Bench.Options.parse(new String[]{"--warm-up", "180", "--write-path-seconds", "60"},
                root);

        assertThat(options.plan().warmUp()).isEqualTo(java.time.Duration.ofSeconds(180));
        assertThat(options.plan().writePathLength()).isEqualTo(java.time.Duration.ofSeconds(60));
        assertThat(options.plan().clients()).isEqualTo(16);
    }

    @Test
    void refusesWhatItDoesNotKnow() {
        assertThatThrownBy(() -> Bench.Options.parse(new String[]{"--scenario", "nope"}, root))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
        assertThatThrownBy(() -> Bench.Options.parse(new String[]{"--fast"}, root))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Bench.Options.parse(new String[]{"--growth", "1:2"}, root))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
