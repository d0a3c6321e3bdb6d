package qc.esac.insurance.privacy;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import qc.esac.kit.security.EsacUser;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Who read whose personal information, when and what (Law 25): every read of an insured person's personal
 * information by anyone but the person (network staff, the employer's administrators) is recorded here, with
 * the person's own corrections; the person sees the entries in their data export.
 */
@Component
public class AccessLog {

    static final String COLLECTION = "personal_data_access";

    private final MongoTemplate mongo;
    private final Clock clock;

    AccessLog(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("employeeId", Sort.Direction.ASC).on("at", Sort.Direction.DESC)
                .named("employee"));
    }

    /** What a correction entry records (the fields, never their values). */
    public static final String CORRECTION = "CORRECTION";

    /**
     * An entry of the log.
     *
     * @param readerRole {@code STAFF}, {@code ORG_ADMIN} or {@code SELF} (a correction by the person)
     * @param detail     for a correction, the fields corrected
     */
    public record Entry(String id, Instant at, String readerId, String readerRole, String employeeId,
                        String organizationId, String what, String detail) {
    }

    /** Records a read by someone other than the person themselves (the caller knows whether it is the person). */
    public void readByOther(EsacUser reader, String employeeId, String organizationId, String what) {
        String role = reader.isStaff() ? "STAFF" : reader.isOrgAdmin() ? "ORG_ADMIN" : "OTHER";
        mongo.insert(new Entry(UUID.randomUUID().toString(), clock.instant(), reader.id(), role, employeeId,
                organizationId, what, null), COLLECTION);
    }

    /** Records that the person corrected their own personal information (which fields, not the values). */
    public void correctedBySelf(EsacUser person, String employeeId, String organizationId, String fields) {
        mongo.insert(new Entry(UUID.randomUUID().toString(), clock.instant(), person.id(), "SELF", employeeId,
                organizationId, CORRECTION, fields), COLLECTION);
    }

    public List<Entry> of(String employeeId, int page, int size) {
        return mongo.find(Query.query(Criteria.where("employeeId").is(employeeId)).with(Sort.by(Sort.Direction.DESC, "at"))
                .skip((long) page * size).limit(size), Entry.class, COLLECTION);
    }

    public long count(String employeeId) {
        return mongo.count(Query.query(Criteria.where("employeeId").is(employeeId)), COLLECTION);
    }
}
