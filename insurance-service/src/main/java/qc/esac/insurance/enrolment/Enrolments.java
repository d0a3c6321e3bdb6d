package qc.esac.insurance.enrolment;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import qc.esac.kit.domain.Change;
import qc.esac.kit.outbox.AggregateStore;
import qc.esac.kit.outbox.AggregateStores;
import qc.esac.kit.outbox.Versioned;
import qc.esac.kit.store.RetiredIndexes;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/** The enrolments collection (one per employee, keyed by the employee id): its indexes and queries. */
@Component
class Enrolments {

    static final String COLLECTION = "enrolments";

    private static final String ID = "_id";
    private static final String ORGANIZATION = "state.organizationId";
    private static final String STATUS = "state.status";
    private static final String USER = "state.userId";
    private static final String REQUESTED_ON = "state.requestedOn";

    private final AggregateStore<Enrolment> store;

    Enrolments(AggregateStores stores, MongoTemplate mongo) {
        this.store = stores.forCollection(COLLECTION, Enrolment.class, "adhesion.introuvable");
        IndexOperations indexes = mongo.indexOps(COLLECTION);
        // Each list's equality, then its sort: an employer's by employee id, a status's by request then id (paged,
        // and counted). These replace {organization, status} (no query filters both) and {status, requested},
        // which left the sort to memory.
        RetiredIndexes.drop(indexes, Set.of("organization_status", "status_requested"));
        indexes.createIndex(new Index().on(ORGANIZATION, Sort.Direction.ASC).on(ID, Sort.Direction.ASC)
                .named("organization_id"));
        indexes.createIndex(new Index().on(STATUS, Sort.Direction.ASC).on(REQUESTED_ON, Sort.Direction.ASC)
                .on(ID, Sort.Direction.ASC).named("status_requested_id"));
        // An account is recorded only when the employee has one.
        indexes.createIndex(new Index().on(USER, Sort.Direction.ASC).sparse().named("user"));
    }

    Optional<Versioned<Enrolment>> find(String employeeId) {
        return store.find(employeeId);
    }

    Versioned<Enrolment> get(String employeeId) {
        return store.get(employeeId);
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the employee has an enrolment already */
    Versioned<Enrolment> insert(String employeeId, Change<Enrolment> created) {
        return store.insert(employeeId, created.state(), created.events());
    }

    /**
     * Replaces an ended enrolment by a new one, if it is still at {@code expectedVersion}.
     *
     * @throws org.springframework.dao.OptimisticLockingFailureException when it changed meanwhile
     */
    Versioned<Enrolment> replace(String employeeId, long expectedVersion, Change<Enrolment> created) {
        return store.update(employeeId, expectedVersion, created.state(), created.events());
    }

    Versioned<Enrolment> change(String employeeId, Long expectedVersion, Consumer<? super Enrolment> authorize,
                                Function<? super Enrolment, Change<Enrolment>> command) {
        return store.change(employeeId, expectedVersion, authorize, command);
    }

    /** The enrolments recorded with this account at enrolment. */
    List<Versioned<Enrolment>> ofUser(String userId) {
        return store.find(Query.query(Criteria.where(USER).is(userId)));
    }

    /** An employer's enrolments, by employee id. */
    List<Versioned<Enrolment>> ofOrganization(String organizationId) {
        return store.find(Query.query(Criteria.where(ORGANIZATION).is(organizationId)).with(Sort.by(ID)));
    }

    /** Enrolments in a status across employers, oldest request first. */
    List<Versioned<Enrolment>> withStatus(EnrolmentStatus status, int page, int size) {
        return store.find(Query.query(Criteria.where(STATUS).is(status.name()))
                .with(Sort.by(REQUESTED_ON, ID)).skip((long) page * size).limit(size));
    }

    long countWithStatus(EnrolmentStatus status) {
        return store.count(Query.query(Criteria.where(STATUS).is(status.name())));
    }
}
