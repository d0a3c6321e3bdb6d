package qc.esac.events;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The AsyncAPI document as the gateway serves it: self-contained, naming the schemas where they are served. */
class AsyncApiBundleTest {

    private static final URI LOCAL = URI.create("http://127.0.0.1:8080");
    /** Where CI's linters (infra/contracts-lint, npm run lint:asyncapi) read the bundle. */
    private static final Path LINTED = Path.of("target", "asyncapi", "asyncapi.bundled.yaml");

    private static JsonNode bundle;

    @BeforeAll
    static void bundle() throws IOException {
        String yaml = AsyncApiBundle.yaml(LOCAL);
        Files.createDirectories(LINTED.getParent());
        Files.writeString(LINTED, yaml);
        bundle = YAMLMapper.builder().build().readTree(yaml);
    }

    @Test
    void hasNoReferenceOutsideItselfAndEveryReferenceResolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(bundle, refs);

        assertThat(refs).isNotEmpty().allSatisfy(ref -> {
            assertThat(ref).startsWith("#/");
            assertThat(bundle.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
        });
    }

    @Test
    void everyMessagePayloadIsItsSchemaWithItsServedAddressAsIdAndInTheDataschemaHeader() {
        for (EventDescriptor descriptor : EventCatalog.all()) {
            JsonNode message = messageNamed(descriptor.type());
            JsonNode payload = bundle.at(message.at("/payload/$ref").asString().substring(1));
            String address = "http://127.0.0.1:8080/" + descriptor.schemaPath();

            assertThat(payload.path("$id").asString()).as(descriptor.type()).isEqualTo(address);
            assertThat(payload.path("properties").isObject()).isTrue();
            assertThat(message.at("/headers/allOf/1/properties/ce_dataschema/const").asString()).isEqualTo(address);
            assertThat(descriptor.dataSchema(LOCAL).toString()).isEqualTo(address);
        }
    }

    @Test
    void namesNoSchemaByItsCanonicalId() {
        assertThat(AsyncApiBundle.yaml(LOCAL)).doesNotContain(EventDescriptor.CANONICAL_SCHEMA_BASE.toString());
    }

    @Test
    void servesEachSchemaWithItsAddressAsIdAndNothingElse() {
        String path = EventCatalog.all().iterator().next().schemaPath();

        assertThat(AsyncApiBundle.schema(path, URI.create("https://api.example.org/esac/")))
                .hasValueSatisfying(schema -> assertThat(schema.path("$id").asString())
                        .isEqualTo("https://api.example.org/esac/" + path));
        assertThat(AsyncApiBundle.schema("schemas/../asyncapi.yaml", LOCAL)).isEmpty();
        assertThat(AsyncApiBundle.schema("asyncapi.yaml", LOCAL)).isEmpty();
        assertThat(AsyncApiBundle.schema("schemas/membership/nothing.v1.json", LOCAL)).isEmpty();
    }

    private static JsonNode messageNamed(String type) {
        for (JsonNode message : bundle.at("/components/messages")) {
            if (message.path("name").asString().equals(type)) {
                return message;
            }
        }
        throw new AssertionError("no message " + type);
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject() && node.has("$ref")) {
            refs.add(node.get("$ref").asString());
        }
        node.forEach(child -> collectRefs(child, refs));
    }
}
