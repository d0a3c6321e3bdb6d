package qc.esac.training.organization;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import qc.esac.kit.messaging.IdempotentUpdates;
import qc.esac.kit.messaging.IncomingEvent;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Organizations' staff rosters as training needs them (who may be registered as an employee, under which name,
 * and which platform account is theirs), learned from membership roster events. One document per employee,
 * read by {@code _id}.
 */
@Component
public class Roster {

    static final String COLLECTION = "roster";

    private final MongoTemplate mongo;
    private final IdempotentUpdates updates;

    Roster(MongoTemplate mongo, IdempotentUpdates updates) {
        this.mongo = mongo;
        this.updates = updates;
        mongo.indexOps(COLLECTION).createIndex(new Index()
                .on("userId", Sort.Direction.ASC).named("user"));
    }

    /**
     * Records an employee's roster entry as it is after an event, once per event.
     *
     * @param endDate last day of employment, null while employed (may be in the future)
     * @param userId  the employee's platform account (token subject), null when none is linked
     */
    public boolean applyEmployee(IncomingEvent event, String employeeId, String organizationId, String firstName,
                                 String lastName, LocalDate endDate, String userId) {
        Update update = new Update().set("organizationId", organizationId).set("firstName", firstName)
                .set("lastName", lastName).set("endDate", endDate).set("userId", userId);
        return updates.applyIfNewer(COLLECTION, employeeId, event, update);
    }

    public Optional<RosterEmployee> find(String employeeId) {
        return Optional.ofNullable(mongo.findById(employeeId, RosterEmployee.class, COLLECTION));
    }

    /** The roster entries (one per employment) linked to a platform account. */
    public List<String> employeeIdsOf(String userId) {
        return mongo.find(Query.query(Criteria.where("userId").is(userId)),
                RosterEmployee.class, COLLECTION).stream().map(RosterEmployee::id).toList();
    }

    /** Whether the caller with token subject {@code userId} is the person {@code personId}. */
    public boolean isSamePerson(String userId, String personId) {
        return userId.equals(personId) || find(personId).map(e -> userId.equals(e.userId())).orElse(false);
    }

    /** An employee of an organization; {@code endDate} is their last day, null while employed. */
    public record RosterEmployee(String id, String organizationId, String firstName, String lastName,
                                 LocalDate endDate, String userId) {

        public boolean worksFor(String organizationId, LocalDate on) {
            return this.organizationId.equals(organizationId) && (endDate == null || !on.isAfter(endDate));
        }
    }
}
