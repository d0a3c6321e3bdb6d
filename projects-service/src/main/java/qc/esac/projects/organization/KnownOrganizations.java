package qc.esac.projects.organization;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import qc.esac.events.membership.OrganizationClosed;
import qc.esac.events.membership.OrganizationRegistered;
import qc.esac.events.membership.OrganizationUpdated;
import qc.esac.kit.messaging.IdempotentUpdates;
import qc.esac.kit.messaging.IncomingEvent;
import qc.esac.kit.problem.InvalidInputException;
import qc.esac.kit.problem.FieldViolation;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The organizations read model, kept up to date from membership events, each applied once. */
@Repository
public class KnownOrganizations {

    static final String COLLECTION = "known_organizations";

    private final MongoTemplate mongo;
    private final IdempotentUpdates updates;

    KnownOrganizations(MongoTemplate mongo, IdempotentUpdates updates) {
        this.mongo = mongo;
        this.updates = updates;
    }

    public boolean apply(IncomingEvent event, OrganizationRegistered registered) {
        Update update = new Update()
                .set("legalName", registered.legalName())
                .set("legalForm", registered.legalForm())
                .set("regionCode", registered.regionCode())
                .set("illustrative", Boolean.TRUE.equals(registered.illustrative()))
                .setOnInsert("closed", false);
        return updates.applyIfNewer(COLLECTION, registered.organizationId(), event, update);
    }

    /**
     * The organization's profile changed: its copy here takes the new name, legal form, region and illustrative
     * flag (an event without the flag says the profile is not illustrative).
     */
    public boolean apply(IncomingEvent event, OrganizationUpdated updated) {
        Update update = new Update()
                .set("legalName", updated.legalName())
                .set("legalForm", updated.legalForm())
                .set("regionCode", updated.regionCode())
                .set("illustrative", Boolean.TRUE.equals(updated.illustrative()))
                .setOnInsert("closed", false);
        return updates.applyIfNewer(COLLECTION, updated.organizationId(), event, update);
    }

    /** The organization closed: it stays known, and its projects flag it. */
    public boolean apply(IncomingEvent event, OrganizationClosed closed) {
        Update update = new Update().set("closed", true).setOnInsert("legalName", closed.legalName());
        return updates.applyIfNewer(COLLECTION, closed.organizationId(), event, update);
    }

    public Optional<KnownOrganization> find(String id) {
        return Optional.ofNullable(mongo.findById(id, KnownOrganization.class, COLLECTION));
    }

    /** The known ones among {@code ids}, by id. */
    public Map<String, KnownOrganization> findAll(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), KnownOrganization.class, COLLECTION).stream()
                .collect(Collectors.toMap(KnownOrganization::id, Function.identity()));
    }

    /**
     * The organization, which must be known to the platform.
     *
     * @throws InvalidInputException naming {@code field} when it is not
     */
    public KnownOrganization require(String id, String field) {
        return find(id).orElseThrow(() -> InvalidInputException.of(
                FieldViolation.of(field, "organisation.inconnue", id)));
    }
}
