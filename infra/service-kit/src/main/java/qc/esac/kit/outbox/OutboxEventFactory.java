package qc.esac.kit.outbox;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.function.SingletonSupplier;
import qc.esac.events.EventCatalog;
import qc.esac.events.EventData;
import qc.esac.events.EventDescriptor;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/** Turns a command's event records into outbox entries: CloudEvents attributes, JSON data, trace context. */
public class OutboxEventFactory {

    private final JsonMapper json;
    private final Clock clock;
    /** Looked up once it exists, not on every create (a bean factory lookup showed in membership's profile). */
    private final Supplier<Tracer> tracer;
    private final URI schemaBaseUrl;

    /** Events naming their schemas by their canonical ids (tests; a deployment gives its own address). */
    public OutboxEventFactory(JsonMapper json, Clock clock, ObjectProvider<Tracer> tracer) {
        this(json, clock, tracer, EventDescriptor.CANONICAL_SCHEMA_BASE);
    }

    /**
     * Events whose {@code dataschema} is the address where this deployment serves the schema:
     * {@code schemaBaseUrl} + {@code schemas/<context>/<event>.vN.json} ({@code esac.events.schema-base-url}).
     */
    public OutboxEventFactory(JsonMapper json, Clock clock, ObjectProvider<Tracer> tracer, URI schemaBaseUrl) {
        this.json = json;
        this.clock = clock;
        this.tracer = SingletonSupplier.of(tracer::getIfAvailable);
        this.schemaBaseUrl = EventDescriptor.schemaBase(schemaBaseUrl);
    }

    /** Entries for {@code events}, numbered after {@code lastSequence} of aggregate {@code subject}. */
    List<OutboxEvent> create(String subject, long lastSequence, List<? extends EventData> events) {
        List<OutboxEvent> entries = new ArrayList<>(events.size());
        long sequence = lastSequence;
        String traceparent = currentTraceparent();
        for (EventData data : events) {
            EventDescriptor descriptor = EventCatalog.of(data.getClass());
            entries.add(new OutboxEvent(UUID.randomUUID().toString(), descriptor.type(), descriptor.topic(),
                    descriptor.source().toString(), subject, ++sequence, clock.instant(),
                    descriptor.dataSchema(schemaBaseUrl).toString(), json.writeValueAsString(data), traceparent));
        }
        return entries;
    }

    private String currentTraceparent() {
        Tracer current = tracer.get();
        Span span = current == null ? null : current.currentSpan();
        if (span == null) {
            return null;
        }
        TraceContext context = span.context();
        boolean sampled = Boolean.TRUE.equals(context.sampled());
        return "00-" + context.traceId() + "-" + context.spanId() + (sampled ? "-01" : "-00");
    }
}
