package qc.esac.training.organization;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import qc.esac.events.membership.OrganizationClosed;
import qc.esac.events.membership.OrganizationRegistered;
import qc.esac.events.membership.OrganizationUpdated;
import qc.esac.kit.messaging.IdempotentUpdates;
import qc.esac.kit.messaging.IncomingEvent;

import java.util.Optional;

/** The organizations read model, kept up to date from membership events, each applied once. */
@Component
public class KnownOrganizations {

    static final String COLLECTION = "known_organizations";

    private final MongoTemplate mongo;
    private final IdempotentUpdates updates;

    KnownOrganizations(MongoTemplate mongo, IdempotentUpdates updates) {
        this.mongo = mongo;
        this.updates = updates;
    }

    boolean apply(IncomingEvent event, OrganizationRegistered registered) {
        Update update = new Update()
                .set("legalName", registered.legalName())
                .set("legalForm", registered.legalForm())
                .set("regionCode", registered.regionCode())
                .set("sectorCodes", registered.sectorCodes());
        return updates.applyIfNewer(COLLECTION, registered.organizationId(), event, update);
    }

    boolean applyUpdated(IncomingEvent event, OrganizationUpdated updated) {
        Update update = new Update()
                .set("legalName", updated.legalName())
                .set("legalForm", updated.legalForm())
                .set("regionCode", updated.regionCode())
                .set("sectorCodes", updated.sectorCodes());
        return updates.applyIfNewer(COLLECTION, updated.organizationId(), event, update);
    }

    /** A closed organization stays known (its people's attestations name it) but is marked closed. */
    boolean applyClosed(IncomingEvent event, OrganizationClosed closed) {
        Update update = new Update().set("legalName", closed.legalName()).set("closedOn", closed.closedOn());
        return updates.applyIfNewer(COLLECTION, closed.organizationId(), event, update);
    }

    public Optional<KnownOrganization> find(String id) {
        return Optional.ofNullable(mongo.findById(id, KnownOrganization.class, COLLECTION));
    }
}
