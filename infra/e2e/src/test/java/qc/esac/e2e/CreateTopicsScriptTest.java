package qc.esac.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * create-topics.sh (compose's kafka-topics service, the Kubernetes Job) run under dash, a strict POSIX shell like
 * the Kafka image's busybox sh, with stand-ins for Kafka's tools that record their arguments: every line of
 * topics.txt becomes one idempotent create and one config alteration with exactly the declared values.
 * (The same file applied to a real three-node cluster: infra/local's KafkaClusterTest.)
 */
class CreateTopicsScriptTest {

    private static final Path ROOT = Path.of(System.getProperty("esac.root", "../.."));
    private static final Path TOPICS = ROOT.resolve("infra/k8s/kafka-topics");

    @TempDir
    Path bin;

    @Test
    void everyDeclaredTopicIsCreatedIfMissingThenGivenItsConfigs() throws Exception {
        Path calls = bin.resolve("calls");
        for (String tool : List.of("kafka-topics.sh", "kafka-configs.sh")) {
            Path script = bin.resolve(tool);
            Files.writeString(script, "#!/bin/sh\necho \"" + tool + " $*\" >> " + calls + "\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        ProcessBuilder withoutBootstrap = new ProcessBuilder("dash", TOPICS.resolve("create-topics.sh").toString(),
                TOPICS.resolve("topics.txt").toString()).redirectErrorStream(true);
        withoutBootstrap.environment().remove("KAFKA_BOOTSTRAP_SERVERS");
        withoutBootstrap.environment().put("KAFKA_BIN", bin.toString());
        Process process = withoutBootstrap.start();
        process.getInputStream().readAllBytes();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("without KAFKA_BOOTSTRAP_SERVERS the script refuses to run").isNotZero();
        assertThat(calls).doesNotExist();

        ProcessBuilder builder = new ProcessBuilder("dash", TOPICS.resolve("create-topics.sh").toString(),
                TOPICS.resolve("topics.txt").toString()).redirectErrorStream(true);
        builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092,kafka-2:9092");
        builder.environment().put("KAFKA_BIN", bin.toString());
        process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();

        List<String> expected = new ArrayList<>();
        for (String line : Files.readAllLines(TOPICS.resolve("topics.txt"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.trim().split("\\s+");
            StringBuilder configs = new StringBuilder();
            for (String config : fields[3].split(",")) {
                configs.append(" --config ").append(config);
            }
            expected.add("kafka-topics.sh --bootstrap-server kafka-1:9092,kafka-2:9092 --create --if-not-exists --topic "
                    + fields[0] + " --partitions " + fields[1] + " --replication-factor " + fields[2] + configs);
            expected.add("kafka-configs.sh --bootstrap-server kafka-1:9092,kafka-2:9092 --alter --entity-type topics"
                    + " --entity-name " + fields[0] + " --add-config " + fields[3]);
        }
        assertThat(expected).hasSize(16);
        assertThat(Files.readAllLines(calls)).containsExactlyElementsOf(expected);
    }
}
