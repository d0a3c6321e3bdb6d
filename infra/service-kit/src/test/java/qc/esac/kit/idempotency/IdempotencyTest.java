package qc.esac.kit.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static qc.esac.kit.support.ProblemMatchers.problem;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import qc.esac.kit.problem.ProblemTypes;
import qc.esac.kit.support.IdempotencyTestController;
import qc.esac.kit.support.KitWebTest;
import qc.esac.kit.support.TestJwts;

/** {@code Idempotency-Key} through the whole stack: security, MVC, problem details and the test store. */
class IdempotencyTest extends KitWebTest {

    private static final String PROJECTS = "/test/idem/projects";

    @Autowired
    MockMvc mvc;

    @Autowired
    IdempotencyTestController controller;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    @Autowired
    IdempotencyProperties properties;

    private final String staff = TestJwts.staff("n-1");

    @Test
    void retryWithTheSameKeyReplaysTheFirstResponseWithoutRunningAgain() throws Exception {
        String key = newKey();
        int before = controller.creations.get();
        double replaysBefore = replays();

        MvcResult first = mvc.perform(create(key, staff, "{\"name\":\"Serre solidaire\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().doesNotExist(IdempotencyKeys.REPLAYED_HEADER))
                .andExpect(jsonPath("$.name").value("Serre solidaire"))
                .andReturn();
        String location = first.getResponse().getHeader(HttpHeaders.LOCATION);
        assertThat(location).startsWith("/test/idem/projects/p-");

        for (int retry = 0; retry < 2; retry++) {
            MvcResult replay = mvc.perform(create(key, staff, "{\"name\":\"Serre solidaire\"}"))
                    .andExpect(status().isCreated())
                    .andExpect(header().string(IdempotencyKeys.REPLAYED_HEADER, "true"))
                    .andExpect(header().string(HttpHeaders.LOCATION, location))
                    .andExpect(header().string(HttpHeaders.ETAG, first.getResponse().getHeader(HttpHeaders.ETAG)))
                    .andReturn();
            assertThat(MediaType.parseMediaType(replay.getResponse().getContentType()))
                    .isEqualTo(MediaType.parseMediaType(first.getResponse().getContentType()));
            assertThat(replay.getResponse().getContentAsByteArray()).isEqualTo(first.getResponse().getContentAsByteArray());
        }
        assertThat(controller.creations.get()).isEqualTo(before + 1);
        assertThat(replays()).isEqualTo(replaysBefore + 2);
    }

    @Test
    void asynchronousHandlersAreRecordedWhenTheyComplete() throws Exception {
        String key = newKey();
        int before = controller.creations.get();
        MockHttpServletRequestBuilder later = post("/test/idem/async").header(IdempotencyKeys.HEADER, key)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + staff)
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Coop\"}");

        MvcResult started = mvc.perform(later).andExpect(request().asyncStarted()).andReturn();
        MvcResult first = mvc.perform(asyncDispatch(started))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value("Coop"))
                .andReturn();
        mvc.perform(later)
                .andExpect(status().isCreated())
                .andExpect(header().string(IdempotencyKeys.REPLAYED_HEADER, "true"))
                .andExpect(header().string(HttpHeaders.LOCATION, first.getResponse().getHeader(HttpHeaders.LOCATION)))
                .andExpect(jsonPath("$.id").value(com.jayway.jsonpath.JsonPath.<String>read(
                        first.getResponse().getContentAsString(), "$.id")));
        assertThat(controller.creations.get()).isEqualTo(before + 1);
    }

    @Test
    void withoutTheHeaderEveryRequestRuns() throws Exception {
        int before = controller.creations.get();
        for (int i = 0; i < 2; i++) {
            mvc.perform(post(PROJECTS).header(HttpHeaders.AUTHORIZATION, "Bearer " + staff)
                            .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Coop\"}"))
                    .andExpect(status().isCreated())
                    .andExpect(header().doesNotExist(IdempotencyKeys.REPLAYED_HEADER));
        }
        assertThat(controller.creations.get()).isEqualTo(before + 2);
    }

    @Test
    void theKeyMayBeSentAsAStructuredFieldString() throws Exception {
        String key = newKey();
        int before = controller.creations.get();
        mvc.perform(create("\"" + key + "\"", staff, "{\"name\":\"Coop\"}")).andExpect(status().isCreated());
        mvc.perform(create(key, staff, "{\"name\":\"Coop\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string(IdempotencyKeys.REPLAYED_HEADER, "true"));
        assertThat(controller.creations.get()).isEqualTo(before + 1);
    }

    @Test
    void reusingAKeyForAnotherRequestIs422InFrenchByDefault() throws Exception {
        String key = newKey();
        mvc.perform(create(key, staff, "{\"name\":\"Coop A\"}")).andExpect(status().isCreated());
        int before = controller.creations.get();

        mvc.perform(create(key, staff, "{\"name\":\"Coop B\"}"))
                .andExpect(problem(422, ProblemTypes.CLE_IDEMPOTENCE_REUTILISEE, "Clé d’idempotence déjà utilisée"))
                .andExpect(jsonPath("$.code").value("idempotence.cle-reutilisee"))
                .andExpect(header().doesNotExist(IdempotencyKeys.REPLAYED_HEADER));
        mvc.perform(create(key, staff, "{\"name\":\"Coop B\"}").header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(problem(422, ProblemTypes.CLE_IDEMPOTENCE_REUTILISEE, "Idempotency key already used"));
        // Same body on another path is another request too.
        mvc.perform(post("/test/idem/slow").header(IdempotencyKeys.HEADER, key)
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + staff)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Coop A\"}"))
                .andExpect(problem(422, ProblemTypes.CLE_IDEMPOTENCE_REUTILISEE, "Clé d’idempotence déjà utilisée"));
        assertThat(controller.creations.get()).isEqualTo(before);
    }

    @Test
    void keysBelongToTheCaller() throws Exception {
        String key = newKey();
        int before = controller.creations.get();
        mvc.perform(create(key, staff, "{\"name\":\"Coop\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.owner").value("staff-1"));
        mvc.perform(create(key, TestJwts.orgAdmin("org-1"), "{\"name\":\"Coop\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().doesNotExist(IdempotencyKeys.REPLAYED_HEADER))
                .andExpect(jsonPath("$.owner").value("admin-1"));
        assertThat(controller.creations.get()).isEqualTo(before + 2);
    }

    @Test
    void aRequestRefusedByTheSecurityChainDoesNotClaimTheKey() throws Exception {
        String key = newKey();
        mvc.perform(post(PROJECTS).header(IdempotencyKeys.HEADER, key).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Coop\"}"))
                .andExpect(status().isUnauthorized());
        mvc.perform(create(key, staff, "{\"name\":\"Coop\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().doesNotExist(IdempotencyKeys.REPLAYED_HEADER));
    }

    @Test
    void whileTheFirstRequestRunsARetryIs409WithRetryAfter() throws Exception {
        String key = newKey();
        controller.slowEntered = new CountDownLatch(1);
        controller.slowRelease = new CountDownLatch(1);
        int before = controller.creations.get();
        CompletableFuture<MvcResult> first = CompletableFuture.supplyAsync(() -> perform(slow(key)));
        try {
            assertThat(controller.slowEntered.await(20, TimeUnit.SECONDS)).as("first request running").isTrue();

            mvc.perform(slow(key))
                    .andExpect(problem(409, ProblemTypes.REQUETE_EN_COURS, "Requête déjà en cours"))
                    .andExpect(header().string(HttpHeaders.RETRY_AFTER, String.valueOf(properties.retryAfterSeconds())));
            mvc.perform(slow(key).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                    .andExpect(problem(409, ProblemTypes.REQUETE_EN_COURS, "Request already in progress"));
        }
        finally {
            controller.slowRelease.countDown();
        }
        MvcResult result = first.get(30, TimeUnit.SECONDS);
        assertThat(result.getResponse().getStatus()).isEqualTo(201);

        mvc.perform(slow(key))
                .andExpect(status().isCreated())
                .andExpect(header().string(IdempotencyKeys.REPLAYED_HEADER, "true"))
                .andExpect(jsonPath("$.id").value(com.jayway.jsonpath.JsonPath.<String>read(
                        result.getResponse().getContentAsString(), "$.id")));
        assertThat(controller.creations.get()).isEqualTo(before + 1);
    }

    @Test
    void aServerErrorReleasesTheKeySoThatARetryRuns() throws Exception {
        String key = newKey();
        controller.failures.set(0);
        MockHttpServletRequestBuilder flaky = post("/test/idem/flaky").param("name", "Coop").param("failTimes", "1")
                .header(IdempotencyKeys.HEADER, key).header(HttpHeaders.AUTHORIZATION, "Bearer " + staff);

        mvc.perform(flaky).andExpect(problem(500, ProblemTypes.ERREUR_INTERNE, "Erreur interne"));
        mvc.perform(flaky)
                .andExpect(status().isCreated())
                .andExpect(header().doesNotExist(IdempotencyKeys.REPLAYED_HEADER))
                .andExpect(jsonPath("$.id").value("f-2"));
        mvc.perform(flaky)
                .andExpect(status().isCreated())
                .andExpect(header().string(IdempotencyKeys.REPLAYED_HEADER, "true"))
                .andExpect(jsonPath("$.id").value("f-2"));
        assertThat(controller.failures.get()).isEqualTo(2);
    }

    @Test
    void aClientErrorIsRecordedAndReplayed() throws Exception {
        String key = newKey();
        int before = controller.refusals.get();
        MockHttpServletRequestBuilder refused = post("/test/idem/refused").header(IdempotencyKeys.HEADER, key)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + staff);

        mvc.perform(refused)
                .andExpect(problem(422, ProblemTypes.REGLE_D_AFFAIRES, "Session complète"))
                .andExpect(header().doesNotExist(IdempotencyKeys.REPLAYED_HEADER));
        mvc.perform(refused)
                .andExpect(problem(422, ProblemTypes.REGLE_D_AFFAIRES, "Session complète"))
                .andExpect(header().string(IdempotencyKeys.REPLAYED_HEADER, "true"));
        assertThat(controller.refusals.get()).isEqualTo(before + 1);

        String invalidKey = newKey();
        mvc.perform(create(invalidKey, staff, "{\"name\":\"\"}"))
                .andExpect(problem(400, ProblemTypes.DONNEES_INVALIDES, "Données invalides"));
        mvc.perform(create(invalidKey, staff, "{\"name\":\"\"}"))
                .andExpect(problem(400, ProblemTypes.DONNEES_INVALIDES, "Données invalides"))
                .andExpect(header().string(IdempotencyKeys.REPLAYED_HEADER, "true"));
    }

    @Test
    void malformedKeysAre400AndRunNothing() throws Exception {
        int before = controller.creations.get();
        List<ResultActions> answers = new ArrayList<>();
        answers.add(mvc.perform(create("", staff, "{\"name\":\"Coop\"}")));
        answers.add(mvc.perform(create("   ", staff, "{\"name\":\"Coop\"}")));
        answers.add(mvc.perform(create("a".repeat(IdempotencyKeys.MAX_LENGTH + 1), staff, "{\"name\":\"Coop\"}")));
        answers.add(mvc.perform(create("clé-accentuée", staff, "{\"name\":\"Coop\"}")));
        answers.add(mvc.perform(create(newKey(), staff, "{\"name\":\"Coop\"}").header(IdempotencyKeys.HEADER, newKey())));
        for (ResultActions answer : answers) {
            answer.andExpect(problem(400, ProblemTypes.CLE_IDEMPOTENCE_INVALIDE, "Clé d’idempotence invalide"))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("255")));
        }
        mvc.perform(create("", staff, "{\"name\":\"Coop\"}").header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(problem(400, ProblemTypes.CLE_IDEMPOTENCE_INVALIDE, "Invalid idempotency key"));
        assertThat(controller.creations.get()).isEqualTo(before);

        String longest = newKey() + "x".repeat(IdempotencyKeys.MAX_LENGTH - 36);
        mvc.perform(create(longest, staff, "{\"name\":\"Coop\"}")).andExpect(status().isCreated());
        assertThat(controller.creations.get()).isEqualTo(before + 1);
    }

    @Test
    void readsIgnoreTheHeader() throws Exception {
        String key = newKey();
        for (int i = 0; i < 2; i++) {
            mvc.perform(get("/test/orgs/org-1").header(IdempotencyKeys.HEADER, key)
                            .header(HttpHeaders.AUTHORIZATION, "Bearer " + staff))
                    .andExpect(status().isOk())
                    .andExpect(header().doesNotExist(IdempotencyKeys.REPLAYED_HEADER));
        }
        assertThat(mongo.getCollection(properties.collection()).countDocuments(new Document(IdempotencyStore.KEY, key)))
                .isZero();
    }

    @Test
    void aChangeWithItsKeyIsReplayedToo() throws Exception {
        String key = newKey();
        mvc.perform(put("/test/orgs/org-1").header(IdempotencyKeys.HEADER, key).header("If-Match", "\"3\"")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + staff))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist(IdempotencyKeys.REPLAYED_HEADER));
        mvc.perform(put("/test/orgs/org-1").header(IdempotencyKeys.HEADER, key).header("If-Match", "\"3\"")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + staff))
                .andExpect(status().isOk())
                .andExpect(header().string(IdempotencyKeys.REPLAYED_HEADER, "true"));
        assertThat(mongo.getCollection(properties.collection()).countDocuments(new Document(IdempotencyStore.KEY, key)))
                .isOne();
    }


    @Test
    void keysAreKeptInTheServiceStoreForTheRetention() throws Exception {
        String key = newKey();
        mvc.perform(create(key, staff, "{\"name\":\"Coop\"}")).andExpect(status().isCreated());

        Document stored = mongo.getCollection(properties.collection())
                .find(new Document("_id", IdempotencyStore.id("staff-1", key))).first();
        assertThat(stored).isNotNull();
        assertThat(stored.getString(IdempotencyStore.SUBJECT)).isEqualTo("staff-1");
        assertThat(stored.getString(IdempotencyStore.STATE)).isEqualTo(IdempotencyStore.COMPLETED);
        assertThat(stored.getInteger(IdempotencyStore.STATUS)).isEqualTo(201);
        assertThat(Duration.between(stored.getDate(IdempotencyStore.COMPLETED_AT).toInstant(),
                stored.getDate(IdempotencyStore.EXPIRES_AT).toInstant())).isEqualTo(Duration.ofHours(24));

        List<Document> indexes = mongo.getCollection(properties.collection()).listIndexes().into(new ArrayList<>());
        assertThat(indexes).anySatisfy(index -> {
            assertThat(index.get("key", Document.class)).containsKey(IdempotencyStore.EXPIRES_AT);
            assertThat(((Number) index.get("expireAfterSeconds")).longValue()).isZero();
        });
    }

    private MockHttpServletRequestBuilder create(String key, String token, String json) {
        return post(PROJECTS).header(IdempotencyKeys.HEADER, key).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(json);
    }

    private MockHttpServletRequestBuilder slow(String key) {
        return post("/test/idem/slow").header(IdempotencyKeys.HEADER, key)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + staff)
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Lente\"}");
    }

    private MvcResult perform(MockHttpServletRequestBuilder request) {
        try {
            return mvc.perform(request).andReturn();
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private double replays() {
        return meters.counter("esac.idempotency.replays").count();
    }

    private static String newKey() {
        return UUID.randomUUID().toString();
    }
}
