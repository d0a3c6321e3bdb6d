package qc.esac.kit.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import qc.esac.events.CloudEventAttributes;
import qc.esac.events.EventCatalog;
import qc.esac.events.EventData;
import qc.esac.events.EventDescriptor;
import qc.esac.events.EventSchemas;
import qc.esac.events.InvalidEventException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a Kafka record as a CloudEvent (binary mode) and its data as the contract's record, after checking
 * it against the contract's JSON Schema. Anything that does not fit is an {@link UnprocessableEventException},
 * which the error handler sends to the dead-letter topic.
 */
public class IncomingEvents {

    private final JsonMapper json;
    private final Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();

    public IncomingEvents(JsonMapper json) {
        this.json = json;
    }

    public IncomingEvent parse(ConsumerRecord<String, byte[]> record) {
        CloudEventHeaders event = CloudEventHeaders.read(record);
        long sequence = sequenceOf(event);
        if (event.subject() == null || event.subject().isBlank()) {
            throw new UnprocessableEventException("L'événement " + event.id() + " n'a pas de sujet (ce_subject)");
        }
        Instant time = event.time() == null ? Instant.ofEpochMilli(record.timestamp()) : event.time();
        Optional<EventDescriptor> descriptor = EventCatalog.byType(event.type());
        EventData data = descriptor.map(d -> readData(d, event)).orElse(null);
        return new IncomingEvent(event.id(), event.type(), event.source(), event.subject(), sequence, time, data);
    }

    private static long sequenceOf(CloudEventHeaders event) {
        Object value = event.sequence();
        if (value == null) {
            // Records written before the extension was renamed (deprecated name, read only).
            value = event.legacySequence();
        }
        if (value == null) {
            throw new UnprocessableEventException("Event " + event.id() + " has no " + CloudEventAttributes.SEQUENCE + " extension (sequence)");
        }
        try {
            long sequence = value instanceof Number number ? number.longValue() : Long.parseLong(value.toString());
            if (sequence < 1) {
                throw new UnprocessableEventException("Event " + event.id() + " has sequence " + sequence);
            }
            return sequence;
        } catch (NumberFormatException e) {
            throw new UnprocessableEventException("Event " + event.id() + " has a non-numeric sequence", e);
        }
    }

    private EventData readData(EventDescriptor descriptor, CloudEventHeaders event) {
        if (event.data() == null) {
            throw new UnprocessableEventException("Event " + event.id() + " has no data");
        }
        try {
            // One parse of the value (the schema's cached validator checks that tree), then the tree bound to the
            // record by a reader made once per type.
            JsonNode data = EventSchemas.validate(descriptor, event.data());
            return readers.computeIfAbsent(descriptor.dataClass(), json::readerFor).readValue(data);
        } catch (InvalidEventException e) {
            throw new UnprocessableEventException("Event " + event.id() + " breaks its contract: " + e.getMessage(), e);
        } catch (JacksonException e) {
            throw new UnprocessableEventException("Event " + event.id() + " data is not valid " + descriptor.type()
                    + ": " + e.getOriginalMessage(), e);
        }
    }
}
