package qc.esac.membership.roster;

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
import qc.esac.kit.web.PageView;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/** The roster entries collection: its indexes (one entry per person and organization) and queries. */
@Component
class Employees {

    static final String COLLECTION = "employees";

    private static final String IDENTITY = "state.identityKey";
    private static final String ORGANIZATION = "state.organizationId";
    private static final String LAST_NAME = "state.details.lastName";
    private static final String FIRST_NAME = "state.details.firstName";
    private static final String USER = "state.userId";
    private static final String END_DATE = "state.endDate";

    private final AggregateStore<Employee> store;

    Employees(AggregateStores stores, MongoTemplate mongo) {
        this.store = stores.forCollection(COLLECTION, Employee.class, "employe.introuvable");
        IndexOperations indexes = mongo.indexOps(COLLECTION);
        indexes.createIndex(new Index().on(IDENTITY, Sort.Direction.ASC).unique().named("identity"));
        indexes.createIndex(new Index().on(ORGANIZATION, Sort.Direction.ASC).on(LAST_NAME, Sort.Direction.ASC)
                .named("organization"));
        indexes.createIndex(new Index().on(USER, Sort.Direction.ASC).sparse().named("user"));
    }

    Optional<Versioned<Employee>> find(String id) {
        return store.find(id);
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the person is on the roster already */
    Versioned<Employee> insert(Change<Employee> added) {
        return store.insert(added.state().id(), added.state(), added.events());
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the new details are another entry's person */
    Versioned<Employee> change(String id, Long expectedVersion, Consumer<? super Employee> authorize,
                               Function<? super Employee, Change<Employee>> command) {
        return store.change(id, expectedVersion, authorize, command);
    }

    /** The entries linked to this account. */
    List<Versioned<Employee>> ofUser(String userId) {
        return store.find(new Query(Criteria.where(USER).is(userId)));
    }

    /** The entry of this person ({@link Employee#identityKey}), if any. */
    Optional<Versioned<Employee>> withIdentity(String identityKey) {
        return store.find(new Query(Criteria.where(IDENTITY).is(identityKey))).stream().findFirst();
    }

    /** A page of the organization's roster by name, former employees only when asked. */
    PageView<Versioned<Employee>> ofOrganization(String organizationId, boolean includeFormer, int page, int size) {
        Criteria criteria = Criteria.where(ORGANIZATION).is(organizationId);
        if (!includeFormer) {
            criteria.and(END_DATE).is(null);
        }
        Query query = new Query(criteria);
        long total = store.count(query);
        query.with(Sort.by(LAST_NAME, FIRST_NAME, "_id")).skip((long) page * size).limit(size);
        return new PageView<>(store.find(query), page, size, total, (int) ((total + size - 1) / size));
    }
}
