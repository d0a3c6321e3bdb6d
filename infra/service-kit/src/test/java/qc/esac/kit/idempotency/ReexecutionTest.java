package qc.esac.kit.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.jayway.jsonpath.JsonPath;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import qc.esac.kit.support.AggregateTestController;
import qc.esac.kit.support.KitWebTest;
import qc.esac.kit.support.LosingIdempotencyStore;
import qc.esac.kit.support.TestJwts;

/**
 * A request whose write was committed but whose answer was never recorded (the instance died, or the store went
 * away, between the two): once its key is free again, the retry with the same key gets the first run's answer
 * from the aggregate the first run wrote, and nothing is written or published twice.
 */
class ReexecutionTest extends KitWebTest {

    private static final String ORGANIZATIONS = "/test/idem/organizations";

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    IdempotencyProperties properties;

    @Autowired
    LosingIdempotencyStore keys;

    @Autowired
    AggregateTestController organizations;

    private final String staff = TestJwts.staff("n-1");

    @AfterEach
    void storeBack() {
        keys.loseNextEnd.set(false);
        organizations.failAfterNextWrite.set(false);
    }

    @Test
    void aCreateWhoseAnswerWasLostAnswersTheSameCreationToItsRetry() throws Exception {
        String key = newKey();
        String neq = newNeq();
        String body = "{\"name\":\"Coop du Fjord\",\"neq\":\"" + neq + "\"}";

        keys.loseNextEnd.set(true);
        MvcResult first = mvc.perform(keyed(post(ORGANIZATIONS), key, body))
                .andExpect(status().isCreated()) // the write happened: the client gets its real answer
                .andReturn();
        keys.loseNextEnd.set(false);
        String id = JsonPath.read(first.getResponse().getContentAsString(), "$.id");
        claimAbandoned(key);

        mvc.perform(keyed(post(ORGANIZATIONS), key, body))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, first.getResponse().getHeader(HttpHeaders.LOCATION)))
                .andExpect(header().string(HttpHeaders.ETAG, "\"1\""))
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.name").value("Coop du Fjord"));
        assertThat(organizationsWithNeq(neq)).singleElement()
                .satisfies(organization -> assertThat(outbox(organization)).hasSize(1));
        // The retry's answer is the one its key now replays.
        mvc.perform(keyed(post(ORGANIZATIONS), key, body))
                .andExpect(status().isCreated())
                .andExpect(header().string(IdempotencyKeys.REPLAYED_HEADER, "true"))
                .andExpect(jsonPath("$.id").value(id));
    }

    @Test
    void aChangeWhoseAnswerWasLostAnswersTheChangedAggregateNot412() throws Exception {
        String id = registered("Coop du Fjord");
        String key = newKey();
        String body = "{\"name\":\"Coop du Fjord et des Monts\"}";

        keys.loseNextEnd.set(true);
        mvc.perform(keyed(post(ORGANIZATIONS + "/" + id + "/name"), key, body).header(HttpHeaders.IF_MATCH, "\"1\""))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"2\""));
        keys.loseNextEnd.set(false);
        claimAbandoned(key);

        mvc.perform(keyed(post(ORGANIZATIONS + "/" + id + "/name"), key, body).header(HttpHeaders.IF_MATCH, "\"1\""))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"2\""))
                .andExpect(jsonPath("$.name").value("Coop du Fjord et des Monts"));
        Document organization = aggregate(id);
        assertThat(organization.get("version", Number.class).longValue()).isEqualTo(2);
        assertThat(outbox(organization)).hasSize(2); // registered, renamed once
    }

    @Test
    void aFailureAfterTheWriteLeavesTheKeyToARetryThatAnswersTheWrite() throws Exception {
        String key = newKey();
        String neq = newNeq();
        String body = "{\"name\":\"Coop des Battures\",\"neq\":\"" + neq + "\"}";

        organizations.failAfterNextWrite.set(true);
        mvc.perform(keyed(post(ORGANIZATIONS), key, body)).andExpect(status().isInternalServerError());
        List<Document> written = organizationsWithNeq(neq);
        assertThat(written).hasSize(1);

        mvc.perform(keyed(post(ORGANIZATIONS), key, body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value(written.get(0).getString("_id")));
        assertThat(organizationsWithNeq(neq)).singleElement()
                .satisfies(organization -> assertThat(outbox(organization)).hasSize(1));
    }

    private String registered(String name) throws Exception {
        MvcResult created = mvc.perform(keyed(post(ORGANIZATIONS), newKey(),
                        "{\"name\":\"" + name + "\",\"neq\":\"" + newNeq() + "\"}"))
                .andExpect(status().isCreated()).andReturn();
        return JsonPath.read(created.getResponse().getContentAsString(), "$.id");
    }

    /** The instance that held the key is gone: past the in-flight timeout, a retry may take the key over. */
    private void claimAbandoned(String key) {
        Document claim = mongo.getCollection(properties.collection())
                .find(Filters.eq("_id", IdempotencyStore.id("staff-1", key))).first();
        assertThat(claim).as("the key stays claimed: its answer was never recorded").isNotNull();
        assertThat(claim.getString(IdempotencyStore.STATE)).isEqualTo(IdempotencyStore.IN_FLIGHT);
        mongo.getCollection(properties.collection()).updateOne(Filters.eq("_id", claim.getString("_id")),
                Updates.set(IdempotencyStore.LOCKED_UNTIL, Date.from(Instant.now().minusSeconds(1))));
    }

    private MockHttpServletRequestBuilder keyed(MockHttpServletRequestBuilder request, String key, String body) {
        return request.header(IdempotencyKeys.HEADER, key).header(HttpHeaders.AUTHORIZATION, "Bearer " + staff)
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private List<Document> organizationsWithNeq(String neq) {
        return mongo.getCollection(AggregateTestController.COLLECTION).find(Filters.eq("state.neq", neq))
                .into(new java.util.ArrayList<>());
    }

    private Document aggregate(String id) {
        return mongo.getCollection(AggregateTestController.COLLECTION).find(Filters.eq("_id", id)).first();
    }

    private static List<Document> outbox(Document organization) {
        return organization.getList("outbox", Document.class);
    }

    private static String newKey() {
        return UUID.randomUUID().toString();
    }

    private static String newNeq() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 10_000_000_000L));
    }
}
