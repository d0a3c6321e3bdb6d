package qc.esac.membershipfeed;

import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import qc.esac.events.membership.EmployeeLeft;
import qc.esac.events.membership.RosterEntryEvent;
import qc.esac.kit.messaging.IdempotentUpdates;
import qc.esac.kit.messaging.IncomingEvent;
import qc.esac.kit.time.QuebecTime;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Organizations' staff rosters, learned from membership's employee events: one document per employee (roster
 * entry), read by {@code _id}; the two other lookups (an organization's roster, a person's entries) have their
 * index.
 */
public class Roster {

    public static final String COLLECTION = "roster";

    private final MongoTemplate mongo;
    private final IdempotentUpdates updates;

    public Roster(MongoTemplate mongo, IdempotentUpdates updates) {
        this.mongo = mongo;
        this.updates = updates;
        createIndex(new Index().on("organizationId", Sort.Direction.ASC).named("organization"));
        createIndex(new Index().on("userId", Sort.Direction.ASC).named("user"));
    }

    /**
     * Records the entry as the event leaves it, once per event, with the day its weekly hours changed kept in the
     * history (insurance's eligibility counts from the day the hours last rose to a class minimum). A departure
     * without an end date ends on the Quebec day it was announced.
     */
    public boolean apply(IncomingEvent event, RosterEntryEvent r) {
        LocalDate day = QuebecTime.dayOf(event.time());
        LocalDate endDate = r instanceof EmployeeLeft && r.endDate() == null ? day : r.endDate();
        RosterEntry entry = new RosterEntry(r.employeeId(), r.organizationId(), r.firstName(), r.lastName(),
                r.employmentStatus(), r.weeklyHours(), r.hireDate(), endDate, r.userId(), List.of());
        // Through the updates, so that in a batch the entry an earlier event of the batch left is seen.
        RosterEntry previous = updates.current(COLLECTION, r.employeeId())
                .map(d -> mongo.getConverter().read(RosterEntry.class, d)).orElse(null);
        List<RosterEntry.Hours> history = entry.historyWith(previous, day);
        Update update = new Update().set("organizationId", entry.organizationId())
                .set("firstName", entry.firstName()).set("lastName", entry.lastName())
                .set("employmentStatus", entry.employmentStatus()).set("weeklyHours", entry.weeklyHours())
                .set("hireDate", entry.hireDate()).set("endDate", entry.endDate()).set("userId", entry.userId())
                .set("hoursHistory", history);
        return updates.applyIfNewer(COLLECTION, entry.id(), event, update);
    }

    public Optional<RosterEntry> find(String employeeId) {
        return Optional.ofNullable(mongo.findById(employeeId, RosterEntry.class, COLLECTION));
    }

    /** An organization's roster, by last then first name. */
    public List<RosterEntry> ofOrganization(String organizationId) {
        return mongo.find(Query.query(Criteria.where("organizationId").is(organizationId))
                .with(Sort.by("lastName", "firstName")), RosterEntry.class, COLLECTION);
    }

    /** An entry linked to a platform account (one of them, when the person had several employments). */
    public Optional<RosterEntry> ofUser(String userId) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("userId").is(userId)), RosterEntry.class,
                COLLECTION));
    }

    /** The roster entries (one per employment) linked to a platform account. */
    public List<String> employeeIdsOf(String userId) {
        return mongo.find(Query.query(Criteria.where("userId").is(userId)), RosterEntry.class, COLLECTION).stream()
                .map(RosterEntry::id).toList();
    }

    /** Whether the caller with token subject {@code userId} is the person {@code personId}. */
    public boolean isSamePerson(String userId, String personId) {
        return userId.equals(personId) || find(personId).map(e -> userId.equals(e.userId())).orElse(false);
    }

    /**
     * A database created before this library may hold an index on the same key under other options (insurance's
     * sparse one): it serves the same queries, so it is kept rather than failing the start.
     */
    private void createIndex(Index index) {
        try {
            mongo.indexOps(COLLECTION).createIndex(index);
        } catch (DataAccessException existing) {
            LoggerFactory.getLogger(Roster.class).warn("Roster index kept as it is: {}", existing.getMessage());
        }
    }
}
