package qc.esac.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Partners' access to Kafka as the deployment files set it up (they cannot run here; infra/local's
 * PartnerAccessTest runs the same design on a real broker): compose's brokers take partner tokens on their own
 * listener under an authorizer, and the topics job grants the named partners read access to the public topics only.
 */
class PartnerAccessDeploymentTest {

    private static final Path ROOT = Path.of(System.getProperty("esac.root", "../.."));
    private static final Path TOPICS = ROOT.resolve("infra/k8s/kafka-topics");

    @TempDir
    Path bin;

    @Test
    void theTopicsJobGrantsEachNamedPartnerReadOnThePublicTopicsAndItsOwnGroupsOnly() throws Exception {
        Path calls = bin.resolve("calls");
        for (String tool : List.of("kafka-topics.sh", "kafka-configs.sh", "kafka-acls.sh")) {
            Path script = bin.resolve(tool);
            Files.writeString(script, "#!/bin/sh\necho \"" + tool + " $*\" >> " + calls + "\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        ProcessBuilder builder = new ProcessBuilder("dash", TOPICS.resolve("create-topics.sh").toString(),
                TOPICS.resolve("topics.txt").toString()).redirectErrorStream(true);
        builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092");
        builder.environment().put("KAFKA_BIN", bin.toString());
        builder.environment().put("ESAC_KAFKA_PARTNERS", "partenaire-exemple,autre-partenaire");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();

        List<String> acls = Files.readAllLines(calls).stream().filter(call -> call.startsWith("kafka-acls.sh")).toList();
        for (String partner : List.of("partenaire-exemple", "autre-partenaire")) {
            for (String context : List.of("membership", "training", "insurance", "projects")) {
                assertThat(acls).contains("kafka-acls.sh --bootstrap-server kafka-1:9092 --add --allow-principal User:"
                        + partner + " --operation Read --operation Describe --topic esac." + context + ".events.v1");
            }
            assertThat(acls).contains("kafka-acls.sh --bootstrap-server kafka-1:9092 --add --allow-principal User:"
                    + partner + " --operation Read --group " + partner + ". --resource-pattern-type prefixed");
        }
        assertThat(acls).hasSize(10).noneMatch(call -> call.contains(".DLT")).noneMatch(call -> call.contains("Write"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeBrokersCheckPartnerTokensOnTheirOwnListenerUnderAnAuthorizer() throws Exception {
        Map<String, Object> compose;
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("infra/compose/compose.yaml"))) {
            compose = new Yaml().load(reader);
        }
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        for (String broker : List.of("kafka-1", "kafka-2", "kafka-3")) {
            Map<String, Object> environment = (Map<String, Object>) services.get(broker).get("environment");
            assertThat(environment.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").toString()).contains("PARTNER:SASL_PLAINTEXT");
            assertThat(environment.get("KAFKA_LISTENERS").toString()).contains("PARTNER://");
            assertThat(environment.get("KAFKA_ADVERTISED_LISTENERS").toString()).contains("PARTNER://");
            assertThat(environment).containsEntry("KAFKA_LISTENER_NAME_PARTNER_SASL_ENABLED_MECHANISMS", "OAUTHBEARER")
                    .containsEntry("KAFKA_AUTHORIZER_CLASS_NAME", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                    .containsEntry("KAFKA_SASL_OAUTHBEARER_EXPECTED_AUDIENCE", "esac-api")
                    .containsEntry("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND", "false");
            String jwks = environment.get("KAFKA_SASL_OAUTHBEARER_JWKS_ENDPOINT_URL").toString();
            assertThat(environment.get("KAFKA_OPTS").toString()).contains("allowed.urls=" + jwks);
        }
        Map<String, Object> topicsJob = (Map<String, Object>) services.get("kafka-topics").get("environment");
        assertThat(topicsJob).containsKey("ESAC_KAFKA_PARTNERS");
    }
}
