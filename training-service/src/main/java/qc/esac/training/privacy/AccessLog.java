package qc.esac.training.privacy;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import qc.esac.kit.security.EsacUser;
import qc.esac.training.TrainingClock;
import qc.esac.membershipfeed.Roster;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Who saw a trainee's personal information, when, and through what (Law 25): every read by someone other than the
 * person (network staff, an employer's administrator, anyone verifying an attestation) and every correction the
 * person makes. The person finds these entries in their data export. Append-only.
 */
@Component
public class AccessLog {

    static final String COLLECTION = "personal_data_access";
    static final String ANONYMOUS = "anonyme";

    private final MongoTemplate mongo;
    private final Roster roster;
    private final TrainingClock clock;

    AccessLog(MongoTemplate mongo, Roster roster, TrainingClock clock) {
        this.mongo = mongo;
        this.roster = roster;
        this.clock = clock;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("personId", Sort.Direction.ASC)
                .on("at", Sort.Direction.DESC).named("person"));
    }

    /** One entry: {@code readerRole} STAFF, ORG_ADMIN, EMPLOYEE, PARTNER or ANONYMOUS. */
    public record Entry(String id, Instant at, String readerId, String readerRole, String personId,
                        String organizationId, String what, String resource) {
    }

    /** Whose data a response shows: the person and the organization through which it is shown. */
    public record Subject(String personId, String organizationId) {
    }

    /** Records that {@code reader} saw these people's data, except the reader's own. */
    public void read(EsacUser reader, Collection<Subject> shown, String what, String resource) {
        List<Entry> entries = shown.stream().distinct()
                .filter(s -> !roster.isSamePerson(reader.id(), s.personId()))
                .map(s -> entry(reader.id(), roleOf(reader), s, what, resource)).toList();
        if (!entries.isEmpty()) {
            mongo.insert(entries, COLLECTION);
        }
    }

    public void read(EsacUser reader, String personId, String organizationId, String what, String resource) {
        read(reader, List.of(new Subject(personId, organizationId)), what, resource);
    }

    /** A read without a token (the public verification of an attestation shows its holder's name). */
    public void anonymousRead(String personId, String organizationId, String what, String resource) {
        mongo.insert(entry(ANONYMOUS, "ANONYMOUS", new Subject(personId, organizationId), what, resource),
                COLLECTION);
    }

    /** The person changed their own data ({@code what} says which). */
    public void corrected(EsacUser person, Collection<String> personIds, String what) {
        mongo.insert(personIds.stream().map(id -> entry(person.id(), roleOf(person), new Subject(id, null), what,
                null)).toList(), COLLECTION);
    }

    /** The entries about these people, most recent first. */
    public List<Entry> about(Collection<String> personIds) {
        return mongo.find(Query.query(Criteria.where("personId").in(personIds))
                .with(Sort.by(Sort.Direction.DESC, "at")).limit(5000), Entry.class, COLLECTION);
    }

    private Entry entry(String readerId, String role, Subject subject, String what, String resource) {
        return new Entry(UUID.randomUUID().toString(), clock.now(), readerId, role,
                Objects.requireNonNull(subject.personId()), subject.organizationId(), what, resource);
    }

    private static String roleOf(EsacUser user) {
        if (user.isStaff()) {
            return "STAFF";
        }
        if (user.isOrgAdmin()) {
            return "ORG_ADMIN";
        }
        return user.isPartner() ? "PARTNER" : "EMPLOYEE";
    }
}
