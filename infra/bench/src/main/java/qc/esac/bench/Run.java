package qc.esac.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import java.net.URI;

/** What every scenario uses: the stack, the plan, the HTTP calls, and the shared readers of the topics. */
final class Run implements AutoCloseable {

    /** The membership service's database (its MONGODB_DATABASE default) and the organizations' collection. */
    static final String MEMBERSHIP_DATABASE = "esac-membership";
    static final String ORGANIZATIONS = "organizations";
    /** Training's consumer group on the membership topic (its spring.application.name). */
    static final String TRAINING_GROUP = "training-service";

    final BenchStack stack;
    final Plan plan;
    final Api api;
    private EventTail events;
    private AppliedSignal trainingApplied;
    private MongoClient mongo;

    Run(BenchStack stack, Plan plan) {
        this.stack = stack;
        this.plan = plan;
        this.api = new Api(stack.staffToken());
    }

    URI membership() {
        return stack.base("membership-service");
    }

    URI training() {
        return stack.base("training-service");
    }

    URI gateway() {
        return stack.base("gateway");
    }

    /** The membership topic, read from the first time a scenario asks. */
    synchronized EventTail events() {
        if (events == null) {
            events = EventTail.open(stack.kafka(), Topics.MEMBERSHIP);
        }
        return events;
    }

    synchronized AppliedSignal trainingApplied() {
        if (trainingApplied == null) {
            trainingApplied = AppliedSignal.open(stack.kafka(), TRAINING_GROUP, Topics.MEMBERSHIP);
        }
        return trainingApplied;
    }

    synchronized MongoClient mongo() {
        if (mongo == null) {
            mongo = MongoClients.create(stack.mongo());
        }
        return mongo;
    }

    /** Organizations in membership's store now. */
    long organizationCount() {
        return mongo().getDatabase(MEMBERSHIP_DATABASE).getCollection(ORGANIZATIONS).estimatedDocumentCount();
    }

    /** Membership's {@code esac_outbox_backlog} now (NaN when the service does not expose it). */
    double outboxBacklog() {
        try {
            return Prometheus.sum(api.text(membership().resolve("/actuator/prometheus")), "esac_outbox_backlog");
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    @Override
    public synchronized void close() {
        if (events != null) {
            events.close();
        }
        if (trainingApplied != null) {
            trainingApplied.close();
        }
        if (mongo != null) {
            mongo.close();
        }
    }
}
