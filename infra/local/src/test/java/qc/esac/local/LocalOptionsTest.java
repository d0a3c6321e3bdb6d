package qc.esac.local;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LocalOptionsTest {

    @Test
    void defaultsToWellKnownPortsAndLocalDataDirectory() {
        LocalOptions options = LocalOptions.fromCommandLine(new String[0], Map.of());

        assertThat(options.kafkaPort()).isEqualTo(9092);
        assertThat(options.mongoPort()).isEqualTo(27017);
        assertThat(options.controllerPort()).isZero();
        assertThat(options.dataDirectory()).isEqualTo(Path.of(".local-data").toAbsolutePath().normalize());
        assertThat(options.reset()).isFalse();
        assertThat(options.brokers()).isEqualTo(1);
    }

    @Test
    void aClusterOfBrokersFromTheFlagOrTheEnvironment() {
        assertThat(LocalOptions.fromCommandLine(new String[] {"--brokers", "3"}, Map.of()).brokers()).isEqualTo(3);
        assertThat(LocalOptions.fromCommandLine(new String[0], Map.of("ESAC_KAFKA_BROKERS", "3")).brokers()).isEqualTo(3);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LocalOptions.fromCommandLine(new String[] {"--brokers=0"}, Map.of()))
                .withMessageContaining("brokers must be between 1 and 9");
    }

    @Test
    void environmentOverridesDefaults() {
        LocalOptions options = LocalOptions.fromCommandLine(new String[0], Map.of(
                "ESAC_LOCAL_DATA_DIR", "/var/esac", "ESAC_KAFKA_PORT", "19092",
                "ESAC_MONGO_PORT", "37017", "ESAC_KAFKA_CONTROLLER_PORT", "19093"));

        assertThat(options).isEqualTo(new LocalOptions(Path.of("/var/esac"), 19092, 19093, 37017, false));
    }

    @Test
    void flagsOverrideEnvironmentInBothSpellings() {
        LocalOptions options = LocalOptions.fromCommandLine(
                new String[] {"--data-dir", "/tmp/esac", "--kafka-port=29092", "--mongo-port", "47017", "--reset"},
                Map.of("ESAC_LOCAL_DATA_DIR", "/var/esac", "ESAC_KAFKA_PORT", "19092", "ESAC_MONGO_PORT", "37017"));

        assertThat(options).isEqualTo(new LocalOptions(Path.of("/tmp/esac"), 29092, 0, 47017, true));
    }

    @Test
    void rejectsUnknownOptionsMissingValuesAndBadPorts() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LocalOptions.fromCommandLine(new String[] {"--kafka"}, Map.of()))
                .withMessageContaining("Unknown option: --kafka");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LocalOptions.fromCommandLine(new String[] {"--mongo-port"}, Map.of()))
                .withMessageContaining("Missing value for --mongo-port");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LocalOptions.fromCommandLine(new String[] {"--kafka-port", "kafka"}, Map.of()))
                .withMessageContaining("must be a port number");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LocalOptions.fromCommandLine(new String[0], Map.of("ESAC_MONGO_PORT", "70000")))
                .withMessageContaining("between 0 and 65535");
    }
}
