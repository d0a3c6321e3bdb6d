package qc.esac.training.coaching;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import qc.esac.kit.outbox.AggregateStore;
import qc.esac.kit.outbox.AggregateStores;
import qc.esac.kit.outbox.Versioned;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The coaching collection: its indexes and the queries on an entry's fields. */
@Component
class CoachingEntries {

    static final String COLLECTION = "coaching";

    private static final String ORGANIZATION = "state.organizationId";
    private static final String NETWORK = "state.networkId";
    private static final String DATE = "state.date";

    private final AggregateStore<CoachingEntry> store;

    CoachingEntries(AggregateStores stores, MongoTemplate mongo) {
        this.store = stores.forCollection(COLLECTION, CoachingEntry.class);
        IndexOperations indexes = mongo.indexOps(COLLECTION);
        indexes.createIndex(new Index().on(ORGANIZATION, Sort.Direction.ASC).on(DATE, Sort.Direction.ASC)
                .named("organization_date"));
        indexes.createIndex(new Index().on(NETWORK, Sort.Direction.ASC).on(DATE, Sort.Direction.ASC)
                .named("network_date"));
    }

    Optional<Versioned<CoachingEntry>> find(String id) {
        return store.find(id);
    }

    Versioned<CoachingEntry> insert(String id, CoachingEntry entry) {
        return store.insert(id, entry, List.of());
    }

    /** An organization's entries in [from, to] (either end optional), most recent first. */
    List<CoachingEntry> ofOrganization(String organizationId, LocalDate from, LocalDate to) {
        Criteria criteria = Criteria.where(ORGANIZATION).is(organizationId);
        between(criteria, from, to);
        return states(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, DATE)));
    }

    /** A network's entries in [from, to] (either end optional). */
    List<CoachingEntry> ofNetwork(String networkId, LocalDate from, LocalDate to) {
        Criteria criteria = Criteria.where(NETWORK).is(networkId);
        between(criteria, from, to);
        return states(Query.query(criteria));
    }

    private List<CoachingEntry> states(Query query) {
        return store.find(query).stream().map(Versioned::state).toList();
    }

    private static void between(Criteria criteria, LocalDate from, LocalDate to) {
        if (from != null && to != null) {
            criteria.and(DATE).gte(from).lte(to);
        } else if (from != null) {
            criteria.and(DATE).gte(from);
        } else if (to != null) {
            criteria.and(DATE).lte(to);
        }
    }
}
