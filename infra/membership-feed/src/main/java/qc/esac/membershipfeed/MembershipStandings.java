package qc.esac.membershipfeed;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import qc.esac.events.membership.MembershipStandingEvent;
import qc.esac.kit.messaging.IdempotentUpdates;
import qc.esac.kit.messaging.IncomingEvent;
import qc.esac.kit.time.QuebecTime;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Optional;

/**
 * Whether an organization is a member in good standing of a network, learned from every membership event (each
 * carries the standing after the change). One document per (organization, network), read by {@code _id}: prices
 * and participations ask it on every request.
 *
 * <p>The one meaning of "in good standing on a date": a change takes effect on its effective date (the day the
 * event happened when it gives none); before that day the standing the document had then still holds.
 */
public class MembershipStandings {

    public static final String COLLECTION = "membership_standings";

    private final MongoTemplate mongo;
    private final IdempotentUpdates updates;

    public MembershipStandings(MongoTemplate mongo, IdempotentUpdates updates) {
        this.mongo = mongo;
        this.updates = updates;
    }

    /** Records the standing the membership event left the organization in, once per event. */
    public boolean apply(IncomingEvent event, MembershipStandingEvent standing) {
        LocalDate effectiveDate = standing.effectiveDate() != null ? standing.effectiveDate()
                : QuebecTime.dayOf(event.time());
        String id = Standing.idOf(standing.organizationId(), standing.networkId());
        // Through the updates, so that in a batch the standing an earlier event of the batch left is seen.
        Optional<Standing> current = updates.current(COLLECTION, id)
                .map(d -> standingOf(standing.organizationId(), standing.networkId(), d));
        // What holds until the change takes effect: the standing the document gave for the day before.
        boolean before = current.map(s -> s.goodStandingOn(effectiveDate.minusDays(1))).orElse(false);
        Update update = new Update()
                .set("organizationId", standing.organizationId())
                .set("networkId", standing.networkId())
                .set("membershipId", standing.membershipId())
                .set("status", standing.status())
                .set("goodStanding", standing.goodStanding())
                .set("effectiveDate", toDate(effectiveDate))
                .set("previousGoodStanding", before);
        return updates.applyIfNewer(COLLECTION, id, event, update);
    }

    /** Whether the organization is a member in good standing of the network on that day; unknown means no. */
    public boolean isInGoodStanding(String organizationId, String networkId, LocalDate on) {
        return find(organizationId, networkId).map(s -> s.goodStandingOn(on)).orElse(false);
    }

    public Optional<Standing> find(String organizationId, String networkId) {
        return Optional.ofNullable(mongo.findById(Standing.idOf(organizationId, networkId), Document.class, COLLECTION))
                .map(d -> standingOf(organizationId, networkId, d));
    }

    private static Standing standingOf(String organizationId, String networkId, Document document) {
        Date effective = document.getDate("effectiveDate");
        return new Standing(organizationId, networkId, document.getString("membershipId"),
                document.getString("status"), document.getBoolean("goodStanding", false),
                effective == null ? LocalDate.MIN : effective.toInstant().atZone(ZoneOffset.UTC).toLocalDate(),
                document.getBoolean("previousGoodStanding", false));
    }

    /** Dates are stored as UTC midnight, so that a server's zone never moves a day. */
    private static Date toDate(LocalDate date) {
        return Date.from(date.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
