package qc.esac.membership.organization;

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
import qc.esac.kit.store.RetiredIndexes;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/** The organizations collection: its indexes (the NEQ is unique) and every query on an organization's fields. */
@Component
class Organizations {

    static final String COLLECTION = "organizations";

    private static final String NEQ = "state.profile.neq";
    private static final String SEARCH_NAME = "state.searchName";
    private static final String REGION = "state.profile.regionCode";
    private static final String SECTORS = "state.profile.sectorCodes";
    private static final String LEGAL_FORM = "state.profile.legalForm";
    private static final String CLOSED_ON = "state.closedOn";

    private final AggregateStore<Organization> store;

    Organizations(AggregateStores stores, MongoTemplate mongo) {
        this.store = stores.forCollection(COLLECTION, Organization.class, "organisation.introuvable");
        IndexOperations indexes = mongo.indexOps(COLLECTION);
        // The walking skeleton kept the NEQ at state.neq; its unique index would now see every new document as
        // a duplicate null. Stores created by it (local data) lose it here.
        RetiredIndexes.drop(indexes,
                index -> index.getName().equals("neq") && index.isIndexForFields(List.of("state.neq")));
        // The list is sorted by name then id and paged: {searchName, _id} gives that order (a walk of the index
        // that stops after the page), where the former {searchName} alone left MongoDB a sort in memory.
        RetiredIndexes.drop(indexes,
                index -> index.getName().equals("searchName") && index.isIndexForFields(List.of(SEARCH_NAME)));
        indexes.createIndex(new Index().on(NEQ, Sort.Direction.ASC).unique().named("profileNeq"));
        indexes.createIndex(new Index().on(SEARCH_NAME, Sort.Direction.ASC).on("_id", Sort.Direction.ASC)
                .named("searchNameId"));
        // The list leaves closed organizations out and counts the open ones ({closedOn: null}).
        indexes.createIndex(new Index().on(CLOSED_ON, Sort.Direction.ASC).named("closedOn"));
        indexes.createIndex(new Index().on(REGION, Sort.Direction.ASC).named("region"));
        indexes.createIndex(new Index().on(SECTORS, Sort.Direction.ASC).named("sectors"));
        indexes.createIndex(new Index().on(LEGAL_FORM, Sort.Direction.ASC).named("legalForm"));
    }

    Optional<Versioned<Organization>> find(String id) {
        return store.find(id);
    }

    Versioned<Organization> get(String id) {
        return store.get(id);
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the id or the NEQ is taken */
    Versioned<Organization> insert(Change<Organization> registered) {
        return store.insert(registered.state().id(), registered.state(), registered.events());
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the new NEQ is another organization's */
    Versioned<Organization> change(String id, Long expectedVersion, Consumer<? super Organization> authorize,
                                   Function<? super Organization, Change<Organization>> command) {
        return store.change(id, expectedVersion, authorize, command);
    }

    List<String> closedIds() {
        return store.find(new Query(Criteria.where(CLOSED_ON).ne(null))).stream().map(Versioned::id).toList();
    }

    List<Versioned<Organization>> findAll(Collection<String> ids) {
        return store.find(new Query(Criteria.where("_id").in(ids)));
    }

    /**
     * Organizations matching the criteria, by name.
     *
     * @param onlyIds when not null, only these organizations
     */
    PageView<Versioned<Organization>> search(OrganizationService.SearchCriteria criteria, Collection<String> onlyIds,
                                             int page, int size) {
        Query query = new Query();
        if (criteria.name() != null && !criteria.name().isBlank()) {
            query.addCriteria(Criteria.where(SEARCH_NAME)
                    .regex(".*" + Pattern.quote(Organization.fold(criteria.name())) + ".*"));
        }
        if (criteria.regionCode() != null) {
            query.addCriteria(Criteria.where(REGION).is(criteria.regionCode()));
        }
        if (criteria.sectorCode() != null) {
            query.addCriteria(Criteria.where(SECTORS).is(criteria.sectorCode()));
        }
        if (criteria.legalForm() != null) {
            query.addCriteria(Criteria.where(LEGAL_FORM).is(criteria.legalForm()));
        }
        if (!criteria.includeClosed()) {
            query.addCriteria(Criteria.where(CLOSED_ON).is(null));
        }
        if (onlyIds != null) {
            query.addCriteria(Criteria.where("_id").in(onlyIds));
        }
        long total = store.count(query);
        query.with(Sort.by(SEARCH_NAME, "_id")).skip((long) page * size).limit(size);
        List<Versioned<Organization>> items = store.find(query);
        return new PageView<>(items, page, size, total, (int) ((total + size - 1) / size));
    }
}
