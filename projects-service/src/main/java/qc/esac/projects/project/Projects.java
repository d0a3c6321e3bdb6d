package qc.esac.projects.project;

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

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/** The projects collection: its indexes and every query on a project's fields. */
@Component
class Projects {

    static final String COLLECTION = "projects";

    private static final String ID = "_id";
    private static final String STATUS = "state.status";
    private static final String ISSUES = "state.targetedIssues";
    private static final String LEAD = "state.leadOrganizationId";
    private static final String REGIONS = "state.regionCodes";
    private static final String PARTNERS = "state.partners.organizationId";
    private static final String INVITED = "state.invitations.organizationId";
    private static final String NAME = "state.name";

    private final AggregateStore<Project> store;

    Projects(AggregateStores stores, MongoTemplate mongo) {
        this.store = stores.forCollection(COLLECTION, Project.class, "projet.introuvable");
        IndexOperations indexes = mongo.indexOps(COLLECTION);
        // Lists are sorted by name then id: {name, id} walks them in that order, and the name search (a "contains",
        // any case) tests the names in that index rather than the projects; the public list is the active
        // projects in that order. These replace {name} and {status}, which left the sort to memory.
        RetiredIndexes.drop(indexes, Set.of("name", "status"));
        indexes.createIndex(new Index().on(NAME, Sort.Direction.ASC).on(ID, Sort.Direction.ASC).named("name_id"));
        indexes.createIndex(new Index().on(STATUS, Sort.Direction.ASC).on(NAME, Sort.Direction.ASC)
                .on(ID, Sort.Direction.ASC).named("status_name_id"));
        // The other filters select a few projects each, sorted in memory.
        for (String field : List.of(ISSUES, LEAD, REGIONS, PARTNERS, INVITED)) {
            indexes.createIndex(new Index().on(field, Sort.Direction.ASC).named(field.substring("state.".length())));
        }
    }

    Optional<Versioned<Project>> find(String id) {
        return store.find(id);
    }

    Versioned<Project> get(String id) {
        return store.get(id);
    }

    Versioned<Project> insert(Change<Project> created) {
        return store.insert(created.state().id(), created.state(), created.events());
    }

    Versioned<Project> change(String id, Long expectedVersion, Consumer<? super Project> authorize,
                              Function<? super Project, Change<Project>> command) {
        return store.change(id, expectedVersion, authorize, command);
    }

    /** Every project by name (a few hundred at most in a programme). */
    List<Project> all() {
        return store.find(new Query().with(Sort.by(NAME, ID))).stream().map(Versioned::state).toList();
    }

    /**
     * A page of the projects matching the filter, by name then id (stable pages).
     *
     * @param involving when not null, only the projects where one of these organizations is a partner or invited
     * @param status    when not null, only projects in this status (on top of the filter's)
     */
    PageView<Versioned<Project>> search(ProjectService.ProjectFilter filter, Collection<String> involving,
                                        ProjectStatus status, int page, int size) {
        List<Criteria> criteria = new ArrayList<>();
        if (filter.issue() != null) {
            criteria.add(Criteria.where(ISSUES).is(filter.issue().name()));
        }
        if (filter.leadOrganizationId() != null) {
            criteria.add(Criteria.where(LEAD).is(filter.leadOrganizationId()));
        }
        if (filter.regionCode() != null) {
            // A project without regions covers all of Quebec. Both branches are equalities on the regions' index
            // (an empty array is one of its keys); $size could only be answered by reading every project.
            criteria.add(new Criteria().orOperator(Criteria.where(REGIONS).is(filter.regionCode()),
                    Criteria.where(REGIONS).is(List.of())));
        }
        if (filter.status() != null) {
            criteria.add(Criteria.where(STATUS).is(filter.status().name()));
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            criteria.add(Criteria.where(NAME).regex(Pattern.quote(filter.text().strip()), "i"));
        }
        if (involving != null) {
            criteria.add(new Criteria().orOperator(Criteria.where(PARTNERS).in(involving),
                    Criteria.where(INVITED).in(involving)));
        }
        if (status != null) {
            criteria.add(Criteria.where(STATUS).is(status.name()));
        }
        Query query = flat(criteria);
        long total = store.count(query);
        query.with(Sort.by(NAME, ID)).skip((long) page * size).limit(size);
        return new PageView<>(store.find(query), page, size, total, (int) ((total + size - 1) / size));
    }

    /**
     * All the criteria: each field's first one at the top of the query, where an index on it is found (the
     * stand-in store only looks there), the others ($or, a field's second condition) under one $and.
     */
    private static Query flat(List<Criteria> criteria) {
        Query query = new Query();
        Set<String> fields = new HashSet<>();
        List<Criteria> nested = new ArrayList<>();
        for (Criteria criterion : criteria) {
            if (criterion.getKey() != null && fields.add(criterion.getKey())) {
                query.addCriteria(criterion);
            } else {
                nested.add(criterion);
            }
        }
        if (!nested.isEmpty()) {
            query.addCriteria(new Criteria().andOperator(nested));
        }
        return query;
    }
}
