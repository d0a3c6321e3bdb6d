package qc.esac.training.organization;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import qc.esac.events.EventCatalog;
import qc.esac.events.Topics;
import qc.esac.events.membership.OrganizationRegistered;
import qc.esac.kit.messaging.DeadLetterHeaders;
import qc.esac.membershipfeed.KnownOrganizations;
import qc.esac.testkit.TestEvents;
import qc.esac.testkit.TestTopics;
import qc.esac.testkit.TopicProbe;
import qc.esac.testkit.jwt.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;

/**
 * Training's organizations read model fed by membership events on the real broker and store: each event is
 * applied once whatever the redeliveries, poison records go to the dead-letter topic without stopping
 * consumption, and an operator can replay a dead letter.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MembershipEventsIT {

    private static final String REGISTERED = EventCatalog.of(OrganizationRegistered.class).type();
    private static final String GROUP = "training-service";
    private static final String DEAD_LETTERS = Topics.deadLetterOf(Topics.MEMBERSHIP);

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    /** The real read model, spied so that a test can make it fail for a while. */
    @MockitoSpyBean
    KnownOrganizations organizations;

    @Test
    void aRedeliveredOrOlderEventChangesTheReadModelOnce() throws Exception {
        String id = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        TestEvents.publish(Topics.MEMBERSHIP, eventId, REGISTERED, id, 1, data(id, "Nom d'origine", "06"));
        TestEvents.publish(Topics.MEMBERSHIP, REGISTERED, id, 2, data(id, "Nom à jour", "06"));
        // The same event again (at-least-once delivery), then an older one arriving late.
        TestEvents.publish(Topics.MEMBERSHIP, REGISTERED, id, 2, data(id, "Doublon qui ne doit rien changer", "01"));
        RecordMetadata last = TestEvents.publish(Topics.MEMBERSHIP, eventId, REGISTERED, id, 1,
                data(id, "Ancienne version arrivée en retard", "02"));

        TestTopics.awaitConsumed(GROUP, last, Duration.ofSeconds(30));

        assertThat(organizations.find(id)).hasValueSatisfying(o -> {
            assertThat(o.legalName()).isEqualTo("Nom à jour");
            assertThat(o.regionCode()).isEqualTo("06");
        });
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheNextRecordIsStillConsumed() throws Exception {
        String poisonKey = UUID.randomUUID().toString();
        String invalidId = UUID.randomUUID().toString();
        String goodId = UUID.randomUUID().toString();
        try (TopicProbe deadLetters = TopicProbe.from(DEAD_LETTERS)) {
            TestEvents.publishRaw(Topics.MEMBERSHIP, poisonKey, "pas un événement".getBytes(StandardCharsets.UTF_8));
            TestEvents.publish(Topics.MEMBERSHIP, REGISTERED, invalidId, 1, data(invalidId, "NEQ invalide", "06")
                    .replace("\"1234567890\"", "\"12AB\""));
            RecordMetadata good = TestEvents.publish(Topics.MEMBERSHIP, REGISTERED, goodId, 1,
                    data(goodId, "Maison de la famille", "08"));

            TestTopics.awaitConsumed(GROUP, good, Duration.ofSeconds(30));
            assertThat(organizations.find(goodId)).isPresent();
            assertThat(organizations.find(invalidId)).isEmpty();

            ConsumerRecord<String, byte[]> poison = deadLetters.await(r -> poisonKey.equals(r.key()), 1,
                    Duration.ofSeconds(20)).get(0);
            assertThat(TopicProbe.header(poison, "kafka_dlt-original-topic")).isEqualTo(Topics.MEMBERSHIP);
            assertThat(TopicProbe.header(poison, DeadLetterHeaders.REASON)).contains("CloudEvent");
            ConsumerRecord<String, byte[]> invalid = deadLetters.await(r -> invalidId.equals(r.key()), 1,
                    Duration.ofSeconds(20)).get(0);
            assertThat(TopicProbe.header(invalid, DeadLetterHeaders.REASON)).contains("neq");
        }
    }

    @Test
    void aPoisonRecordAmidABatchIsDeadLetteredAloneAndTheRecordsAroundItAreApplied() throws Exception {
        String poisonKey = UUID.randomUUID().toString();
        List<String> before = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());
        List<String> after = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());
        MessageListenerContainer container = listeners.getListenerContainers().stream()
                .filter(c -> GROUP.equals(c.getGroupId())).findFirst().orElseThrow();
        try (TopicProbe deadLetters = TopicProbe.from(DEAD_LETTERS)) {
            // Paused while they are published, so that one poll brings them all: one batch.
            container.pause();
            List<RecordMetadata> published = new ArrayList<>();
            try {
                for (String id : before) {
                    published.add(TestEvents.publish(Topics.MEMBERSHIP, REGISTERED, id, 1, data(id, "Avant", "06")));
                }
                published.add(TestEvents.publishRaw(Topics.MEMBERSHIP, poisonKey,
                        "pas un événement".getBytes(StandardCharsets.UTF_8)));
                published.add(TestEvents.publish(Topics.MEMBERSHIP, REGISTERED, after.get(0), 1,
                        data(after.get(0), "Après", "06")));
                // Redelivered in the same batch: applied once, the first name stays.
                published.add(TestEvents.publish(Topics.MEMBERSHIP, REGISTERED, after.get(0), 1,
                        data(after.get(0), "Doublon", "07")));
                published.add(TestEvents.publish(Topics.MEMBERSHIP, REGISTERED, after.get(1), 1,
                        data(after.get(1), "Après", "06")));
            } finally {
                container.resume();
            }

            // Every record, not only the last one: the keys spread the records over the topic's partitions, and a
            // partition whose records all came before the poison one in the poll is committed at once, while the
            // records after the poison one are redelivered by the next poll (BatchErrorHandlingIT in the kit).
            for (RecordMetadata record : published) {
                TestTopics.awaitConsumed(GROUP, record, Duration.ofSeconds(30));
            }
            for (String id : before) {
                assertThat(organizations.find(id)).hasValueSatisfying(o -> assertThat(o.legalName()).isEqualTo("Avant"));
            }
            assertThat(organizations.find(after.get(0))).hasValueSatisfying(o -> {
                assertThat(o.legalName()).isEqualTo("Après");
                assertThat(o.regionCode()).isEqualTo("06");
            });
            assertThat(organizations.find(after.get(1))).isPresent();
            List<ConsumerRecord<String, byte[]>> dead = deadLetters.await(r -> poisonKey.equals(r.key()), 1,
                    Duration.ofSeconds(20));
            assertThat(TopicProbe.header(dead.get(0), DeadLetterHeaders.REASON)).contains("CloudEvent");
            // None of the good records went to the dead letters with it (they would have come before the poison one).
            assertThat(deadLetters.await(r -> before.contains(r.key()) || after.contains(r.key()), 0,
                    Duration.ofMillis(1))).isEmpty();
        }
    }

    @Test
    void anOperatorReplaysADeadLetterAndItIsProcessed() throws Exception {
        String id = UUID.randomUUID().toString();
        // The read model's store refuses this organization for a while: retries run out, it becomes a dead letter.
        doThrow(new IllegalStateException("magasin indisponible")).when(organizations)
                .applyRegistered(any(), argThat(registered -> registered != null && id.equals(registered.organizationId())));
        RecordMetadata record = TestEvents.publish(Topics.MEMBERSHIP, REGISTERED, id, 1, data(id, "Coop de santé", "11"));
        TestTopics.awaitConsumed(GROUP, record, Duration.ofSeconds(30));
        assertThat(organizations.find(id)).isEmpty();
        reset(organizations); // the store is back

        JsonNode page = get("/api/training/ops/dead-letters/" + DEAD_LETTERS + "?size=500");
        Optional<JsonNode> deadLetter = page.get("items").valueStream()
                .filter(item -> id.equals(item.get("key").asString())).findFirst();
        assertThat(deadLetter).isPresent();
        assertThat(deadLetter.get().get("reason").asString()).contains("magasin indisponible");

        HttpResponse<String> replay = post("/api/training/ops/dead-letters/" + DEAD_LETTERS + "/"
                + deadLetter.get().get("partition").asInt() + "/" + deadLetter.get().get("offset").asLong() + "/replay",
                TestTokens.staff("reseau-csmo-esac"));
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(json.readTree(replay.body()).get("replayedAt").isNull()).isFalse();

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (organizations.find(id).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(organizations.find(id)).hasValueSatisfying(o -> assertThat(o.legalName()).isEqualTo("Coop de santé"));
    }

    @Test
    void aDeadLetterOfAnotherServiceIsNeitherListedNorReplayedHere() throws Exception {
        // Insurance's consumer failed on this record: it shares the topic's dead letters, but it is insurance's.
        String id = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> theirs = new ProducerRecord<>(DEAD_LETTERS, id,
                data(id, "Lettre morte d'un autre service", "04").getBytes(StandardCharsets.UTF_8));
        theirs.headers().add(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP, "insurance-service".getBytes(StandardCharsets.UTF_8));
        theirs.headers().add(KafkaHeaders.DLT_ORIGINAL_TOPIC, Topics.MEMBERSHIP.getBytes(StandardCharsets.UTF_8));
        RecordMetadata landed = TestEvents.send(theirs);

        JsonNode page = get("/api/training/ops/dead-letters/" + DEAD_LETTERS + "?size=500");
        assertThat(page.get("items").valueStream().map(item -> item.get("key").asString())).doesNotContain(id);
        HttpResponse<String> replay = post("/api/training/ops/dead-letters/" + DEAD_LETTERS + "/" + landed.partition()
                + "/" + landed.offset() + "/replay", TestTokens.staff("reseau-csmo-esac"));
        assertThat(replay.statusCode()).isEqualTo(404);
    }

    @Test
    void aReplayAddressedToAnotherGroupIsSkippedByThisOne() throws Exception {
        String skipped = UUID.randomUUID().toString();
        String applied = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> replayForOthers = TestEvents.record(OffsetDateTime.now(), Topics.MEMBERSHIP,
                UUID.randomUUID().toString(), REGISTERED, skipped, 1, data(skipped, "Rejouée pour un autre", "05"));
        replayForOthers.headers().add(DeadLetterHeaders.REPLAYED_FOR, "insurance-service".getBytes(StandardCharsets.UTF_8));
        TestEvents.send(replayForOthers);
        ProducerRecord<String, byte[]> replayForUs = TestEvents.record(OffsetDateTime.now(), Topics.MEMBERSHIP,
                UUID.randomUUID().toString(), REGISTERED, applied, 1, data(applied, "Rejouée pour la formation", "05"));
        replayForUs.headers().add(DeadLetterHeaders.REPLAYED_FOR, GROUP.getBytes(StandardCharsets.UTF_8));
        RecordMetadata last = TestEvents.send(replayForUs);

        TestTopics.awaitConsumed(GROUP, last, Duration.ofSeconds(30));
        assertThat(organizations.find(applied)).isPresent();
        assertThat(organizations.find(skipped)).isEmpty();
    }

    @Test
    void onlyStaffMayReadOrReplayDeadLetters() throws Exception {
        HttpResponse<String> response = post("/api/training/ops/dead-letters/" + DEAD_LETTERS + "/replay",
                TestTokens.orgAdmin(UUID.randomUUID().toString()));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + TestTokens.staff("reseau-csmo-esac")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> post(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String data(String id, String name, String region) {
        return """
                {"organizationId": "%s", "legalName": "%s", "neq": "1234567890", "legalForm": "OBNL",
                 "regionCode": "%s", "sectorCodes": ["ECONOMIE_SOCIALE"]}
                """.formatted(id, name, region);
    }

}
