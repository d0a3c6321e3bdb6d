package qc.esac.training.organization;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import qc.esac.kit.messaging.IdempotentUpdates;
import qc.esac.kit.messaging.IncomingEvent;

import java.util.Optional;

/**
 * Organizations' staff rosters as training needs them (who may be registered as an employee, and under which
 * name), learned from membership roster events. One document per employee, read by {@code _id}.
 */
@Repository
public class Roster {

    static final String COLLECTION = "roster";

    private final MongoTemplate mongo;
    private final IdempotentUpdates updates;

    Roster(MongoTemplate mongo, IdempotentUpdates updates) {
        this.mongo = mongo;
        this.updates = updates;
    }

    /** Records an employee as added or updated ({@code active}) or as having left, once per event. */
    public boolean applyEmployee(IncomingEvent event, String employeeId, String organizationId, String firstName,
                                 String lastName, boolean active) {
        Update update = new Update().set("organizationId", organizationId).set("active", active);
        if (firstName != null) {
            update.set("firstName", firstName);
        }
        if (lastName != null) {
            update.set("lastName", lastName);
        }
        return updates.applyIfNewer(COLLECTION, employeeId, event, update);
    }

    public Optional<RosterEmployee> find(String employeeId) {
        return Optional.ofNullable(mongo.findById(employeeId, RosterEmployee.class, COLLECTION));
    }

    /** An employee of an organization; {@code active} is false once they left it. */
    public record RosterEmployee(String id, String organizationId, String firstName, String lastName,
                                 boolean active) {

        public boolean worksFor(String organizationId) {
            return active && this.organizationId.equals(organizationId);
        }
    }
}
