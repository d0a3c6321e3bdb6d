package qc.esac.membershipfeed;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.springframework.data.mongodb.core.MongoTemplate;
import qc.esac.events.EventData;
import qc.esac.kit.messaging.EventDispatcher;
import qc.esac.kit.messaging.IdempotentUpdates;
import qc.esac.kit.messaging.IncomingEvent;
import qc.esac.testkit.TestInfrastructure;

import java.time.Instant;
import java.util.UUID;

/** A feed on a fresh database of the test store, and events as the kit hands them to a listener. */
final class FeedTestSupport {

    private static MongoClient client;

    private FeedTestSupport() {
    }

    static synchronized MongoTemplate freshDatabase() {
        if (client == null) {
            client = MongoClients.create(TestInfrastructure.get().mongoUri());
        }
        return new MongoTemplate(client, "feed-" + UUID.randomUUID().toString().substring(0, 8));
    }

    static MembershipFeed feed(MongoTemplate mongo) {
        return feed(mongo, new IdempotentUpdates(mongo));
    }

    /** A feed whose read models update through {@code updates} (the instance a batch is opened on). */
    static MembershipFeed feed(MongoTemplate mongo, IdempotentUpdates updates) {
        return new MembershipFeed(new KnownOrganizations(mongo, updates), new MembershipStandings(mongo, updates),
                new Roster(mongo, updates));
    }

    static EventDispatcher dispatcher(MembershipFeed feed) {
        return feed.registerOn(EventDispatcher.builder()).build();
    }

    static IncomingEvent event(String subject, long sequence, Instant time, EventData data) {
        return new IncomingEvent(UUID.randomUUID().toString(), data.getClass().getSimpleName(), "/membership", subject,
                sequence, time, data);
    }
}
