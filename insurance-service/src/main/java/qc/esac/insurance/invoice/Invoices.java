package qc.esac.insurance.invoice;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import qc.esac.events.insurance.InvoiceIssued;
import qc.esac.kit.outbox.AggregateStore;
import qc.esac.kit.outbox.AggregateStores;
import qc.esac.kit.outbox.Versioned;

import java.util.List;
import java.util.Optional;

/** The invoices collection (one per employer and month): its index and queries. */
@Component
class Invoices {

    static final String COLLECTION = "invoices";

    private static final String ORGANIZATION = "state.organizationId";
    private static final String PERIOD = "state.period";

    private final AggregateStore<Invoice> store;

    Invoices(AggregateStores stores, MongoTemplate mongo) {
        this.store = stores.forCollection(COLLECTION, Invoice.class);
        mongo.indexOps(COLLECTION).createIndex(new Index().on(ORGANIZATION, Sort.Direction.ASC)
                .on(PERIOD, Sort.Direction.DESC).named("organization_period"));
    }

    Optional<Versioned<Invoice>> find(String id) {
        return store.find(id);
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the invoice was issued already */
    Versioned<Invoice> insert(String id, Invoice invoice, InvoiceIssued issued) {
        return store.insert(id, invoice, List.of(issued));
    }

    /** A page of the employer's invoices, most recent period first. */
    List<Invoice> ofOrganization(String organizationId, int page, int size) {
        return store.find(Query.query(Criteria.where(ORGANIZATION).is(organizationId))
                        .with(Sort.by(Sort.Direction.DESC, PERIOD)).skip((long) page * size).limit(size))
                .stream().map(Versioned::state).toList();
    }

    /** Every invoice of the employer, in no particular order. */
    List<Invoice> allOf(String organizationId) {
        return store.find(Query.query(Criteria.where(ORGANIZATION).is(organizationId))).stream()
                .map(Versioned::state).toList();
    }

    long countOf(String organizationId) {
        return store.count(Query.query(Criteria.where(ORGANIZATION).is(organizationId)));
    }
}
