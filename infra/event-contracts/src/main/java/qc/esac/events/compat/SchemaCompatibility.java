package qc.esac.events.compat;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares the released JSON Schema of an event type with its current one and lists the changes
 * that would break a consumer of that type.
 *
 * <p>Events stay on their topic and are replayed, and consumers upgrade when they like, so a
 * change must hold both ways: events already published must still validate, and a consumer
 * written against the released schema must still find what it was promised (same properties,
 * same types, required ones present). Within a version that leaves adding optional properties,
 * adding enum values (consumers must tolerate values they do not know), relaxing bounds and
 * editing documentation. Anything else needs a new type version ({@code .v2}).
 *
 * <p>The keywords our event schemas use are analysed; any other keyword (say {@code oneOf}) is
 * compared as a whole and any difference counts as breaking, so the check fails closed.
 */
public final class SchemaCompatibility {

    private static final JsonNode ANY = JsonNodeFactory.instance.objectNode();

    /** Documentation only: free to change. */
    private static final Set<String> ANNOTATIONS =
            Set.of("title", "description", "examples", "$comment", "deprecated", "default", "readOnly", "writeOnly");
    /** Lower bounds: raising or introducing one rejects values that used to be valid. */
    private static final List<String> LOWER_BOUNDS =
            List.of("minLength", "minimum", "exclusiveMinimum", "minItems", "minProperties");
    /** Upper bounds: lowering or introducing one rejects values that used to be valid. */
    private static final List<String> UPPER_BOUNDS =
            List.of("maxLength", "maximum", "exclusiveMaximum", "maxItems", "maxProperties");
    /** Constraints that cannot be ordered: changing or introducing one may reject old values; dropping one relaxes. */
    private static final List<String> EXACT = List.of("$ref", "const", "pattern", "format", "multipleOf");
    /** Keywords analysed one by one below; every other keyword is compared as a whole. */
    private static final Set<String> ANALYSED = analysed();

    private SchemaCompatibility() {
    }

    /**
     * The breaking changes from {@code released} to {@code current}, each as
     * {@code "<location>: <what changed>"} (location {@code $} is the event data, {@code $.a.b} a
     * nested property, {@code [*]} an array's items); empty when the change is compatible.
     */
    public static List<String> breakingChanges(JsonNode released, JsonNode current) {
        List<String> changes = new ArrayList<>();
        compare("$", released, current, changes);
        return List.copyOf(changes);
    }

    private static void compare(String at, JsonNode released, JsonNode current, List<String> changes) {
        if (!released.isObject() || !current.isObject()) {
            // Boolean schemas (true/false): nothing finer to compare than equality.
            if (!released.equals(current)) {
                changes.add(at + ": schema changed from " + released + " to " + current);
            }
            return;
        }
        compareId(at, released, current, changes);
        compareTypes(at, released, current, changes);
        compareEnums(at, released, current, changes);
        compareConstraints(at, released, current, changes);
        compareProperties(at, released, current, changes);
        compareRequired(at, released, current, changes);
        compareAdditionalProperties(at, released, current, changes);
        compareSubschemas(at, released, current, changes);
        compareOtherKeywords(at, released, current, changes);
    }

    private static void compareId(String at, JsonNode released, JsonNode current, List<String> changes) {
        if (!Objects.equals(released.get("$id"), current.get("$id"))) {
            changes.add(at + ": $id changed from " + released.get("$id") + " to " + current.get("$id")
                    + " (consumers see it as the dataschema URI)");
        }
    }

    private static void compareTypes(String at, JsonNode released, JsonNode current, List<String> changes) {
        Set<String> before = types(released);
        Set<String> after = types(current);
        if (!before.equals(after)) {
            changes.add(at + ": type changed from " + describe(before) + " to " + describe(after));
        }
    }

    private static void compareEnums(String at, JsonNode released, JsonNode current, List<String> changes) {
        if (!current.has("enum")) {
            return;
        }
        if (!released.has("enum")) {
            changes.add(at + ": enum added, values now restricted to " + current.get("enum"));
            return;
        }
        Set<JsonNode> kept = new LinkedHashSet<>();
        current.get("enum").forEach(kept::add);
        released.get("enum").forEach(value -> {
            if (!kept.contains(value)) {
                changes.add(at + ": enum value " + value + " removed");
            }
        });
    }

    private static void compareConstraints(String at, JsonNode released, JsonNode current, List<String> changes) {
        for (String keyword : EXACT) {
            JsonNode before = released.get(keyword);
            JsonNode after = current.get(keyword);
            if (after != null && !after.equals(before)) {
                changes.add(at + ": " + (before == null ? keyword + " added: " + after
                        : keyword + " changed from " + before + " to " + after));
            }
        }
        for (String keyword : LOWER_BOUNDS) {
            JsonNode before = released.get(keyword);
            JsonNode after = current.get(keyword);
            if (after != null && (before == null || after.decimalValue().compareTo(before.decimalValue()) > 0)) {
                changes.add(at + ": " + (before == null ? keyword + " added: " + after
                        : keyword + " raised from " + before + " to " + after));
            }
        }
        for (String keyword : UPPER_BOUNDS) {
            JsonNode before = released.get(keyword);
            JsonNode after = current.get(keyword);
            if (after != null && (before == null || after.decimalValue().compareTo(before.decimalValue()) < 0)) {
                changes.add(at + ": " + (before == null ? keyword + " added: " + after
                        : keyword + " lowered from " + before + " to " + after));
            }
        }
        if (current.path("uniqueItems").asBoolean(false) && !released.path("uniqueItems").asBoolean(false)) {
            changes.add(at + ": uniqueItems turned true");
        }
    }

    private static void compareProperties(String at, JsonNode released, JsonNode current, List<String> changes) {
        JsonNode after = current.path("properties");
        released.path("properties").properties().forEach(property -> {
            String name = property.getKey();
            if (!after.has(name)) {
                changes.add(at + ": property '" + name + "' removed (a rename is a removal)");
            } else {
                compare(at + "." + name, property.getValue(), after.get(name), changes);
            }
        });
    }

    private static void compareRequired(String at, JsonNode released, JsonNode current, List<String> changes) {
        Set<String> before = names(released.path("required"));
        Set<String> after = names(current.path("required"));
        for (String name : after) {
            if (!before.contains(name)) {
                // Either way, events already on the topic lack the property and would now be rejected.
                changes.add(released.path("properties").has(name)
                        ? at + ": optional property '" + name + "' made required"
                        : at + ": new required property '" + name + "' (add it as optional)");
            }
        }
        for (String name : before) {
            // A removed property is reported once, as removed.
            if (!after.contains(name) && current.path("properties").has(name)) {
                changes.add(at + ": required property '" + name + "' made optional (consumers rely on it being present)");
            }
        }
    }

    private static void compareAdditionalProperties(String at, JsonNode released, JsonNode current,
                                                    List<String> changes) {
        JsonNode before = released.get("additionalProperties");
        JsonNode after = current.get("additionalProperties");
        boolean restricts = after != null && !(after.isBoolean() && after.asBoolean());
        if (restricts && !after.equals(before)) {
            changes.add(at + (after.isBoolean()
                    ? ": additionalProperties turned false (consumers must be free to receive added properties)"
                    : ": additionalProperties restricted to " + after));
        }
    }

    private static void compareSubschemas(String at, JsonNode released, JsonNode current, List<String> changes) {
        if (released.has("items") || current.has("items")) {
            compare(at + "[*]", released.path("items").isMissingNode() ? ANY : released.get("items"),
                    current.path("items").isMissingNode() ? ANY : current.get("items"), changes);
        }
        JsonNode after = current.path("$defs");
        released.path("$defs").properties().forEach(definition -> {
            String where = at + ".$defs." + definition.getKey();
            if (!after.has(definition.getKey())) {
                changes.add(where + ": definition removed");
            } else {
                compare(where, definition.getValue(), after.get(definition.getKey()), changes);
            }
        });
    }

    private static void compareOtherKeywords(String at, JsonNode released, JsonNode current, List<String> changes) {
        Set<String> keywords = new TreeSet<>(released.propertyNames());
        keywords.addAll(current.propertyNames());
        keywords.removeAll(ANALYSED);
        for (String keyword : keywords) {
            if (!Objects.equals(released.get(keyword), current.get(keyword))) {
                changes.add(at + ": " + keyword + " changed from " + released.get(keyword) + " to "
                        + current.get(keyword) + " (not analysed by this check, so any change counts as breaking)");
            }
        }
    }

    private static Set<String> types(JsonNode schema) {
        JsonNode type = schema.get("type");
        Set<String> types = new TreeSet<>();
        if (type != null && type.isArray()) {
            type.forEach(t -> types.add(t.asString()));
        } else if (type != null) {
            types.add(type.asString());
        }
        return types;
    }

    private static String describe(Set<String> types) {
        return types.isEmpty() ? "any" : String.join("|", types);
    }

    private static Set<String> names(JsonNode array) {
        Set<String> names = new LinkedHashSet<>();
        array.forEach(name -> names.add(name.asString()));
        return names;
    }

    private static Set<String> analysed() {
        Set<String> keywords = new TreeSet<>(ANNOTATIONS);
        keywords.addAll(LOWER_BOUNDS);
        keywords.addAll(UPPER_BOUNDS);
        keywords.addAll(EXACT);
        keywords.addAll(List.of("$id", "type", "enum", "uniqueItems", "properties", "required",
                "additionalProperties", "items", "$defs"));
        return Set.copyOf(keywords);
    }
}
