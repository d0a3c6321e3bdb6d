package qc.esac.training.organization;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import qc.esac.events.EventCatalog;
import qc.esac.events.Topics;
import qc.esac.events.membership.OrganizationRegistered;
import qc.esac.membershipfeed.KnownOrganizations;
import qc.esac.testkit.TestEvents;
import qc.esac.testkit.TestInfrastructure;
import qc.esac.testkit.TestTopics;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prints how fast training applies membership events to its read models: the listener is paused, a backlog of
 * organization registrations is published, the listener resumed, and the time until its group has committed
 * the last record gives the events applied per second (the consumer's capacity, without HTTP, the relay or the other
 * services). Not part of the build:
 * {@code ./mvnw -B -pl training-service -am verify -Dtest=MembershipConsumptionBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * (add {@code -DargLine=-XX:StartFlightRecording=filename=consume.jfr} for a profile).
 */
@SpringBootTest
class MembershipConsumptionBenchmark {

    private static final String GROUP = "training-service";
    private static final String REGISTERED = EventCatalog.of(OrganizationRegistered.class).type();
    private static final int WARM_UP = 2_000;
    private static final int EVENTS = 6_000;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    KnownOrganizations organizations;

    @Test
    void trainingAppliesABacklogOfRegistrations() throws Exception {
        measure(WARM_UP, "warm-up");
        double perSecond = measure(EVENTS, "measured");
        assertThat(perSecond).isPositive();
    }

    private double measure(int count, String label) throws Exception {
        MessageListenerContainer container = listeners.getListenerContainers().stream()
                .filter(c -> GROUP.equals(c.getGroupId())).findFirst().orElseThrow();
        // Paused, not stopped: the consumer keeps its partitions, so a group rejoin is not measured.
        container.pause();
        long pauseDeadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!container.isContainerPaused() && System.nanoTime() < pauseDeadline) {
            Thread.sleep(10);
        }
        List<String> ids = new ArrayList<>();
        RecordMetadata last;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(),
                new ByteArraySerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String id = UUID.randomUUID().toString();
                ids.add(id);
                // A third of the organizations get a second event (an update), so that a batch meets the same
                // document twice, as it does when a registration is followed by a change.
                sent.add(producer.send(TestEvents.record(OffsetDateTime.now(), Topics.MEMBERSHIP,
                        UUID.randomUUID().toString(), REGISTERED, id, 1, data(id, "Organisation " + i))));
                if (i % 3 == 0) {
                    sent.add(producer.send(TestEvents.record(OffsetDateTime.now(), Topics.MEMBERSHIP,
                            UUID.randomUUID().toString(), REGISTERED, id, 2, data(id, "Organisation renommée " + i))));
                }
            }
            producer.flush();
            last = sent.get(sent.size() - 1).get();
        }
        int events = count + (count + 2) / 3;
        long start = System.nanoTime();
        container.resume();
        TestTopics.awaitConsumed(GROUP, last, Duration.ofMinutes(10));
        double seconds = (System.nanoTime() - start) / 1e9;
        double perSecond = events / seconds;
        System.out.printf("%n[consumption %s] %d events (%d organizations) applied in %.2f s: %.1f events/s%n%n",
                label, events, count, seconds, perSecond);
        assertThat(organizations.find(ids.get(0))).hasValueSatisfying(
                o -> assertThat(o.legalName()).isEqualTo("Organisation renommée 0"));
        assertThat(organizations.find(ids.get(ids.size() - 1))).isPresent();
        return perSecond;
    }

    private static String data(String id, String name) {
        return """
                {"organizationId": "%s", "legalName": "%s", "neq": "1234567890", "legalForm": "OBNL",
                 "regionCode": "06", "sectorCodes": ["ECONOMIE_SOCIALE"]}
                """.formatted(id, name);
    }
}
