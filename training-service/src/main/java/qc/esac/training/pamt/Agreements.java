package qc.esac.training.pamt;

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

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/** The PAMT agreements collection: its indexes and every query on an agreement's fields. */
@Component
class Agreements {

    static final String COLLECTION = "pamt_agreements";

    private static final String ORGANIZATION = "state.organizationId";
    private static final String NETWORK = "state.networkId";
    private static final String SIGNED_ON = "state.signedOn";
    private static final String APPRENTICE = "state.apprentice.employeeId";
    private static final String COMPANION = "state.companion.employeeId";
    private static final String CERTIFICATE_CODE = "state.certificate.verificationCode";
    private static final String COMPETENCY_CODE = "state.competencies.verificationCode";

    private final AggregateStore<Agreement> store;

    Agreements(AggregateStores stores, MongoTemplate mongo) {
        this.store = stores.forCollection(COLLECTION, Agreement.class, "pamt.entente-introuvable");
        IndexOperations indexes = mongo.indexOps(COLLECTION);
        // The lists are sorted by signing date, so it follows each equality; the codes are optional (sparse). These
        // replace single-field indexes that left the sort to memory and indexed every agreement without a code.
        RetiredIndexes.drop(indexes, Set.of("organization", "certificate_code", "competency_code"));
        indexes.createIndex(new Index().on(ORGANIZATION, Sort.Direction.ASC).on(SIGNED_ON, Sort.Direction.ASC)
                .named("organization_signed"));
        // A person's agreements: one index per side of the $or, each in signing order.
        indexes.createIndex(new Index().on(APPRENTICE, Sort.Direction.ASC).on(SIGNED_ON, Sort.Direction.ASC)
                .named("apprentice_signed"));
        indexes.createIndex(new Index().on(COMPANION, Sort.Direction.ASC).on(SIGNED_ON, Sort.Direction.ASC)
                .named("companion_signed"));
        // Figures: signed by a day, of one network or of all.
        indexes.createIndex(new Index().on(NETWORK, Sort.Direction.ASC).on(SIGNED_ON, Sort.Direction.ASC)
                .named("network_signed"));
        indexes.createIndex(new Index().on(SIGNED_ON, Sort.Direction.ASC).named("signed_on"));
        indexes.createIndex(new Index().on(CERTIFICATE_CODE, Sort.Direction.ASC).sparse().named("certificate"));
        indexes.createIndex(new Index().on(COMPETENCY_CODE, Sort.Direction.ASC).sparse()
                .named("competency_attestation"));
    }

    Versioned<Agreement> get(String id) {
        return store.get(id);
    }

    Versioned<Agreement> insert(String id, Change<Agreement> signed) {
        return store.insert(id, signed.state(), signed.events());
    }

    Versioned<Agreement> change(String id, Long expectedVersion, Consumer<? super Agreement> authorize,
                                Function<? super Agreement, Change<Agreement>> command) {
        return store.change(id, expectedVersion, authorize, command);
    }

    /** An organization's agreements, most recently signed first. */
    List<Agreement> ofOrganization(String organizationId) {
        return states(Query.query(Criteria.where(ORGANIZATION).is(organizationId))
                .with(Sort.by(Sort.Direction.DESC, SIGNED_ON)));
    }

    /** The agreements where one of these employees is the apprentice or the companion, most recent first. */
    List<Agreement> ofPeople(Collection<String> employeeIds) {
        return states(Query.query(new Criteria().orOperator(Criteria.where(APPRENTICE).in(employeeIds),
                Criteria.where(COMPANION).in(employeeIds))).with(Sort.by(Sort.Direction.DESC, SIGNED_ON)));
    }

    /** Agreements signed by {@code to}, optionally of one network. */
    List<Agreement> signedBy(LocalDate to, String networkId) {
        Criteria criteria = Criteria.where(SIGNED_ON).lte(to);
        if (networkId != null) {
            criteria.and(NETWORK).is(networkId);
        }
        return states(Query.query(criteria));
    }

    /** The agreement holding a certificate or partial-attestation code. */
    Optional<Agreement> withCode(String code) {
        return states(Query.query(new Criteria().orOperator(Criteria.where(CERTIFICATE_CODE).is(code),
                Criteria.where(COMPETENCY_CODE).is(code))).limit(1)).stream().findFirst();
    }

    private List<Agreement> states(Query query) {
        return store.find(query).stream().map(Versioned::state).toList();
    }
}
