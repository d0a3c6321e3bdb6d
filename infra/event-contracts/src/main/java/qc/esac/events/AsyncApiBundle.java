package qc.esac.events;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The AsyncAPI document as a deployment serves it: self-contained (every payload schema, kept beside it as
 * {@code ./schemas/...} in the sources, is copied under {@code components/schemas} and referenced there) and
 * naming every schema by its address in that deployment ({@code schemaBaseUrl} + {@code schemas/...}, the
 * {@code ce_dataschema} its events carry) instead of its canonical id.
 */
public final class AsyncApiBundle {

    /** Classpath resource of the source document. */
    public static final String DOCUMENT = "asyncapi.yaml";
    /** Where bundled payload schemas go, keyed {@code <context>.<event>.vN}. */
    static final String SCHEMAS_POINTER = "#/components/schemas/";
    private static final Pattern SCHEMA_PATH = Pattern.compile("schemas/[a-z0-9-]+/[a-z0-9-]+\\.v[0-9]+\\.json");
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private AsyncApiBundle() {
    }

    /** The bundled document, as YAML. */
    public static String yaml(URI schemaBaseUrl) {
        return YAML.writeValueAsString(bundle(schemaBaseUrl));
    }

    /** The bundled document. */
    public static JsonNode bundle(URI schemaBaseUrl) {
        URI base = EventDescriptor.schemaBase(schemaBaseUrl);
        ObjectNode document = (ObjectNode) read(DOCUMENT).orElseThrow(
                () -> new IllegalStateException(DOCUMENT + " missing from the event contracts"));
        ObjectNode schemas = document.withObject("/components").withObject("/schemas");
        inline(document, schemas);
        return rebase(document, base);
    }

    /**
     * The JSON Schema at {@code schemaPath} ({@code schemas/<context>/<event>.vN.json}) as served in a deployment:
     * its {@code $id} is its address there. Empty for any other path.
     */
    public static Optional<JsonNode> schema(String schemaPath, URI schemaBaseUrl) {
        if (!SCHEMA_PATH.matcher(schemaPath).matches()) {
            return Optional.empty();
        }
        return read(schemaPath).map(schema -> rebase(schema, EventDescriptor.schemaBase(schemaBaseUrl)));
    }

    /** Replaces every {@code $ref: ./schemas/...} by a reference to a copy of that schema in {@code schemas}. */
    private static void inline(JsonNode node, ObjectNode schemas) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isString() && ref.asString().startsWith("./")) {
                String path = ref.asString().substring(2);
                String key = path.substring("schemas/".length(), path.length() - ".json".length()).replace('/', '.');
                if (!schemas.has(key)) {
                    JsonNode schema = read(path).orElseThrow(() -> new IllegalStateException(
                            DOCUMENT + " refers to " + path + ", which is not in the event contracts"));
                    schemas.set(key, relocateLocalRefs(schema, SCHEMAS_POINTER + key));
                }
                object.put("$ref", SCHEMAS_POINTER + key);
                return;
            }
        }
        node.forEach(child -> inline(child, schemas));
    }

    /** A schema's own {@code #/...} references, now that it sits at {@code pointer} in the document. */
    private static JsonNode relocateLocalRefs(JsonNode node, String pointer) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isString() && ref.asString().startsWith("#")) {
                object.put("$ref", pointer + ref.asString().substring(1));
            }
        }
        node.forEach(child -> relocateLocalRefs(child, pointer));
        return node;
    }

    /** Every string naming a schema by its canonical id now names its address under {@code base}. */
    private static JsonNode rebase(JsonNode node, URI base) {
        if (node instanceof ObjectNode object) {
            for (String name : List.copyOf(object.propertyNames())) {
                rebased(object.get(name), base).ifPresentOrElse(value -> object.put(name, value),
                        () -> rebase(object.get(name), base));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                int index = i;
                rebased(array.get(i), base).ifPresentOrElse(value -> array.set(index, value),
                        () -> rebase(array.get(index), base));
            }
        }
        return node;
    }

    private static Optional<String> rebased(JsonNode value, URI base) {
        String canonical = EventDescriptor.CANONICAL_SCHEMA_BASE.toString();
        return value.isString() && value.asString().startsWith(canonical)
                ? Optional.of(base + value.asString().substring(canonical.length()))
                : Optional.empty();
    }

    private static Optional<JsonNode> read(String resource) {
        try (InputStream in = AsyncApiBundle.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(YAML.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
