package qc.esac.kit.support;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import qc.esac.events.membership.OrganizationRegistered;
import qc.esac.events.membership.OrganizationUpdated;
import qc.esac.kit.domain.Change;
import qc.esac.kit.outbox.AggregateStore;
import qc.esac.kit.outbox.AggregateStores;
import qc.esac.kit.outbox.OutboxBacklog;
import qc.esac.kit.outbox.OutboxEventFactory;
import qc.esac.kit.outbox.OutboxProperties;
import qc.esac.kit.outbox.OutboxRelay;
import qc.esac.kit.outbox.Versioned;
import qc.esac.kit.problem.ConflictException;
import qc.esac.kit.web.VersionHeaders;

/**
 * A create (server-chosen id, a unique NEQ) and a change (If-Match) written through an {@link AggregateStore}, as
 * services do, for the tests of a request re-run after its answer was lost. The relay is never started: the tests
 * look at the documents and their outbox.
 */
@RestController
public class AggregateTestController {

    public static final String COLLECTION = "test_organizations";

    /** Makes the next write's request fail after the write is committed (a 500 once the data is saved). */
    public final AtomicBoolean failAfterNextWrite = new AtomicBoolean();

    private final AggregateStore<Organization> store;

    public record Organization(String name, String neq) {
    }

    public record Registration(String name, String neq) {
    }

    public record View(String id, String name, String neq) {
        static View of(Versioned<Organization> organization) {
            return new View(organization.id(), organization.state().name(), organization.state().neq());
        }
    }

    public AggregateTestController(MongoTemplate mongo) {
        Clock clock = Clock.systemUTC();
        OutboxProperties properties = new OutboxProperties(Duration.ofSeconds(1), Duration.ofSeconds(30),
                Duration.ofSeconds(30), Duration.ofSeconds(4), 100, 2);
        OutboxRelay relay = new OutboxRelay(mongo, null, properties, clock,
                new OutboxBacklog(mongo, clock, new SimpleMeterRegistry()));
        OutboxEventFactory events = new OutboxEventFactory(JsonMapper.builder().build(), clock,
                new StaticListableBeanFactory().getBeanProvider(io.micrometer.tracing.Tracer.class));
        this.store = new AggregateStores(mongo, events, relay).forCollection(COLLECTION, Organization.class);
        mongo.getCollection(COLLECTION).createIndex(Indexes.ascending("state.neq"),
                new IndexOptions().unique(true).name("neq"));
    }

    @PostMapping("/test/idem/organizations")
    public ResponseEntity<View> register(@RequestBody Registration request) {
        String id = UUID.randomUUID().toString();
        Versioned<Organization> created;
        try {
            created = store.insert(id, new Organization(request.name(), request.neq()), List.of(
                    new OrganizationRegistered(id, request.name(), request.neq(), "OBNL", "06", List.of())));
        }
        catch (DuplicateKeyException e) {
            throw new ConflictException("organisation.neq-existant", request.neq());
        }
        failIfAsked();
        return ResponseEntity.created(URI.create("/test/idem/organizations/" + created.id()))
                .eTag(VersionHeaders.etag(created.version())).body(View.of(created));
    }

    @PostMapping("/test/idem/organizations/{id}/name")
    public ResponseEntity<View> rename(@PathVariable String id, @RequestHeader(VersionHeaders.IF_MATCH) String ifMatch,
            @RequestBody Registration request) {
        Versioned<Organization> renamed = store.change(id, VersionHeaders.requiredVersion(ifMatch), o -> { },
                o -> Change.of(new Organization(request.name(), o.neq()),
                        new OrganizationUpdated(id, request.name(), o.neq(), "OBNL", "06", List.of(),
                                List.of(), null, null, null, null, null, null, "fr", List.of("legalName"))));
        failIfAsked();
        return ResponseEntity.ok().eTag(VersionHeaders.etag(renamed.version())).body(View.of(renamed));
    }

    private void failIfAsked() {
        if (failAfterNextWrite.compareAndSet(true, false)) {
            throw new IllegalStateException("failure after the write was committed");
        }
    }
}
