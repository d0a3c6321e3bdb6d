package qc.esac.kit.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import qc.esac.events.membership.AccessGranted;
import qc.esac.events.membership.AccessRevoked;
import qc.esac.kit.messaging.IdempotentUpdates;
import qc.esac.kit.messaging.IncomingEvent;

/**
 * A service's own copy of the platform's grants, fed by {@code access-granted} and {@code access-revoked}: one
 * document per person ({@code _id} = their account, the token's {@code sub}) holding their active grants by
 * grant id, so that resolving a request's user is one read by id. Each event is applied at most once and never
 * over a newer one of the same grant (the kit's {@link IdempotentUpdates}). Once an event is stored, its person's
 * grants kept by {@link RecentGrants} are forgotten ({@link GrantsChanged}).
 */
public class GrantsReadModel implements GrantSource {

    /** The collection, in the service's own database. */
    public static final String COLLECTION = "access-grants";
    private static final String GRANTS = "grants";

    private final MongoTemplate mongo;
    private final IdempotentUpdates updates;
    private final ApplicationEventPublisher changes;

    public GrantsReadModel(MongoTemplate mongo, IdempotentUpdates updates, ApplicationEventPublisher changes) {
        this.mongo = mongo;
        this.updates = updates;
        this.changes = changes;
    }

    public boolean apply(IncomingEvent event) {
        String userId;
        boolean applied;
        if (event.data() instanceof AccessGranted granted) {
            Document grant = new Document("kind", granted.kind()).append("organizationId", granted.organizationId())
                    .append("networkId", granted.networkId()).append("employeeId", granted.employeeId());
            userId = granted.userId();
            applied = updates.applyIfNewer(COLLECTION, userId, event,
                    new Update().set(GRANTS + "." + granted.grantId(), grant));
        } else if (event.data() instanceof AccessRevoked revoked) {
            userId = revoked.userId();
            applied = updates.applyIfNewer(COLLECTION, userId, event,
                    new Update().unset(GRANTS + "." + revoked.grantId()));
        } else {
            return false;
        }
        // Also when not applied (a redelivery): what is kept may predate a change made before a restart.
        changes.publishEvent(new GrantsChanged(userId));
        return applied;
    }

    @Override
    public List<Grant> activeGrantsOf(String userId) {
        Document person = mongo.findById(userId, Document.class, COLLECTION);
        if (person == null || !(person.get(GRANTS) instanceof Document grants)) {
            return List.of();
        }
        List<Grant> active = new ArrayList<>();
        for (Map.Entry<String, Object> entry : grants.entrySet()) {
            if (entry.getValue() instanceof Document g) {
                active.add(new Grant(entry.getKey(), Grant.roleOfKind(g.getString("kind")),
                        g.getString("organizationId"), g.getString("networkId"), g.getString("employeeId")));
            }
        }
        return active;
    }
}
