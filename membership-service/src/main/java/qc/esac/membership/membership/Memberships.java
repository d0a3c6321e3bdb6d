package qc.esac.membership.membership;

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

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The memberships collection: its indexes (one live membership per organization and network) and every query
 * on a membership's fields.
 */
@Component
class Memberships {

    static final String COLLECTION = "memberships";

    private static final String LIVE_KEY = "state.liveKey";
    private static final String NETWORK = "state.networkId";
    private static final String ORGANIZATION = "state.organizationId";
    private static final String STATUS = "state.status";
    private static final String CATEGORY = "state.category";
    private static final String NEXT_CHECK = "state.nextCheckEpochDay";

    private final AggregateStore<Membership> store;

    Memberships(AggregateStores stores, MongoTemplate mongo) {
        this.store = stores.forCollection(COLLECTION, Membership.class, "adhesion.introuvable");
        IndexOperations indexes = mongo.indexOps(COLLECTION);
        indexes.createIndex(new Index().on(LIVE_KEY, Sort.Direction.ASC).unique().named("live"));
        indexes.createIndex(new Index().on(NETWORK, Sort.Direction.ASC).on(STATUS, Sort.Direction.ASC)
                .named("networkStatus"));
        indexes.createIndex(new Index().on(ORGANIZATION, Sort.Direction.ASC).named("organization"));
        // A network's list, sorted by organization then id and paged (search).
        indexes.createIndex(new Index().on(NETWORK, Sort.Direction.ASC).on(ORGANIZATION, Sort.Direction.ASC)
                .on("_id", Sort.Direction.ASC).named("networkOrganizationId"));
        indexes.createIndex(new Index().on(NEXT_CHECK, Sort.Direction.ASC).sparse().named("nextCheck"));
    }

    Versioned<Membership> get(String id) {
        return store.get(id);
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the organization has a live membership there */
    Versioned<Membership> insert(Change<Membership> applied) {
        return store.insert(applied.state().id(), applied.state(), applied.events());
    }

    Versioned<Membership> change(String id, Long expectedVersion, Consumer<? super Membership> authorize,
                                 Function<? super Membership, Change<Membership>> command) {
        return store.change(id, expectedVersion, authorize, command);
    }

    /**
     * Writes a change computed from {@code current}, only if the membership is still at its version.
     *
     * @throws org.springframework.dao.OptimisticLockingFailureException when it changed meanwhile
     */
    Versioned<Membership> update(Versioned<Membership> current, Change<Membership> change) {
        return store.update(current.id(), current.version(), change.state(), change.events());
    }

    List<Versioned<Membership>> ofOrganization(String organizationId) {
        return store.find(new Query(Criteria.where(ORGANIZATION).is(organizationId)));
    }

    /** Memberships of these organizations not ended yet. */
    List<Versioned<Membership>> liveOf(Collection<String> organizationIds) {
        return store.find(new Query(Criteria.where(ORGANIZATION).in(organizationIds).and(STATUS)
                .nin(MembershipStatus.REJECTED, MembershipStatus.RESIGNED, MembershipStatus.TERMINATED)));
    }

    /** Every membership of a network (a network has hundreds, not millions). */
    List<Versioned<Membership>> ofNetwork(String networkId) {
        return store.find(new Query(Criteria.where(NETWORK).is(networkId)));
    }

    /** Up to {@code limit} memberships with a status rule due on {@code today}, leaving out those already seen. */
    List<Versioned<Membership>> due(LocalDate today, Collection<String> seen, int limit) {
        return store.find(new Query(Criteria.where(NEXT_CHECK).lte(today.toEpochDay()).and("_id").nin(seen))
                .limit(limit));
    }

    /**
     * Memberships by network, organization, status or category (null: any), by organization.
     *
     * @param networkIds      when not null, only memberships of these networks ...
     * @param organizationIds ... or of these organizations (both null: every membership)
     */
    PageView<Versioned<Membership>> search(String networkId, String organizationId, MembershipStatus status,
                                           String category, Collection<String> networkIds,
                                           Collection<String> organizationIds, int page, int size) {
        Criteria criteria = new Criteria();
        if (networkId != null) {
            criteria.and(NETWORK).is(networkId);
        }
        if (organizationId != null) {
            criteria.and(ORGANIZATION).is(organizationId);
        }
        if (status != null) {
            criteria.and(STATUS).is(status);
        }
        if (category != null) {
            criteria.and(CATEGORY).is(category);
        }
        List<Criteria> allowed = new ArrayList<>();
        if (networkIds != null) {
            allowed.add(Criteria.where(NETWORK).in(networkIds));
        }
        if (organizationIds != null) {
            allowed.add(Criteria.where(ORGANIZATION).in(organizationIds));
        }
        if (!allowed.isEmpty()) {
            criteria = new Criteria().andOperator(criteria, new Criteria().orOperator(allowed));
        }
        Query query = new Query(criteria);
        long total = store.count(query);
        query.with(Sort.by(ORGANIZATION, "_id")).skip((long) page * size).limit(size);
        return new PageView<>(store.find(query), page, size, total, (int) ((total + size - 1) / size));
    }
}
