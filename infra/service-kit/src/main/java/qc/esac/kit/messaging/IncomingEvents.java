package qc.esac.kit.messaging;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import qc.esac.events.CloudEventAttributes;
import qc.esac.events.EventCatalog;
import qc.esac.events.EventData;
import qc.esac.events.EventDescriptor;
import qc.esac.events.EventSchemas;
import qc.esac.events.InvalidEventException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.Optional;

/**
 * Reads a Kafka record as a CloudEvent (binary mode) and its data as the contract's record, after checking
 * it against the contract's JSON Schema. Anything that does not fit is an {@link UnprocessableEventException},
 * which the error handler sends to the dead-letter topic.
 */
public class IncomingEvents {

    private final JsonMapper json;

    public IncomingEvents(JsonMapper json) {
        this.json = json;
    }

    public IncomingEvent parse(ConsumerRecord<String, byte[]> record) {
        CloudEvent event = readEnvelope(record);
        long sequence = sequenceOf(event);
        if (event.getSubject() == null || event.getSubject().isBlank()) {
            throw new UnprocessableEventException("L'événement " + event.getId() + " n'a pas de sujet (ce_subject)");
        }
        Instant time = event.getTime() == null ? Instant.ofEpochMilli(record.timestamp()) : event.getTime().toInstant();
        Optional<EventDescriptor> descriptor = EventCatalog.byType(event.getType());
        EventData data = descriptor.map(d -> readData(d, event)).orElse(null);
        return new IncomingEvent(event.getId(), event.getType(), event.getSource().toString(), event.getSubject(),
                sequence, time, data);
    }

    private static CloudEvent readEnvelope(ConsumerRecord<String, byte[]> record) {
        try {
            return KafkaMessageFactory.createReader(record).toEvent();
        } catch (RuntimeException e) {
            throw new UnprocessableEventException("Not a CloudEvent: " + e.getMessage(), e);
        }
    }

    private static long sequenceOf(CloudEvent event) {
        Object value = event.getExtension(CloudEventAttributes.SEQUENCE);
        if (value == null) {
            // Records written before the extension was renamed (deprecated name, read only).
            value = event.getExtension(CloudEventAttributes.LEGACY_SEQUENCE);
        }
        if (value == null) {
            throw new UnprocessableEventException("Event " + event.getId() + " has no " + CloudEventAttributes.SEQUENCE + " extension (sequence)");
        }
        try {
            long sequence = value instanceof Number number ? number.longValue() : Long.parseLong(value.toString());
            if (sequence < 1) {
                throw new UnprocessableEventException("Event " + event.getId() + " has sequence " + sequence);
            }
            return sequence;
        } catch (NumberFormatException e) {
            throw new UnprocessableEventException("Event " + event.getId() + " has a non-numeric sequence", e);
        }
    }

    private EventData readData(EventDescriptor descriptor, CloudEvent event) {
        if (event.getData() == null) {
            throw new UnprocessableEventException("Event " + event.getId() + " has no data");
        }
        try {
            JsonNode data = EventSchemas.validate(descriptor, event.getData().toBytes());
            return json.treeToValue(data, descriptor.dataClass());
        } catch (InvalidEventException e) {
            throw new UnprocessableEventException("Event " + event.getId() + " breaks its contract: " + e.getMessage(), e);
        } catch (JacksonException e) {
            throw new UnprocessableEventException("Event " + event.getId() + " data is not valid " + descriptor.type()
                    + ": " + e.getOriginalMessage(), e);
        }
    }
}
