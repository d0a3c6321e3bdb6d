package qc.esac.insurance.participation;

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

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/** The participations collection (one per employer, keyed by the organization id): its index and queries. */
@Component
class Participations {

    static final String COLLECTION = "participations";

    private static final String ID = "_id";
    private static final String STATUS = "state.status";

    private final AggregateStore<Participation> store;

    Participations(AggregateStores stores, MongoTemplate mongo) {
        this.store = stores.forCollection(COLLECTION, Participation.class, "participation.introuvable");
        // Participations in some statuses, by organization id: replaces {status}, which left the sort to memory.
        IndexOperations indexes = mongo.indexOps(COLLECTION);
        RetiredIndexes.drop(indexes, Set.of("status"));
        indexes.createIndex(new Index().on(STATUS, Sort.Direction.ASC).on(ID, Sort.Direction.ASC).named("status_id"));
    }

    Optional<Versioned<Participation>> find(String organizationId) {
        return store.find(organizationId);
    }

    Versioned<Participation> get(String organizationId) {
        return store.get(organizationId);
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the employer has a participation already */
    Versioned<Participation> insert(String organizationId, Change<Participation> applied) {
        return store.insert(organizationId, applied.state(), applied.events());
    }

    Versioned<Participation> change(String organizationId, Long expectedVersion,
                                    Consumer<? super Participation> authorize,
                                    Function<? super Participation, Change<Participation>> command) {
        return store.change(organizationId, expectedVersion, authorize, command);
    }

    /** Participations in any of these statuses, by organization id. */
    List<Versioned<Participation>> withStatus(Collection<ParticipationStatus> statuses) {
        List<String> names = statuses.stream().map(ParticipationStatus::name).toList();
        return store.find(Query.query(Criteria.where(STATUS).in(names)).with(Sort.by(ID)));
    }

    List<Versioned<Participation>> page(int page, int size) {
        return store.find(new Query().with(Sort.by(ID)).skip((long) page * size).limit(size));
    }

    long count() {
        return store.count(new Query());
    }
}
