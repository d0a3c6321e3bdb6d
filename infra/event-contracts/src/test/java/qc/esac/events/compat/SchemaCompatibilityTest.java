package qc.esac.events.compat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** Each breaking case is reported with its location; each compatible evolution passes. */
class SchemaCompatibilityTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String RELEASED = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "$id": "https://schemas.esac.quebec/schemas/test/thing-happened.v1.json",
              "title": "ThingHappened v1",
              "type": "object",
              "required": ["thingId", "status", "address", "tags", "lines"],
              "properties": {
                "thingId": {"type": "string", "minLength": 1},
                "status": {"type": "string", "enum": ["OPEN", "CLOSED"]},
                "note": {"type": "string", "maxLength": 200},
                "code": {"type": "string", "pattern": "^[A-Z]{3}$"},
                "count": {"type": "integer", "minimum": 0, "maximum": 10},
                "address": {
                  "type": "object",
                  "required": ["city"],
                  "properties": {
                    "city": {"type": "string"},
                    "postalCode": {"type": "string"}
                  }
                },
                "tags": {"type": "array", "items": {"type": "string"}},
                "lines": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "required": ["amount"],
                    "properties": {"amount": {"type": "number"}, "label": {"type": "string"}}
                  }
                }
              }
            }
            """;

    // ---- compatible evolutions ----

    @Test
    void identicalSchemaIsCompatible() {
        assertThat(breaking(s -> { })).isEmpty();
    }

    @Test
    void addingOptionalPropertiesAtAnyDepthIsCompatible() {
        assertThat(breaking(s -> {
            props(s).putObject("website").put("type", "string");
            props(s, "address").putObject("province").put("type", "string");
            ((ObjectNode) s.at("/properties/lines/items/properties")).putObject("taxCode").put("type", "string");
        })).isEmpty();
    }

    @Test
    void editingDocumentationIsCompatible() {
        assertThat(breaking(s -> {
            s.put("title", "Thing happened, version 1");
            s.put("description", "Now documented.");
            ((ObjectNode) s.at("/properties/thingId")).put("description", "Id of the thing");
            ((ObjectNode) s.at("/properties/thingId")).putArray("examples").add("t-1");
        })).isEmpty();
    }

    @Test
    void addingEnumValuesAndRelaxingBoundsIsCompatible() {
        assertThat(breaking(s -> {
            ((ArrayNode) s.at("/properties/status/enum")).add("ARCHIVED");
            ((ObjectNode) s.at("/properties/note")).put("maxLength", 500);
            ((ObjectNode) s.at("/properties/count")).put("minimum", -5).remove("maximum");
        })).isEmpty();
    }

    // ---- breaking changes ----

    @Test
    void removingAPropertyBreaks() {
        assertThat(breaking(s -> props(s).remove("note")))
                .containsExactly("$: property 'note' removed (a rename is a removal)");
    }

    @Test
    void renamingAPropertyBreaksAsARemoval() {
        assertThat(breaking(s -> props(s).set("comment", props(s).remove("note"))))
                .containsExactly("$: property 'note' removed (a rename is a removal)");
    }

    @Test
    void changingATypeBreaks() {
        assertThat(breaking(s -> ((ObjectNode) s.at("/properties/count")).put("type", "string")))
                .containsExactly("$.count: type changed from integer to string");
    }

    @Test
    void makingATypeNullableBreaks() {
        assertThat(breaking(s -> ((ObjectNode) s.at("/properties/note")).putArray("type").add("string").add("null")))
                .containsExactly("$.note: type changed from string to null|string");
    }

    @Test
    void makingAnOptionalPropertyRequiredBreaks() {
        assertThat(breaking(s -> ((ArrayNode) s.get("required")).add("note")))
                .containsExactly("$: optional property 'note' made required");
    }

    @Test
    void addingARequiredPropertyBreaks() {
        assertThat(breaking(s -> {
            props(s).putObject("owner").put("type", "string");
            ((ArrayNode) s.get("required")).add("owner");
        })).containsExactly("$: new required property 'owner' (add it as optional)");
    }

    @Test
    void makingARequiredPropertyOptionalBreaks() {
        assertThat(breaking(s -> ((ArrayNode) s.get("required")).remove(0)))
                .containsExactly("$: required property 'thingId' made optional (consumers rely on it being present)");
    }

    @Test
    void removingAnEnumValueBreaks() {
        assertThat(breaking(s -> ((ArrayNode) s.at("/properties/status/enum")).remove(1)))
                .containsExactly("$.status: enum value \"CLOSED\" removed");
    }

    @Test
    void introducingAnEnumBreaks() {
        assertThat(breaking(s -> ((ObjectNode) s.at("/properties/note")).putArray("enum").add("A")))
                .containsExactly("$.note: enum added, values now restricted to [\"A\"]");
    }

    @Test
    void turningAdditionalPropertiesFalseBreaks() {
        assertThat(breaking(s -> s.put("additionalProperties", false)))
                .containsExactly("$: additionalProperties turned false (consumers must be free to receive added properties)");
    }

    @Test
    void restrictingAdditionalPropertiesToASchemaBreaks() {
        assertThat(breaking(s -> ((ObjectNode) s.at("/properties/address")).putObject("additionalProperties")
                .put("type", "string")))
                .containsExactly("$.address: additionalProperties restricted to {\"type\":\"string\"}");
    }

    @Test
    void changingAKeywordTheCheckDoesNotAnalyseBreaks() {
        assertThat(breaking(s -> ((ObjectNode) s.at("/properties/note")).putArray("oneOf")
                .add(JSON.createObjectNode().put("maxLength", 5))))
                .singleElement().asString()
                .startsWith("$.note: oneOf changed from null to [{\"maxLength\":5}]")
                .endsWith("(not analysed by this check, so any change counts as breaking)");
    }

    @Test
    void changingAPatternBreaks() {
        assertThat(breaking(s -> ((ObjectNode) s.at("/properties/code")).put("pattern", "^[A-Z]{4}$")))
                .containsExactly("$.code: pattern changed from \"^[A-Z]{3}$\" to \"^[A-Z]{4}$\"");
    }

    @Test
    void tighteningOrAddingBoundsBreaks() {
        assertThat(breaking(s -> {
            ((ObjectNode) s.at("/properties/thingId")).put("minLength", 3);
            ((ObjectNode) s.at("/properties/note")).put("maxLength", 100);
            ((ObjectNode) s.at("/properties/tags")).put("minItems", 1);
        })).containsExactly(
                "$.thingId: minLength raised from 1 to 3",
                "$.note: maxLength lowered from 200 to 100",
                "$.tags: minItems added: 1");
    }

    @Test
    void changingTheIdBreaks() {
        assertThat(breaking(s -> s.put("$id", "https://schemas.esac.quebec/schemas/test/thing.v1.json")))
                .singleElement().asString().startsWith("$: $id changed from");
    }

    @Test
    void nestedObjectChangesAreFound() {
        assertThat(breaking(s -> {
            props(s, "address").remove("postalCode");
            ((ObjectNode) s.at("/properties/address/properties/city")).put("type", "integer");
            ((ArrayNode) s.at("/properties/address/required")).add("country");
        })).containsExactlyInAnyOrder(
                "$.address: property 'postalCode' removed (a rename is a removal)",
                "$.address.city: type changed from string to integer",
                "$.address: new required property 'country' (add it as optional)");
    }

    @Test
    void arrayItemChangesAreFound() {
        assertThat(breaking(s -> {
            ((ObjectNode) s.at("/properties/tags/items")).put("type", "integer");
            ((ObjectNode) s.at("/properties/lines/items/properties")).remove("label");
            ((ArrayNode) s.at("/properties/lines/items/required")).add("currency");
        })).containsExactlyInAnyOrder(
                "$.tags[*]: type changed from string to integer",
                "$.lines[*]: property 'label' removed (a rename is a removal)",
                "$.lines[*]: new required property 'currency' (add it as optional)");
    }

    @Test
    void definitionsAreComparedToo() {
        JsonNode released = parse("""
                {"$defs": {"money": {"type": "number"}, "gone": {"type": "string"}},
                 "type": "object", "properties": {"price": {"$ref": "#/$defs/money"}}}""");
        JsonNode current = parse("""
                {"$defs": {"money": {"type": "string"}},
                 "type": "object", "properties": {"price": {"$ref": "#/$defs/money"}}}""");

        assertThat(SchemaCompatibility.breakingChanges(released, current)).containsExactlyInAnyOrder(
                "$.$defs.money: type changed from number to string",
                "$.$defs.gone: definition removed");
    }

    @Test
    void everyBreakingChangeIsReportedNotJustTheFirst() {
        assertThat(breaking(s -> {
            props(s).remove("note");
            ((ObjectNode) s.at("/properties/count")).put("type", "number");
            s.put("additionalProperties", false);
        })).hasSize(3);
    }

    private static List<String> breaking(Consumer<ObjectNode> change) {
        ObjectNode current = (ObjectNode) parse(RELEASED);
        change.accept(current);
        return SchemaCompatibility.breakingChanges(parse(RELEASED), current);
    }

    private static ObjectNode props(ObjectNode schema) {
        return (ObjectNode) schema.get("properties");
    }

    private static ObjectNode props(ObjectNode schema, String property) {
        return (ObjectNode) schema.at("/properties/" + property + "/properties");
    }

    private static JsonNode parse(String json) {
        return JSON.readTree(json);
    }
}
