package qc.esac.membership.privacy;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import qc.esac.kit.domain.Change;
import qc.esac.kit.outbox.AggregateStore;
import qc.esac.kit.outbox.AggregateStores;
import qc.esac.kit.outbox.Versioned;
import qc.esac.kit.web.PageView;

import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/** The privacy incidents collection: its index and the register's query. */
@Component
class PrivacyIncidents {

    static final String COLLECTION = "privacy-incidents";

    private static final String NETWORK = "state.networkId";
    private static final String OCCURRED_ON = "state.details.occurredOn";

    private final AggregateStore<PrivacyIncident> store;

    PrivacyIncidents(AggregateStores stores, MongoTemplate mongo) {
        this.store = stores.forCollection(COLLECTION, PrivacyIncident.class, "incident.introuvable");
        mongo.indexOps(COLLECTION).createIndex(new Index().on(NETWORK, Sort.Direction.ASC)
                .on(OCCURRED_ON, Sort.Direction.DESC).named("networkDate"));
    }

    Versioned<PrivacyIncident> get(String id) {
        return store.get(id);
    }

    Versioned<PrivacyIncident> insert(PrivacyIncident incident) {
        return store.insert(incident.id(), incident, List.of());
    }

    Versioned<PrivacyIncident> change(String id, Long expectedVersion, Consumer<? super PrivacyIncident> authorize,
                                      Function<? super PrivacyIncident, Change<PrivacyIncident>> command) {
        return store.change(id, expectedVersion, authorize, command);
    }

    /** A page of the incidents of these networks, most recent first. */
    PageView<Versioned<PrivacyIncident>> ofNetworks(Collection<String> networkIds, int page, int size) {
        Query query = new Query(Criteria.where(NETWORK).in(networkIds));
        long total = store.count(query);
        query.with(Sort.by(Sort.Direction.DESC, OCCURRED_ON).and(Sort.by("_id"))).skip((long) page * size)
                .limit(size);
        return new PageView<>(store.find(query), page, size, total, (int) ((total + size - 1) / size));
    }
}
