package qc.esac.testkit;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import qc.esac.events.CloudEventAttributes;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Publishes records to the shared broker the way a producing service would (CloudEvents binary mode), or
 * in any broken way a test needs, to drive a consumer from the outside.
 */
public final class TestEvents {

    private TestEvents() {
    }

    /** Publishes a well-formed event and returns where it landed. */
    public static RecordMetadata publish(String topic, String type, String subject, long sequence, String jsonData) {
        return publish(topic, UUID.randomUUID().toString(), type, subject, sequence, jsonData);
    }

    /** Publishes a well-formed event with a chosen id (a redelivery has the same id). */
    public static RecordMetadata publish(String topic, String id, String type, String subject, long sequence,
                                         String jsonData) {
        return publishAt(OffsetDateTime.now(), topic, id, type, subject, sequence, jsonData);
    }

    /**
     * Publishes a well-formed event as having happened at {@code time}: for consumers that date facts by the
     * event's time (a registration long ago, a change of hours last month).
     */
    public static RecordMetadata publishAt(OffsetDateTime time, String topic, String id, String type, String subject,
                                           long sequence, String jsonData) {
        return send(record(time, topic, id, type, subject, sequence, jsonData));
    }

    /** A well-formed event as a record, for a test that adds headers of its own before {@link #send} . */
    public static ProducerRecord<String, byte[]> record(OffsetDateTime time, String topic, String id, String type,
                                                        String subject, long sequence, String jsonData) {
        CloudEvent event = CloudEventBuilder.v1()
                .withId(id)
                .withSource(URI.create("/esac/test"))
                .withType(type)
                .withSubject(subject)
                .withTime(time)
                .withDataContentType("application/json")
                .withExtension(CloudEventAttributes.SEQUENCE, sequence)
                .withData(jsonData.getBytes(StandardCharsets.UTF_8))
                .build();
        return KafkaMessageFactory.createWriter(topic, null, null, subject).writeBinary(event);
    }

    /** Publishes raw bytes with no CloudEvents headers at all: what a misbehaving producer might send. */
    public static RecordMetadata publishRaw(String topic, String key, byte[] value) {
        return send(new ProducerRecord<>(topic, key, value));
    }

    /** Publishes a record as it is and returns where it landed. */
    public static RecordMetadata send(ProducerRecord<String, byte[]> record) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            return producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("Could not publish to " + record.topic(), e);
        }
    }
}
