package qc.esac.training.diagnostic;

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

import java.util.Set;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/** The diagnostics collection: its indexes and the queries on a diagnostic's fields. */
@Component
class Diagnostics {

    static final String COLLECTION = "diagnostics";

    private static final String ORGANIZATION = "state.organizationId";
    private static final String OPENED_ON = "state.openedOn";
    private static final String RESPONDENT = "state.answers.respondentId";

    private final AggregateStore<Diagnostic> store;

    Diagnostics(AggregateStores stores, MongoTemplate mongo) {
        this.store = stores.forCollection(COLLECTION, Diagnostic.class, "diagnostic.introuvable");
        IndexOperations indexes = mongo.indexOps(COLLECTION);
        // Both lists are sorted by opening date: {organization} alone, which these replace, left that to memory.
        RetiredIndexes.drop(indexes, Set.of("organization"));
        indexes.createIndex(new Index().on(ORGANIZATION, Sort.Direction.ASC).on(OPENED_ON, Sort.Direction.ASC)
                .named("organization_opened"));
        indexes.createIndex(new Index().on(RESPONDENT, Sort.Direction.ASC).on(OPENED_ON, Sort.Direction.ASC)
                .named("respondent_opened"));
    }

    Versioned<Diagnostic> get(String id) {
        return store.get(id);
    }

    Versioned<Diagnostic> insert(String id, Diagnostic diagnostic) {
        return store.insert(id, diagnostic, List.of());
    }

    Versioned<Diagnostic> change(String id, Long expectedVersion, Consumer<? super Diagnostic> authorize,
                                 Function<? super Diagnostic, Change<Diagnostic>> command) {
        return store.change(id, expectedVersion, authorize, command);
    }

    /** An organization's diagnostics, most recently opened first. */
    List<Diagnostic> ofOrganization(String organizationId) {
        return states(Query.query(Criteria.where(ORGANIZATION).is(organizationId))
                .with(Sort.by(Sort.Direction.DESC, OPENED_ON)));
    }

    /** The diagnostics this person answered, most recently opened first. */
    List<Diagnostic> answeredBy(String respondentId) {
        return states(Query.query(Criteria.where(RESPONDENT).is(respondentId))
                .with(Sort.by(Sort.Direction.DESC, OPENED_ON)));
    }

    private List<Diagnostic> states(Query query) {
        return store.find(query).stream().map(Versioned::state).toList();
    }
}
