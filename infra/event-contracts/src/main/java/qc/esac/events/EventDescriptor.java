package qc.esac.events;

import java.net.URI;
import java.util.Objects;

/**
 * Everything a producer or consumer needs to know about one event type.
 *
 * @param type       CloudEvents {@code type}, e.g. {@code qc.esac.membership.organization-registered.v1}
 * @param topic      Kafka topic the event is published to
 * @param source     CloudEvents {@code source} of the producing context, e.g. {@code /esac/membership}
 * @param dataClass  the record carrying the event data
 * @param schemaPath classpath resource of the JSON Schema of the data
 */
public record EventDescriptor(String type, String topic, URI source, Class<? extends EventData> dataClass,
                              String schemaPath) {

    public EventDescriptor {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(dataClass, "dataClass");
        Objects.requireNonNull(schemaPath, "schemaPath");
    }

    /**
     * Version 1 of an event type of a context, named by convention: type
     * {@code qc.esac.<context>.<name>.v1}, source {@code /esac/<context>}, schema
     * {@code schemas/<context>/<name>.v1.json}, where the context is the topic's ({@code esac.<context>.events.v1}).
     */
    public static EventDescriptor v1(String topic, String name, Class<? extends EventData> dataClass) {
        String context = topic.split("\\.")[1];
        return new EventDescriptor("qc.esac." + context + "." + name + ".v1", topic,
                URI.create("/esac/" + context), dataClass, "schemas/" + context + "/" + name + ".v1.json");
    }

    /**
     * Base of the schemas' canonical ids (their {@code $id} in the sources). A deployment publishes the schemas at
     * its own address ({@link #dataSchema(URI)}), which is what events carry.
     */
    public static final URI CANONICAL_SCHEMA_BASE = URI.create("https://schemas.esac.quebec/");

    /** The schema's canonical id, the {@code $id} of its source. */
    public URI dataSchema() {
        return dataSchema(CANONICAL_SCHEMA_BASE);
    }

    /**
     * The CloudEvents {@code dataschema} attribute in a deployment that serves the schemas under {@code baseUrl}
     * (e.g. {@code http://127.0.0.1:8080/}, giving {@code http://127.0.0.1:8080/schemas/<context>/<event>.v1.json}).
     */
    public URI dataSchema(URI baseUrl) {
        return schemaBase(baseUrl).resolve(schemaPath);
    }

    /** {@code baseUrl} with a trailing slash, so that resolving a relative path keeps its last segment. */
    public static URI schemaBase(URI baseUrl) {
        String base = baseUrl.toString();
        return base.endsWith("/") ? baseUrl : URI.create(base + "/");
    }
}
