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
 * information by staff is recorded here, and the person sees the entries in their data export.
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

    /** An entry of the log. */
    public record Entry(String id, Instant at, String readerId, String readerRole, String employeeId,
                        String organizationId, String what) {
    }

    /** Records the read when the reader is staff; administrators and the person themselves are not logged. */
    public void staffRead(EsacUser reader, String employeeId, String organizationId, String what) {
        if (reader.isStaff()) {
            mongo.insert(new Entry(UUID.randomUUID().toString(), clock.instant(), reader.id(), "STAFF", employeeId,
                    organizationId, what), COLLECTION);
        }
    }

    public List<Entry> of(String employeeId, int page, int size) {
        return mongo.find(Query.query(Criteria.where("employeeId").is(employeeId)).with(Sort.by(Sort.Direction.DESC, "at"))
                .skip((long) page * size).limit(size), Entry.class, COLLECTION);
    }

    public long count(String employeeId) {
        return mongo.count(Query.query(Criteria.where("employeeId").is(employeeId)), COLLECTION);
    }
}
