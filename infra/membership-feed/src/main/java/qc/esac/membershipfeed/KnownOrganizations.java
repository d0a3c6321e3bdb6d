package qc.esac.membershipfeed;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import qc.esac.events.membership.OrganizationClosed;
import qc.esac.events.membership.OrganizationRegistered;
import qc.esac.events.membership.OrganizationUpdated;
import qc.esac.kit.messaging.IdempotentUpdates;
import qc.esac.kit.messaging.IncomingEvent;
import qc.esac.kit.time.QuebecTime;

import java.util.List;
import java.util.Optional;

/** The organizations read model: one document per organization, read by {@code _id}, each event applied once. */
public class KnownOrganizations {

    public static final String COLLECTION = "known_organizations";

    private final MongoTemplate mongo;
    private final IdempotentUpdates updates;

    public KnownOrganizations(MongoTemplate mongo, IdempotentUpdates updates) {
        this.mongo = mongo;
        this.updates = updates;
    }

    public boolean applyRegistered(IncomingEvent event, OrganizationRegistered registered) {
        return updates.applyIfNewer(COLLECTION, registered.organizationId(), event, profile(registered.legalName(),
                registered.neq(), registered.legalForm(), registered.regionCode(), registered.sectorCodes(),
                registered.illustrative()));
    }

    public boolean applyUpdated(IncomingEvent event, OrganizationUpdated updated) {
        return updates.applyIfNewer(COLLECTION, updated.organizationId(), event, profile(updated.legalName(),
                updated.neq(), updated.legalForm(), updated.regionCode(), updated.sectorCodes(), updated.illustrative()));
    }

    /** Closed on the day the event says, or the Quebec day it happened when it says none. */
    public boolean applyClosed(IncomingEvent event, OrganizationClosed closed) {
        Update update = new Update().set("legalName", closed.legalName()).set("neq", closed.neq())
                .set("closedOn", closed.closedOn() != null ? closed.closedOn() : QuebecTime.dayOf(event.time()));
        return updates.applyIfNewer(COLLECTION, closed.organizationId(), event, update);
    }

    public Optional<KnownOrganization> find(String id) {
        return Optional.ofNullable(mongo.findById(id, KnownOrganization.class, COLLECTION));
    }

    /** The known ones among {@code ids}, by id (one query by {@code _id}). */
    public Map<String, KnownOrganization> findAll(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), KnownOrganization.class, COLLECTION).stream()
                .collect(Collectors.toMap(KnownOrganization::id, Function.identity()));
    }

    /** The profile an event carries; an event without the illustrative flag says the profile is not illustrative. */
    private static Update profile(String legalName, String neq, String legalForm, String regionCode,
                                  List<String> sectorCodes, Boolean illustrative) {
        return new Update().set("legalName", legalName).set("neq", neq).set("legalForm", legalForm)
                .set("regionCode", regionCode).set("sectorCodes", sectorCodes == null ? List.of() : sectorCodes)
                .set("illustrative", Boolean.TRUE.equals(illustrative));
    }
}
