package qc.esac.kit.outbox;

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
import qc.esac.events.membership.OrganizationRegistered;
import qc.esac.kit.domain.Change;
import qc.esac.kit.problem.ConflictException;
import qc.esac.kit.problem.ForbiddenException;
import qc.esac.kit.problem.NotFoundException;
import qc.esac.kit.problem.ProblemException;
import qc.esac.kit.problem.VersionConflictException;
import qc.esac.testkit.TestInfrastructure;
import qc.esac.testkit.time.MutableClock;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link AggregateStore#change}: the one way services change an aggregate. Authorization comes before the
 * version check (a caller who may not act learns nothing, not even the current version), and each failure has
 * its own answer: 404, the guard's 403, 412 with {@code If-Match}, 409 after concurrent writers won too often.
 */
class AggregateStoreChangeIT {

    private static MongoClient client;
    private static MongoTemplate mongo;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-04-01T12:00:00Z"));
    private AggregateStore<Organization> store;

    record Organization(String name, String ownerId) {
        Organization rename(String newName) {
            return new Organization(newName, ownerId);
        }
    }

    private static final Consumer<Organization> ANYONE = o -> { };

    @BeforeAll
    static void connect() {
        client = MongoClients.create(TestInfrastructure.get().mongoUri());
        mongo = new MongoTemplate(client, "aggregate-change-it");
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @BeforeEach
    void freshCollection() {
        String collection = "change_" + UUID.randomUUID().toString().replace("-", "");
        OutboxProperties properties = new OutboxProperties(Duration.ofSeconds(1), Duration.ofSeconds(30),
                Duration.ofSeconds(30), Duration.ofSeconds(4), 100, 2);
        // The relay is never started: these tests look at the documents, not at Kafka.
        OutboxRelay relay = new OutboxRelay(mongo, null, properties, clock,
                new OutboxBacklog(mongo, clock, new SimpleMeterRegistry()));
        OutboxEventFactory events = new OutboxEventFactory(JsonMapper.builder().build(), clock,
                new StaticListableBeanFactory().getBeanProvider(io.micrometer.tracing.Tracer.class));
        store = new AggregateStores(mongo, events, relay).forCollection(collection, Organization.class,
                "organisation.introuvable");
    }

    @Test
    void aMissingAggregateIsTheStoresNotFound() {
        assertThatThrownBy(() -> store.change("absent", null, ANYONE, o -> Change.of(o.rename("x"))))
                .isInstanceOf(NotFoundException.class)
                .extracting(e -> ((ProblemException) e).code()).isEqualTo("organisation.introuvable");
    }

    @Test
    void aCallerWhoMayNotActGetsTheGuardsAnswerEvenWithAStaleVersion() {
        String id = created();
        Consumer<Organization> ownerOnly = o -> {
            if (!o.ownerId().equals("someone-else")) {
                throw new ForbiddenException("acces.organisation-refusee", id);
            }
        };

        assertThatThrownBy(() -> store.change(id, 99L, ownerOnly, o -> Change.of(o.rename("x"))))
                .isInstanceOf(ForbiddenException.class);
        assertThat(store.get(id).version()).isEqualTo(1);
    }

    @Test
    void anAuthorizedCallerWithAStaleVersionGets412AndNothingChanges() {
        String id = created();

        assertThatThrownBy(() -> store.change(id, 7L, ANYONE, o -> Change.of(o.rename("x"))))
                .isInstanceOf(VersionConflictException.class);
        assertThat(store.get(id).state().name()).isEqualTo("v1");
    }

    @Test
    void theChangeIsWrittenWithItsEventsAtTheNextVersion() {
        String id = created();

        Versioned<Organization> changed = store.change(id, 1L, ANYONE,
                o -> Change.of(o.rename("v2"), event(id, "v2")));

        assertThat(changed.version()).isEqualTo(2);
        assertThat(store.get(id).state().name()).isEqualTo("v2");
        assertThat(outboxSize(id)).isEqualTo(2);
    }

    @Test
    void anUnchangedOutcomeWritesNothing() {
        String id = created();

        Versioned<Organization> same = store.change(id, null, ANYONE, o -> Change.unchanged());

        assertThat(same.version()).isEqualTo(1);
        assertThat(store.get(id).version()).isEqualTo(1);
    }

    @Test
    void withoutAVersionAConcurrentWriteIsRetriedOnTheFreshState() {
        String id = created();
        AtomicInteger calls = new AtomicInteger();

        Versioned<Organization> changed = store.change(id, null, ANYONE, o -> {
            if (calls.incrementAndGet() == 1) {
                concurrentWrite(id, "meanwhile");
            }
            return Change.of(o.rename(o.name() + "+mine"));
        });

        assertThat(calls).hasValue(2);
        assertThat(changed.state().name()).isEqualTo("meanwhile+mine");
        assertThat(changed.version()).isEqualTo(3);
    }

    @Test
    void withoutAVersionEndlessConcurrentWritersEndIn409() {
        String id = created();
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> store.change(id, null, ANYONE, o -> {
            calls.incrementAndGet();
            concurrentWrite(id, "again");
            return Change.of(o.rename("mine"));
        })).isInstanceOf(ConflictException.class)
                .extracting(e -> ((ProblemException) e).code()).isEqualTo("version.concurrente");
        assertThat(calls).hasValue(AggregateStore.CHANGE_ATTEMPTS);
    }

    @Test
    void withAVersionAConcurrentWriteIs412() {
        String id = created();

        assertThatThrownBy(() -> store.change(id, 1L, ANYONE, o -> {
            concurrentWrite(id, "meanwhile");
            return Change.of(o.rename("mine"));
        })).isInstanceOf(VersionConflictException.class);
        assertThat(store.get(id).state().name()).isEqualTo("meanwhile");
    }

    private String created() {
        String id = UUID.randomUUID().toString();
        store.insert(id, new Organization("v1", "owner"), List.of(event(id, "v1")));
        return id;
    }

    private void concurrentWrite(String id, String name) {
        Versioned<Organization> now = store.get(id);
        store.update(id, now.version(), now.state().rename(name), List.of());
    }

    private long outboxSize(String id) {
        Document document = mongo.getCollection(store.collection()).find(Filters.eq("_id", id)).first();
        return document.getList(OutboxFields.OUTBOX, Document.class).size();
    }

    private static OrganizationRegistered event(String id, String name) {
        return new OrganizationRegistered(id, name, "1234567890", "OBNL", "06", List.of());
    }
}
