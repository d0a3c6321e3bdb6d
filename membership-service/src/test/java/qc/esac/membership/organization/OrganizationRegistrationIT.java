package qc.esac.membership.organization;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import qc.esac.events.EventCatalog;
import qc.esac.events.EventSchemas;
import qc.esac.events.Topics;
import qc.esac.events.membership.OrganizationRegistered;
import qc.esac.kit.problem.ProblemTypes;
import qc.esac.testkit.TestInfrastructure;
import qc.esac.testkit.TopicProbe;
import qc.esac.testkit.jwt.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registering an organization over real HTTP, on the real broker and store: the state is saved and its event
 * published, even when the broker is down at write time; bad input is refused in French and saves nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OrganizationRegistrationIT {

    private static final String REGISTERED = EventCatalog.of(OrganizationRegistered.class).type();
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Test
    void theEventIsPublishedOnceTheOrganizationIsSaved() throws Exception {
        String neq = randomNeq();
        try (TopicProbe probe = TopicProbe.from(Topics.MEMBERSHIP)) {
            HttpResponse<String> response = post(registration("Coopérative de solidarité Les Jardins du Fleuve", neq));

            assertThat(response.statusCode()).isEqualTo(201);
            assertThat(response.headers().firstValue("ETag")).hasValue("\"1\"");
            String id = json.readTree(response.body()).get("id").asString();
            assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(id));
            assertThat(mongo.getCollection(Organizations.COLLECTION).countDocuments(Filters.eq("_id", id)))
                    .isEqualTo(1);

            probe.await(TopicProbe.subject(id), 1, Duration.ofSeconds(20));
            List<ConsumerRecord<String, byte[]>> events = probe.collect(TopicProbe.subject(id), Duration.ofSeconds(1));
            assertThat(events).as("published exactly once").hasSize(1);
            ConsumerRecord<String, byte[]> event = events.get(0);
            assertThat(event.key()).isEqualTo(id);
            assertThat(TopicProbe.header(event, "ce_type")).isEqualTo(REGISTERED);
            assertThat(TopicProbe.header(event, "ce_source")).isEqualTo("/esac/membership");
            assertThat(TopicProbe.header(event, "ce_aggregatesequence")).isEqualTo("1");
            assertThat(TopicProbe.header(event, "ce_dataschema"))
                    .isEqualTo(EventCatalog.of(OrganizationRegistered.class).dataSchema().toString());
            assertThat(TopicProbe.header(event, "traceparent")).as("the request's trace travels with the event")
                    .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
            JsonNode data = EventSchemas.validate(REGISTERED, event.value());
            assertThat(data.get("neq").asString()).isEqualTo(neq);
            assertThat(data.get("regionCode").asString()).isEqualTo("03");
        }
        assertThat(pendingOutboxEvents()).isZero();
    }

    @Test
    void withTheBrokerDownTheRegistrationSucceedsAndTheEventArrivesOnceItIsBack() throws Exception {
        String id;
        try (TopicProbe probe = TopicProbe.from(Topics.MEMBERSHIP)) {
            try (TestInfrastructure.BrokerOutage ignored = TestInfrastructure.get().brokerOutage()) {
                HttpResponse<String> response = post(registration("Centre d'action bénévole du Haut-Richelieu",
                        randomNeq()));
                assertThat(response.statusCode()).isEqualTo(201);
                id = json.readTree(response.body()).get("id").asString();
                Document saved = mongo.getCollection(Organizations.COLLECTION).find(Filters.eq("_id", id)).first();
                assertThat(saved).isNotNull();
                assertThat(saved.getList("outbox", Document.class)).as("kept until Kafka acknowledges it").hasSize(1);
                Thread.sleep(1_000); // the immediate publication and a few relay sweeps fail meanwhile
            }
            probe.await(TopicProbe.subject(id), 1, Duration.ofSeconds(60));
        }
        Document published = mongo.getCollection(Organizations.COLLECTION).find(Filters.eq("_id", id)).first();
        assertThat(published.getList("outbox", Document.class)).isEmpty();
    }

    @Test
    void malformedJsonIsRefusedInFrenchAndSavesNothing() throws Exception {
        long before = organizations();
        HttpResponse<String> response = post("{\"legalName\": \"Groupe communautaire\", \"neq\": ");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo(ProblemTypes.REQUETE_ILLISIBLE);
        assertThat(problem.get("title").asString()).isEqualTo("Requête illisible");
        assertThat(problem.get("detail").asString()).contains("JSON").doesNotContain("Exception");
        assertThat(response.body()).doesNotContain("jackson").doesNotContain("tools.");
        assertThat(organizations()).isEqualTo(before);
    }

    @Test
    void invalidFieldsAreListedInFrenchAndSaveNothing() throws Exception {
        long before = organizations();
        HttpResponse<String> response = post("""
                {"legalName": "", "neq": "12345", "legalForm": "OBNL", "regionCode": "18", "sectorCodes": []}
                """);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo(ProblemTypes.DONNEES_INVALIDES);
        assertThat(problem.get("title").asString()).isEqualTo("Données invalides");
        List<String> fields = problem.get("errors").valueStream().map(e -> e.get("field").asString()).toList();
        assertThat(fields).containsExactlyInAnyOrder("legalName", "neq", "regionCode");
        assertThat(problem.get("errors").valueStream().map(e -> e.get("message").asString()))
                .anySatisfy(message -> assertThat(message).contains("10 chiffres"))
                .anySatisfy(message -> assertThat(message).contains("région"));
        assertThat(organizations()).isEqualTo(before);
    }

    @Test
    void aSecondOrganizationWithTheSameNeqIsAConflictAndPublishesNothing() throws Exception {
        String neq = randomNeq();
        assertThat(post(registration("Corporation de développement communautaire", neq)).statusCode()).isEqualTo(201);
        long before = organizations();
        try (TopicProbe probe = TopicProbe.from(Topics.MEMBERSHIP)) {
            HttpResponse<String> response = post(registration("Autre nom", neq));

            assertThat(response.statusCode()).isEqualTo(409);
            assertThat(json.readTree(response.body()).get("title").asString()).isEqualTo("Organisation déjà inscrite");
            assertThat(json.readTree(response.body()).get("detail").asString()).contains(neq);
            assertThat(probe.collect(r -> response.body().contains("Autre nom"), Duration.ofSeconds(1))).isEmpty();
        }
        assertThat(organizations()).isEqualTo(before);
    }

    @Test
    void aRetryWhoseFirstAnswerWasLostGetsTheRegistrationNotTheNeqConflict() throws Exception {
        String neq = randomNeq();
        String key = UUID.randomUUID().toString();
        String body = registration("Coopérative de services à domicile du Fjord", neq);
        HttpResponse<String> first = post(body, key);
        assertThat(first.statusCode()).isEqualTo(201);
        // As the fault suite saw it: the instance killed after the registration's write, before the answer for
        // its key was recorded, and the claim's in-flight timeout passed. The key is claimed, with no answer.
        assertThat(mongo.getCollection("_idempotency").updateOne(Filters.eq("key", key), Updates.combine(
                Updates.set("state", "in-flight"), Updates.set("lockedUntil", Date.from(Instant.now().minusSeconds(1))),
                Updates.unset("status"), Updates.unset("headers"), Updates.unset("body"))).getModifiedCount())
                .isEqualTo(1);

        HttpResponse<String> retry = post(body, key);

        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(retry.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(json.readTree(retry.body()).get("id").asString())
                .isEqualTo(json.readTree(first.body()).get("id").asString());
        assertThat(mongo.getCollection(Organizations.COLLECTION).countDocuments(Filters.eq("state.profile.neq", neq)))
                .isEqualTo(1);
    }

    /**
     * The store commands of one create (the driver's {@code mongodb.driver.commands} timers, per collection and
     * command): the organization's insert carries its event and the relay's lease, so the request sends nothing
     * else, and the relay only releases the lease once the event is on the topic. A request with an
     * {@code Idempotency-Key} adds the key's claim (an insert) and the recorded answer (an update), no read.
     */
    @Test
    void aCreateSendsOneStoreCommandAndAKeyedCreateThree() throws Exception {
        // Once per instance, not per create: the token check, the caller's grants, the idempotency keys' TTL index.
        assertThat(post(registration("Coopérative de la Pointe", randomNeq()), UUID.randomUUID().toString())
                .statusCode()).isEqualTo(201);

        Map<String, Long> unkeyed = commandsOf(() -> post(registration("Coopérative du Cap", randomNeq())));
        assertThat(unkeyed).containsExactlyInAnyOrderEntriesOf(Map.of(
                "organizations:insert", 1L, "organizations:update", 1L));

        Map<String, Long> keyed = commandsOf(() -> post(registration("Coopérative de l'Anse", randomNeq()),
                UUID.randomUUID().toString()));
        assertThat(keyed).containsExactlyInAnyOrderEntriesOf(Map.of(
                "organizations:insert", 1L, "organizations:update", 1L,
                "_idempotency:insert", 1L, "_idempotency:update", 1L));
    }

    @Autowired
    MeterRegistry meters;

    /**
     * The commands a registration sends to the organizations and idempotency collections, relay's release included.
     * The relay's full sweep (a find on every collection, every 30 s) may fall in one window: measured again then,
     * since it cannot fall in two in a row.
     */
    private Map<String, Long> commandsOf(Callable<HttpResponse<String>> registration) throws Exception {
        Map<String, Long> sent = commandsOnce(registration);
        return sent.containsKey(Organizations.COLLECTION + ":find") ? commandsOnce(registration) : sent;
    }

    private Map<String, Long> commandsOnce(Callable<HttpResponse<String>> registration) throws Exception {
        awaitNoPendingEvent();
        Map<String, Long> before = commandCounts();
        assertThat(registration.call().statusCode()).isEqualTo(201);
        awaitNoPendingEvent();
        Map<String, Long> after = commandCounts();
        Map<String, Long> sent = new TreeMap<>();
        after.forEach((command, count) -> {
            long more = count - before.getOrDefault(command, 0L);
            if (more > 0) {
                sent.put(command, more);
            }
        });
        return sent;
    }

    /** Reads the pending count on another client than the service's, so that it is not among the counted commands. */
    private void awaitNoPendingEvent() throws InterruptedException {
        try (MongoClient own = MongoClients.create(TestInfrastructure.get().mongoUri())) {
            MongoCollection<Document> organizations = own.getDatabase(mongo.getDb().getName())
                    .getCollection(Organizations.COLLECTION);
            Instant deadline = Instant.now().plusSeconds(20);
            while (organizations.countDocuments(Filters.exists("outbox.0.id")) > 0) {
                assertThat(Instant.now()).as("events published").isBefore(deadline);
                Thread.sleep(20);
            }
        }
    }

    private Map<String, Long> commandCounts() {
        Map<String, Long> counts = new TreeMap<>();
        meters.find("mongodb.driver.commands").timers().forEach(timer -> {
            String collection = timer.getId().getTag("collection");
            if (Organizations.COLLECTION.equals(collection) || "_idempotency".equals(collection)) {
                counts.merge(collection + ":" + timer.getId().getTag("command"), timer.count(), Long::sum);
            }
        });
        return counts;
    }

    private long organizations() {
        return mongo.getCollection(Organizations.COLLECTION).countDocuments();
    }

    private long pendingOutboxEvents() {
        return mongo.getCollection(Organizations.COLLECTION).countDocuments(Filters.exists("outbox.0.id"));
    }

    private HttpResponse<String> post(String body) throws Exception {
        return post(body, null);
    }

    private HttpResponse<String> post(String body, String idempotencyKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/membership/organizations"));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TestTokens.staff("reseau-csmo-esac"))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String registration(String name, String neq) {
        return """
                {"legalName": "%s", "neq": "%s", "legalForm": "COOP_SOLIDARITE", "regionCode": "03",
                 "sectorCodes": ["AIDE_DOMICILE"]}
                """.formatted(name, neq);
    }

    private static String randomNeq() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
    }
}
