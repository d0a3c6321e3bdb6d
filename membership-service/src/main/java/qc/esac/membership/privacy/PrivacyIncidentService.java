package qc.esac.membership.privacy;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import qc.esac.kit.outbox.AggregateStore;
import qc.esac.kit.outbox.AggregateStores;
import qc.esac.kit.domain.Change;
import qc.esac.kit.outbox.Versioned;
import qc.esac.kit.problem.FieldViolation;
import qc.esac.kit.problem.ForbiddenException;
import qc.esac.kit.problem.InvalidInputException;
import qc.esac.kit.security.EsacUser;
import qc.esac.kit.web.PageView;
import qc.esac.membership.QuebecCalendar;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Each network's register of confidentiality incidents: kept and read by the network's own staff only. An
 * internal register, not a public fact: it publishes no event.
 */
@Service
public class PrivacyIncidentService {

    static final String COLLECTION = "privacy-incidents";

    private final AggregateStore<PrivacyIncident> incidents;
    private final Clock clock;

    PrivacyIncidentService(AggregateStores stores, MongoTemplate mongo, Clock clock) {
        this.incidents = stores.forCollection(COLLECTION, PrivacyIncident.class, "incident.introuvable");
        this.clock = clock;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("state.networkId", Sort.Direction.ASC)
                .on("state.details.occurredOn", Sort.Direction.DESC).named("networkDate"));
    }

    public Versioned<PrivacyIncident> record(String networkId, PrivacyIncident.Details details, EsacUser user) {
        user.requireStaffOf(networkId);
        validate(details);
        PrivacyIncident incident = PrivacyIncident.record(UUID.randomUUID().toString(), networkId, details, user.id(),
                clock.instant());
        return incidents.insert(incident.id(), incident, List.of());
    }

    /** Replaces the details (the network stays); the change is audited. Staff of its network, before the version. */
    public Versioned<PrivacyIncident> amend(String id, long version, PrivacyIncident.Details details,
                                            EsacUser user) {
        requireStaff(user);
        return incidents.change(id, version, incident -> user.requireStaffOf(incident.networkId()), incident -> {
            validate(details);
            PrivacyIncident amended = incident.amend(details, user.id(), clock.instant());
            return amended == incident ? Change.unchanged() : Change.of(amended);
        });
    }

    public Versioned<PrivacyIncident> get(String id, EsacUser user) {
        requireStaff(user);
        Versioned<PrivacyIncident> incident = incidents.get(id);
        user.requireStaffOf(incident.state().networkId());
        return incident;
    }

    /** The incidents of the user's networks (or of one of them), most recent first. */
    public PageView<Versioned<PrivacyIncident>> list(String networkId, int page, int size, EsacUser user) {
        requireStaff(user);
        Set<String> networks = networkId == null ? user.networkIds() : Set.of(networkId);
        if (networkId != null) {
            user.requireStaffOf(networkId);
        }
        Query query = new Query(Criteria.where("state.networkId").in(networks));
        long total = incidents.count(query);
        query.with(Sort.by(Sort.Direction.DESC, "state.details.occurredOn").and(Sort.by("_id")))
                .skip((long) page * size).limit(size);
        return new PageView<>(incidents.find(query), page, size, total, (int) ((total + size - 1) / size));
    }

    private static void requireStaff(EsacUser user) {
        if (!user.isStaff()) {
            throw new ForbiddenException("acces.refuse");
        }
    }

    private void validate(PrivacyIncident.Details details) {
        List<FieldViolation> problems = details.violations(QuebecCalendar.today(clock));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
