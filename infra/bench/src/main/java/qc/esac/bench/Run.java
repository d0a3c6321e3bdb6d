package qc.esac.bench;

import qc.esac.local.Prometheus;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

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

    /**
     * Waits until {@code group} has committed everything on {@code topic} so far (what earlier scenarios left
     * for it to do), at most {@code timeout}; returns how long it waited, or null if it did not catch up.
     */
    Duration awaitCaughtUp(String group, String topic, Duration timeout) {
        long start = System.nanoTime();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka()))) {
            Map<TopicPartition, OffsetSpec> partitions = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(10, TimeUnit.SECONDS).get(topic).partitions().stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(partitions).all().get(10, TimeUnit.SECONDS)
                    .forEach((partition, info) -> ends.put(partition, info.offset()));
            while (System.nanoTime() - start < timeout.toNanos()) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                boolean caughtUp = ends.entrySet().stream().allMatch(end -> end.getValue() == 0
                        || (committed.get(end.getKey()) != null
                        && committed.get(end.getKey()).offset() >= end.getValue()));
                if (caughtUp) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
                Pause.millis(200);
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not read the offsets of " + group, e);
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
