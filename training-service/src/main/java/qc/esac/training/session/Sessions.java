package qc.esac.training.session;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import qc.esac.events.EventData;
import qc.esac.kit.domain.Change;
import qc.esac.kit.outbox.AggregateStore;
import qc.esac.kit.outbox.AggregateStores;
import qc.esac.kit.outbox.Versioned;
import qc.esac.kit.web.PageView;
import qc.esac.kit.store.RetiredIndexes;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/** The sessions collection: its indexes and every query on a session's fields. */
@Component
class Sessions {

    static final String COLLECTION = "sessions";

    private static final String ID = "_id";
    private static final String NETWORK = "state.networkId";
    private static final String START = "state.startDate";
    private static final String COURSE = "state.courseId";
    private static final String STATUS = "state.status";
    private static final String PARTICIPANT = "state.registrations.participant.personId";
    private static final String REGISTERING_ORGANIZATION = "state.registrations.organizationId";
    private static final String ATTESTATION_CODE = "state.registrations.attestation.verificationCode";

    private final AggregateStore<Session> store;

    Sessions(AggregateStores stores, MongoTemplate mongo) {
        this.store = stores.forCollection(COLLECTION, Session.class, "seance.introuvable");
        IndexOperations indexes = mongo.indexOps(COLLECTION);
        // Each query's equality first, then its sort (the calendar's start date then id, which is also the range
        // of "from" and of a year's figures). These replace single-field indexes that left the sort to memory.
        RetiredIndexes.drop(indexes, Set.of("network_start", "course", "participant", "registering_organization",
                "attestation_code"));
        indexes.createIndex(new Index().on(START, Sort.Direction.ASC).on(ID, Sort.Direction.ASC).named("start_id"));
        indexes.createIndex(new Index().on(NETWORK, Sort.Direction.ASC).on(START, Sort.Direction.ASC)
                .on(ID, Sort.Direction.ASC).named("network_start_id"));
        indexes.createIndex(new Index().on(STATUS, Sort.Direction.ASC).on(START, Sort.Direction.ASC)
                .on(ID, Sort.Direction.ASC).named("status_start_id"));
        indexes.createIndex(new Index().on(COURSE, Sort.Direction.ASC).on(START, Sort.Direction.ASC)
                .on(ID, Sort.Direction.ASC).named("course_start_id"));
        indexes.createIndex(new Index().on(PARTICIPANT, Sort.Direction.ASC).on(START, Sort.Direction.ASC)
                .named("participant_start"));
        indexes.createIndex(new Index().on(REGISTERING_ORGANIZATION, Sort.Direction.ASC).on(START, Sort.Direction.ASC)
                .named("registering_organization_start"));
        // Only attested registrations have a code: sessions without any are left out of the index.
        indexes.createIndex(new Index().on(ATTESTATION_CODE, Sort.Direction.ASC).sparse().named("attestation"));
    }

    Optional<Versioned<Session>> find(String id) {
        return store.find(id);
    }

    Versioned<Session> get(String id) {
        return store.get(id);
    }

    Versioned<Session> insert(String id, Session session, List<? extends EventData> events) {
        return store.insert(id, session, events);
    }

    Versioned<Session> change(String id, Long expectedVersion, Consumer<? super Session> authorize,
                              Function<? super Session, Change<Session>> command) {
        return store.change(id, expectedVersion, authorize, command);
    }

    /** Sessions where one of these people has a registration, most recent first. */
    List<Session> ofPeople(Collection<String> personIds) {
        return states(Query.query(Criteria.where(PARTICIPANT).in(personIds)).with(Sort.by(Sort.Direction.DESC, START)));
    }

    /** Sessions where the organization registered someone, most recent first. */
    List<Session> ofOrganization(String organizationId) {
        return states(Query.query(Criteria.where(REGISTERING_ORGANIZATION).is(organizationId))
                .with(Sort.by(Sort.Direction.DESC, START)));
    }

    Optional<Session> withAttestation(String verificationCode) {
        return states(Query.query(Criteria.where(ATTESTATION_CODE).is(verificationCode)).limit(1)).stream()
                .findFirst();
    }

    /** The public calendar: every filter optional, by start date. */
    PageView<Versioned<Session>> search(String courseId, String networkId, SessionStatus status, LocalDate from,
                                        int page, int size) {
        Criteria criteria = new Criteria();
        if (courseId != null) {
            criteria.and(COURSE).is(courseId);
        }
        if (networkId != null) {
            criteria.and(NETWORK).is(networkId);
        }
        if (status != null) {
            criteria.and(STATUS).is(status.name());
        }
        if (from != null) {
            criteria.and(START).gte(from);
        }
        Query query = Query.query(criteria);
        long total = store.count(query);
        query.with(Sort.by(START, ID)).skip((long) page * size).limit(size);
        return new PageView<>(store.find(query), page, size, total, (int) ((total + size - 1) / size));
    }

    /** Sessions completed whose first day falls in [from, to], optionally of one network. */
    List<Session> completedBetween(LocalDate from, LocalDate to, String networkId) {
        Criteria criteria = Criteria.where(STATUS).is(SessionStatus.COMPLETED.name()).and(START).gte(from).lte(to);
        if (networkId != null) {
            criteria.and(NETWORK).is(networkId);
        }
        return states(Query.query(criteria));
    }

    private List<Session> states(Query query) {
        return store.find(query).stream().map(Versioned::state).toList();
    }
}
