package qc.esac.events;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import qc.esac.events.membership.OrganizationRegistered;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.InputStream;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/** Every catalogued type has a schema that matches its record, so producers and the published contract agree. */
class EventCatalogTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void catalogIsNotEmptyAndEachRecordHasOneType() {
        assertThat(EventCatalog.all()).isNotEmpty();
        assertThat(EventCatalog.all()).extracting(EventDescriptor::dataClass).doesNotHaveDuplicates();
    }

    @TestFactory
    Stream<DynamicTest> everyDescriptorHasAMatchingSchema() {
        return EventCatalog.all().stream().flatMap(descriptor -> Stream.of(
                dynamicTest(descriptor.type() + ": schema resource exists", () -> {
                    try (InputStream in = getClass().getClassLoader().getResourceAsStream(descriptor.schemaPath())) {
                        assertThat(in).as(descriptor.schemaPath()).isNotNull();
                    }
                }),
                dynamicTest(descriptor.type() + ": $id is the dataschema URI", () ->
                        assertThat(EventSchemas.schemaDocument(descriptor).path("$id").asString())
                                .isEqualTo(descriptor.dataSchema().toString())),
                dynamicTest(descriptor.type() + ": schema properties are the record components", () ->
                        assertThat(schemaPropertyNames(descriptor)).isEqualTo(recordComponentNames(descriptor))),
                // Within a version, properties added later are optional (nullable components); the released ones
                // stay as they were (ReleasedSchemasCompatibilityTest).
                dynamicTest(descriptor.type() + ": required properties are record components", () ->
                        assertThat(recordComponentNames(descriptor)).containsAll(requiredNames(descriptor))),
                dynamicTest(descriptor.type() + ": a serialized sample validates", () -> {
                    byte[] json = JSON.writeValueAsBytes(EventSamples.of(descriptor.dataClass()));
                    assertThat(EventSchemas.validate(descriptor, json)).isNotNull();
                    assertThat(EventSchemas.violations(descriptor, JSON.readTree(json))).isEmpty();
                }),
                dynamicTest(descriptor.type() + ": the schema does not forbid additional properties", () ->
                        assertThat(EventSchemas.schemaDocument(descriptor).path("additionalProperties").asBoolean(true))
                                .as("consumers must tolerate additive fields").isTrue())));
    }

    @Test
    void organizationRegisteredWithBadNeqAndMissingFieldIsRejected() {
        ObjectNode data = JSON.valueToTree(EventSamples.ORGANIZATION_REGISTERED);
        data.put("neq", "117-123-4567");
        data.remove("legalName");
        EventDescriptor descriptor = EventCatalog.of(OrganizationRegistered.class);

        assertThatThrownBy(() -> EventSchemas.validate(descriptor, data))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> {
                    assertThat(e.type()).isEqualTo(descriptor.type());
                    assertThat(e.violations()).hasSize(2);
                    assertThat(e.violations()).anySatisfy(v -> assertThat(v).contains("neq").contains("pattern"));
                    assertThat(e.violations()).anySatisfy(v -> assertThat(v).contains("legalName"));
                    assertThat(e.getMessage()).contains(descriptor.type()).contains("2 violations")
                            .contains("neq").contains("legalName");
                });
    }

    @Test
    void organizationRegisteredRejectsRegionOutsideOneToSeventeenAndEmptyLegalName() {
        ObjectNode data = JSON.valueToTree(EventSamples.ORGANIZATION_REGISTERED);
        data.put("regionCode", "18");
        data.put("legalName", "");

        assertThat(EventSchemas.violations(EventCatalog.of(OrganizationRegistered.class), data))
                .hasSize(2)
                .anySatisfy(v -> assertThat(v).contains("regionCode"))
                .anySatisfy(v -> assertThat(v).contains("legalName"));
    }

    private static Set<String> schemaPropertyNames(EventDescriptor descriptor) {
        Set<String> names = new HashSet<>();
        EventSchemas.schemaDocument(descriptor).path("properties").propertyNames().forEach(names::add);
        return names;
    }

    private static Set<String> requiredNames(EventDescriptor descriptor) {
        Set<String> names = new HashSet<>();
        EventSchemas.schemaDocument(descriptor).path("required").forEach(name -> names.add(name.asString()));
        return names;
    }

    private static Set<String> recordComponentNames(EventDescriptor descriptor) {
        assertThat(descriptor.dataClass().isRecord()).as(descriptor.dataClass() + " is a record").isTrue();
        Set<String> names = new HashSet<>();
        Arrays.stream(descriptor.dataClass().getRecordComponents()).forEach(c -> names.add(c.getName()));
        return names;
    }
}
