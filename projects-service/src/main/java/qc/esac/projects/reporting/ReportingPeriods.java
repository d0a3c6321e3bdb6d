package qc.esac.projects.reporting;

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

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/** The reporting periods collection: its indexes and the queries on a period's fields. */
@Component
class ReportingPeriods {

    static final String COLLECTION = "reporting_periods";

    private static final String PROJECT = "state.projectId";
    private static final String START = "state.startDate";
    private static final String STATUS = "state.status";

    private final AggregateStore<ReportingPeriod> store;

    ReportingPeriods(AggregateStores stores, MongoTemplate mongo) {
        this.store = stores.forCollection(COLLECTION, ReportingPeriod.class, "periode.introuvable");
        IndexOperations indexes = mongo.indexOps(COLLECTION);
        indexes.createIndex(new Index().on(PROJECT, Sort.Direction.ASC).on(START, Sort.Direction.ASC)
                .named("project_start"));
        indexes.createIndex(new Index().on(STATUS, Sort.Direction.ASC).named("status"));
    }

    Optional<Versioned<ReportingPeriod>> find(String id) {
        return store.find(id);
    }

    Versioned<ReportingPeriod> insert(ReportingPeriod period) {
        return store.insert(period.id(), period, List.of());
    }

    Versioned<ReportingPeriod> change(String id, Long expectedVersion, Consumer<? super ReportingPeriod> authorize,
                                      Function<? super ReportingPeriod, Change<ReportingPeriod>> command) {
        return store.change(id, expectedVersion, authorize, command);
    }

    /** The project's periods in chronological order. */
    List<Versioned<ReportingPeriod>> ofProject(String projectId) {
        return store.find(Query.query(Criteria.where(PROJECT).is(projectId))).stream()
                .sorted(Comparator.comparing(v -> v.state().startDate())).toList();
    }

    List<ReportingPeriod> withStatus(PeriodStatus status) {
        return store.find(Query.query(Criteria.where(STATUS).is(status.name()))).stream().map(Versioned::state)
                .toList();
    }
}
