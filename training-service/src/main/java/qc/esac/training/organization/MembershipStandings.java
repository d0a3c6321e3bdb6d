package qc.esac.training.organization;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import qc.esac.kit.messaging.IdempotentUpdates;
import qc.esac.kit.messaging.IncomingEvent;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Optional;

/**
 * Whether an organization is a member in good standing of a network, per network, learned from membership
 * events. One document per (organization, network), read by {@code _id}: the price of every registration
 * asks it.
 *
 * <p>A change may take effect later than the event (a lapse announced for the end of the fiscal year), so
 * the document keeps the standing before the change and the day the change takes effect.
 */
@Component
public class MembershipStandings {

    static final String COLLECTION = "membership_standings";

    private final MongoTemplate mongo;
    private final IdempotentUpdates updates;

    MembershipStandings(MongoTemplate mongo, IdempotentUpdates updates) {
        this.mongo = mongo;
        this.updates = updates;
    }

    /**
     * Records the standing {@code goodStanding} of the organization in the network from {@code effectiveDate}
     * on, once per event (a redelivered or older event of the same membership changes nothing).
     *
     * @return whether the event was applied
     */
    public boolean applyStanding(IncomingEvent event, String organizationId, String networkId, boolean goodStanding,
                                 LocalDate effectiveDate) {
        String id = id(organizationId, networkId);
        Optional<Standing> current = find(organizationId, networkId);
        // What held until the change takes effect: the standing the document had on that day.
        boolean before = current.map(s -> s.goodStandingOn(effectiveDate.minusDays(1))).orElse(false);
        Update update = new Update()
                .set("organizationId", organizationId)
                .set("networkId", networkId)
                .set("goodStanding", goodStanding)
                .set("effectiveDate", toDate(effectiveDate))
                .set("previousGoodStanding", before);
        return updates.applyIfNewer(COLLECTION, id, event, update);
    }

    /** Whether the organization pays member prices in that network on that day; unknown means no. */
    public boolean isInGoodStanding(String organizationId, String networkId, LocalDate on) {
        return find(organizationId, networkId).map(s -> s.goodStandingOn(on)).orElse(false);
    }

    public Optional<Standing> find(String organizationId, String networkId) {
        Document document = mongo.findById(id(organizationId, networkId), Document.class, COLLECTION);
        if (document == null) {
            return Optional.empty();
        }
        Date effective = document.getDate("effectiveDate");
        return Optional.of(new Standing(organizationId, networkId, document.getBoolean("goodStanding", false),
                effective == null ? LocalDate.MIN : effective.toInstant().atZone(ZoneOffset.UTC).toLocalDate(),
                document.getBoolean("previousGoodStanding", false)));
    }

    private static String id(String organizationId, String networkId) {
        return organizationId + "|" + networkId;
    }

    private static Date toDate(LocalDate date) {
        return Date.from(date.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** An organization's standing in a network: {@code goodStanding} from {@code effectiveDate}, before that the previous one. */
    public record Standing(String organizationId, String networkId, boolean goodStanding, LocalDate effectiveDate,
                           boolean previousGoodStanding) {

        public boolean goodStandingOn(LocalDate day) {
            return day.isBefore(effectiveDate) ? previousGoodStanding : goodStanding;
        }
    }
}
