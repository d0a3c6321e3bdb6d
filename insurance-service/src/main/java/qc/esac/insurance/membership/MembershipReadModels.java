package qc.esac.insurance.membership;

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
 * What insurance knows from membership: organizations, standing per network, rosters. Each update is applied
 * once per source event (conditional on the event's sequence), so redeliveries change nothing. The update
 * methods take plain values so that the source of the facts (events today) stays the listener's business.
 */
@Component
public class MembershipReadModels {

    static final String ORGANIZATIONS = "known_organizations";
    static final String STANDINGS = "member_standings";
    static final String ROSTER = "roster";

    private final MongoTemplate mongo;
    private final IdempotentUpdates updates;

    MembershipReadModels(MongoTemplate mongo, IdempotentUpdates updates) {
        this.mongo = mongo;
        this.updates = updates;
        mongo.indexOps(ROSTER).createIndex(new Index().on("organizationId", Sort.Direction.ASC).named("organization"));
        mongo.indexOps(ROSTER).createIndex(new Index().on("userId", Sort.Direction.ASC).sparse().named("user"));
    }

    public boolean applyOrganization(IncomingEvent event, String organizationId, String legalName, String neq,
                                     String regionCode, boolean closed) {
        Update update = new Update().set("legalName", legalName).set("neq", neq).set("closed", closed);
        if (regionCode != null) {
            update.set("regionCode", regionCode);
        }
        return updates.applyIfNewer(ORGANIZATIONS, organizationId, event, update);
    }

    /** Records the standing the membership {@code event} left the organization in, in that network. */
    public boolean applyStanding(IncomingEvent event, String membershipId, String organizationId, String networkId,
                                 String status, boolean goodStanding, LocalDate effectiveDate) {
        Update update = new Update().set("organizationId", organizationId).set("networkId", networkId)
                .set("membershipId", membershipId).set("status", status).set("goodStanding", goodStanding)
                .set("effectiveDate", effectiveDate);
        return updates.applyIfNewer(STANDINGS, MemberStanding.idOf(networkId, organizationId), event, update);
    }

    public boolean applyRosterEntry(IncomingEvent event, RosterEntry entry) {
        Update update = new Update().set("organizationId", entry.organizationId())
                .set("firstName", entry.firstName()).set("lastName", entry.lastName())
                .set("employmentStatus", entry.employmentStatus()).set("weeklyHours", entry.weeklyHours())
                .set("hireDate", entry.hireDate()).set("endDate", entry.endDate()).set("userId", entry.userId())
                .set("hoursHistory", entry.hoursHistory());
        return updates.applyIfNewer(ROSTER, entry.id(), event, update);
    }

    public Optional<KnownOrganization> organization(String id) {
        return Optional.ofNullable(mongo.findById(id, KnownOrganization.class, ORGANIZATIONS));
    }

    public Optional<MemberStanding> standing(String networkId, String organizationId) {
        return Optional.ofNullable(mongo.findById(MemberStanding.idOf(networkId, organizationId), MemberStanding.class,
                STANDINGS));
    }

    public boolean isInGoodStanding(String networkId, String organizationId) {
        return standing(networkId, organizationId).map(MemberStanding::goodStanding).orElse(false);
    }

    public Optional<RosterEntry> employee(String id) {
        return Optional.ofNullable(mongo.findById(id, RosterEntry.class, ROSTER));
    }

    public List<RosterEntry> roster(String organizationId) {
        return mongo.find(Query.query(Criteria.where("organizationId").is(organizationId)).with(Sort.by("lastName", "firstName")),
                RosterEntry.class, ROSTER);
    }

    public Optional<RosterEntry> employeeOfUser(String userId) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("userId").is(userId)), RosterEntry.class, ROSTER));
    }

}
