package qc.esac.events;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Validates event data against the JSON Schema of its type (see {@link EventCatalog}). Producers
 * validate in their tests, consumers before applying a record (an invalid one goes to the DLT).
 *
 * <p>Each schema is read from the classpath the first time its type is used, then kept: the map
 * and the compiled schemas are safe to share between threads.
 */
public final class EventSchemas {

    // Trailing tokens would mean the record value is not one JSON document: reject, don't ignore.
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    // English messages whatever the machine locale, located by JSON path ("$.neq"): they end up in
    // logs and DLT headers read by operators, so they should read the same everywhere.
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                    .locale(Locale.ENGLISH)
                    .pathType(PathType.JSON_PATH)
                    .build()));

    private static final String NO_DATA = "$: no event data";

    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /** Parses and validates; returns the parsed data so a consumer reads the record value only once. */
    public static JsonNode validate(String type, byte[] data) {
        return validate(descriptorOf(type), data);
    }

    /** Parses and validates; returns the parsed data. */
    public static JsonNode validate(String type, String data) {
        return validate(descriptorOf(type), data);
    }

    public static void validate(String type, JsonNode data) {
        validate(descriptorOf(type), data);
    }

    /** Parses and validates; returns the parsed data so a consumer reads the record value only once. */
    public static JsonNode validate(EventDescriptor descriptor, byte[] data) {
        JsonNode node = parse(descriptor, data == null ? null : () -> JSON.readTree(data));
        validate(descriptor, node);
        return node;
    }

    /** Parses and validates; returns the parsed data. */
    public static JsonNode validate(EventDescriptor descriptor, String data) {
        JsonNode node = parse(descriptor, data == null ? null : () -> JSON.readTree(data));
        validate(descriptor, node);
        return node;
    }

    public static void validate(EventDescriptor descriptor, JsonNode data) {
        List<String> violations = violations(descriptor, data);
        if (!violations.isEmpty()) {
            throw new InvalidEventException(descriptor.type(), violations);
        }
    }

    /** The violations of {@code data}; empty when it is valid. */
    public static List<String> violations(String type, JsonNode data) {
        return violations(descriptorOf(type), data);
    }

    /** The violations of {@code data}; empty when it is valid. */
    public static List<String> violations(EventDescriptor descriptor, JsonNode data) {
        if (data == null || data.isMissingNode()) {
            return List.of(NO_DATA);
        }
        return schemaOf(descriptor).validate(data).stream().map(Error::toString).toList();
    }

    /** The schema document of an event type, as published (e.g. to read its {@code $id} or properties). */
    public static JsonNode schemaDocument(EventDescriptor descriptor) {
        // A copy: the cached node backs the compiled schema and must not be changed by callers.
        return schemaOf(descriptor).getSchemaNode().deepCopy();
    }

    private static EventDescriptor descriptorOf(String type) {
        return EventCatalog.byType(type)
                .orElseThrow(() -> new IllegalArgumentException("Unknown event type " + type));
    }

    /** A null reader stands for a null record value (a tombstone): no data, like an empty one. */
    private static JsonNode parse(EventDescriptor descriptor, Supplier<JsonNode> reader) {
        if (reader == null) {
            return MissingNode.getInstance();
        }
        try {
            return reader.get();
        } catch (JacksonException e) {
            throw new InvalidEventException(descriptor.type(),
                    List.of("$: not valid JSON: " + e.getOriginalMessage()), e);
        }
    }

    private static Schema schemaOf(EventDescriptor descriptor) {
        return SCHEMAS.computeIfAbsent(descriptor.type(), type -> load(descriptor));
    }

    private static Schema load(EventDescriptor descriptor) {
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(descriptor.schemaPath())) {
            if (in == null) {
                throw new IllegalStateException("No schema resource " + descriptor.schemaPath()
                        + " for event type " + descriptor.type());
            }
            Schema schema = REGISTRY.getSchema(SchemaLocation.of(descriptor.dataSchema().toString()), JSON.readTree(in));
            // Build every validator now, while only this thread sees the schema, rather than lazily on first use.
            schema.initializeValidators();
            return schema;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read schema " + descriptor.schemaPath(), e);
        }
    }
}
