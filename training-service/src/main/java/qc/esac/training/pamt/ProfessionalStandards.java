package qc.esac.training.pamt;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import qc.esac.kit.outbox.AggregateStore;
import qc.esac.kit.outbox.AggregateStores;
import qc.esac.kit.outbox.Versioned;

import java.util.List;

/** The professional standards collection: a standard's code is unique. */
@Component
class ProfessionalStandards {

    static final String COLLECTION = "pamt_standards";

    private static final String CODE = "state.code";

    private final AggregateStore<ProfessionalStandard> store;

    ProfessionalStandards(AggregateStores stores, MongoTemplate mongo) {
        this.store = stores.forCollection(COLLECTION, ProfessionalStandard.class, "pamt.norme-introuvable");
        mongo.indexOps(COLLECTION).createIndex(new Index().on(CODE, Sort.Direction.ASC).unique().named("code"));
    }

    Versioned<ProfessionalStandard> get(String id) {
        return store.get(id);
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the code is taken */
    Versioned<ProfessionalStandard> insert(String id, ProfessionalStandard standard) {
        return store.insert(id, standard, List.of());
    }

    /** Every standard by code (at most 500). */
    List<ProfessionalStandard> all() {
        return store.find(new Query().with(Sort.by(CODE)).limit(500)).stream().map(Versioned::state).toList();
    }
}
