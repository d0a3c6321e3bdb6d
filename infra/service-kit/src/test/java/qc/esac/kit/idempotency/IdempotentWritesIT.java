package qc.esac.kit.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

import qc.esac.events.membership.OrganizationRegistered;
import qc.esac.kit.domain.Change;
import qc.esac.kit.outbox.AggregateStore;
import qc.esac.kit.outbox.AggregateStores;
import qc.esac.kit.outbox.OutboxBacklog;
import qc.esac.kit.outbox.OutboxEventFactory;
import qc.esac.kit.outbox.OutboxProperties;
import qc.esac.kit.outbox.OutboxRelay;
import qc.esac.kit.outbox.Versioned;
import qc.esac.testkit.TestInfrastructure;

/**
 * The aggregate store's side of a keyed request run again: each write call of a run is matched with the same
 * call of the earlier run, so what the earlier run wrote is answered and what it did not reach is done.
 */
class IdempotentWritesIT {

    private static MongoClient client;
    private static MongoTemplate mongo;

    private AggregateStore<Organization> store;

    record Organization(String name) {
    }

    @BeforeAll
    static void connect() {
        client = MongoClients.create(TestInfrastructure.get().mongoUri());
        mongo = new MongoTemplate(client, "idempotent-writes-it");
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @BeforeEach
    void freshCollection() {
        Clock clock = Clock.systemUTC();
        OutboxProperties properties = new OutboxProperties(Duration.ofSeconds(1), Duration.ofSeconds(30),
                Duration.ofSeconds(30), Duration.ofSeconds(4), 100, 2);
        OutboxRelay relay = new OutboxRelay(mongo, null, properties, clock,
                new OutboxBacklog(mongo, clock, new SimpleMeterRegistry()));
        OutboxEventFactory events = new OutboxEventFactory(JsonMapper.builder().build(), clock,
                new StaticListableBeanFactory().getBeanProvider(io.micrometer.tracing.Tracer.class));
        store = new AggregateStores(mongo, events, relay).forCollection(
                "writes_" + UUID.randomUUID().toString().replace("-", ""), Organization.class);
    }

    @Test
    void aRunChangingAnAggregateTwiceMakesBothChanges() {
        String id = created("v1");

        Versioned<Organization> after = run(new IdempotencyClaim.Acquired("k", "run-1"), () -> {
            store.change(id, 1L, o -> { }, o -> Change.of(new Organization("v2"), event(id)));
            return store.change(id, 2L, o -> { }, o -> Change.of(new Organization("v3"), event(id)));
        });

        assertThat(after.version()).isEqualTo(3);
        assertThat(outbox(id)).hasSize(3);
    }

    @Test
    void aRunAgainAnswersTheChangesTheFirstRunMadeAndMakesTheOthers() {
        String id = created("v1");
        // The first run made its first change, then died before its second.
        run(new IdempotencyClaim.Acquired("k", "run-1"),
                () -> store.change(id, 1L, o -> { }, o -> Change.of(new Organization("v2"), event(id))));

        Versioned<Organization> after = run(new IdempotencyClaim.Acquired("k", "run-2", true), () -> {
            Versioned<Organization> first = store.change(id, 1L, o -> { },
                    o -> Change.of(new Organization("v2 again"), event(id)));
            assertThat(first.version()).as("the first run's change, answered, not made again").isEqualTo(2);
            return store.change(id, 2L, o -> { }, o -> Change.of(new Organization(o.name() + "+v3"), event(id)));
        });

        assertThat(after.state().name()).isEqualTo("v2+v3");
        assertThat(after.version()).isEqualTo(3);
        assertThat(outbox(id)).hasSize(3);
    }

    @Test
    void aHandWrittenUpdateRunAgainIsNotMadeTwice() {
        String id = created("v1");
        run(new IdempotencyClaim.Acquired("k", "run-1"),
                () -> store.update(id, 1L, new Organization("v2"), List.of(event(id))));

        Versioned<Organization> again = run(new IdempotencyClaim.Acquired("k", "run-2", true), () -> {
            Versioned<Organization> current = store.get(id); // a read-modify-write loop reads the moved version
            return store.update(id, current.version(), new Organization("v2 twice"), List.of(event(id)));
        });

        assertThat(again.state().name()).isEqualTo("v2");
        assertThat(again.version()).isEqualTo(2);
        assertThat(outbox(id)).hasSize(2);
    }

    @Test
    void aCreateRunAgainReturnsTheFirstRunsAggregateAndAnotherKeyCreatesItsOwn() {
        Versioned<Organization> first = run(new IdempotencyClaim.Acquired("k", "run-1"),
                () -> store.insert("o-1", new Organization("Coop"), List.of(event("o-1"))));

        Versioned<Organization> again = run(new IdempotencyClaim.Acquired("k", "run-2", true),
                () -> store.insert("o-2", new Organization("Coop"), List.of(event("o-2"))));
        Versioned<Organization> other = run(new IdempotencyClaim.Acquired("other", "run-3", true),
                () -> store.insert("o-3", new Organization("Coop"), List.of(event("o-3"))));

        assertThat(again).isEqualTo(first);
        assertThat(other.id()).isEqualTo("o-3");
        assertThat(mongo.getCollection(store.collection()).countDocuments()).isEqualTo(2);
    }

    @Test
    void anAggregateKeepsTheKeysOfItsLastWritesOnly() {
        String id = created("v1");
        for (int i = 0; i < 40; i++) {
            run(new IdempotencyClaim.Acquired("k-" + i, "run-" + i),
                    () -> store.change(id, null, o -> { }, o -> Change.of(new Organization(o.name() + "+"))));
        }

        List<Document> kept = mongo.getCollection(store.collection()).find(Filters.eq("_id", id)).first()
                .getList("requests", Document.class);
        assertThat(kept).hasSize(32);
        assertThat(kept.get(31).getString("run")).isEqualTo("run-39");
    }

    private <R> R run(IdempotencyClaim.Acquired claim, Supplier<R> request) {
        new IdempotentRequest(claim).bind();
        try {
            return request.get();
        }
        finally {
            IdempotentRequest.unbind();
        }
    }

    private String created(String name) {
        String id = UUID.randomUUID().toString();
        store.insert(id, new Organization(name), List.of(event(id)));
        return id;
    }

    private List<Document> outbox(String id) {
        return mongo.getCollection(store.collection()).find(Filters.eq("_id", id)).first()
                .getList("outbox", Document.class, new ArrayList<>());
    }

    private static OrganizationRegistered event(String id) {
        return new OrganizationRegistered(id, "Coop", "1234567890", "OBNL", "06", List.of());
    }
}
