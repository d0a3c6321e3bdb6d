package qc.esac.membership.roster;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Who read which employees' personal details, when (Quebec's Law 25): kept in the store, so each person can see
 * it in their export, and written to the {@code esac.privacy.access} logger operators route and keep. A person
 * reading their own entry is not logged.
 */
@Component
class RosterReads {

    static final String COLLECTION = "roster-reads";
    /** The personal details a roster read shows. */
    static final List<String> FIELDS = List.of("firstName", "lastName", "workEmail", "jobTitle", "employmentStatus",
            "weeklyHours", "hireDate", "endDate", "departureReason");
    private static final Logger ACCESS = LoggerFactory.getLogger("esac.privacy.access");

    private final MongoTemplate mongo;
    private final Clock clock;

    RosterReads(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("employeeIds", Sort.Direction.ASC).named("employee"));
    }

    /** Records that {@code readerId} read these entries of the organization (those of the reader left out). */
    void record(String readerId, String organizationId, Collection<Employee> read) {
        List<String> ids = read.stream().filter(e -> !readerId.equals(e.userId())).map(Employee::id).toList();
        if (ids.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        mongo.insert(new Document("_id", UUID.randomUUID().toString()).append("readBy", readerId)
                .append("readAt", Date.from(now)).append("organizationId", organizationId).append("employeeIds", ids)
                .append("fields", FIELDS), COLLECTION);
        ACCESS.info("roster read: user={} at={} organization={} employees={} fields={}", readerId, now,
                organizationId, ids, FIELDS);
    }

    /** The reads of these entries, oldest first. */
    List<Read> of(Collection<String> employeeIds) {
        if (employeeIds.isEmpty()) {
            return List.of();
        }
        Query query = new Query(Criteria.where("employeeIds").in(employeeIds)).with(Sort.by("readAt"));
        return mongo.find(query, Document.class, COLLECTION).stream().map(d -> new Read(d.getString("readBy"),
                d.getDate("readAt").toInstant(), d.getString("organizationId"),
                d.getList("employeeIds", String.class).stream().filter(employeeIds::contains).toList(),
                d.getList("fields", String.class))).toList();
    }

    /** One logged read: who, when, of which entries, which details. */
    record Read(String readBy, Instant readAt, String organizationId, List<String> employeeIds, List<String> fields) {
    }
}
