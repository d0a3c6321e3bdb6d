package qc.esac.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A partner's view of the event contracts at the gateway: the AsyncAPI document reads on its own, and every
 * schema is at the address its events' {@code ce_dataschema} (and the document) name.
 */
class EventContractsIT extends GatewayIT {

    /** The deployment's public URL in these tests (GatewayIT sets it as esac.events.schema-base-url). */
    static final String SCHEMA_BASE_URL = "https://passerelle.esac.test/";

    @Test
    void theAsyncApiDocumentIsSelfContained() {
        JsonNode document = served();
        List<String> refs = new ArrayList<>();
        collectRefs(document, refs);

        assertThat(refs).isNotEmpty().allSatisfy(ref -> {
            assertThat(ref).startsWith("#/");
            assertThat(document.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
        });
    }

    @Test
    void everyDataschemaTheDocumentNamesIsServedThereWithThatId() {
        List<String> addresses = new ArrayList<>();
        served().at("/components/messages").forEach(message -> {
            String address = message.at("/headers/allOf/1/properties/ce_dataschema/const").asString();
            if (!address.isEmpty()) {
                addresses.add(address);
            }
        });
        assertThat(addresses).hasSizeGreaterThanOrEqualTo(50).allSatisfy(a -> assertThat(a).startsWith(SCHEMA_BASE_URL));

        for (String address : addresses) {
            String body = client.get().uri(URI.create(address).getPath()).exchange().expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("application/schema+json"))
                    .expectBody(String.class).returnResult().getResponseBody();
            JsonNode schema = JsonMapper.builder().build().readTree(body);
            assertThat(schema.path("$id").asString()).isEqualTo(address);
            assertThat(schema.path("$schema").asString()).contains("json-schema.org");
        }
    }

    @Test
    void onlyEventSchemasAreServedUnderSchemas() {
        client.get().uri("/schemas/membership/nothing.v1.json").exchange().expectStatus().isNotFound();
        // An encoded slash never reaches the controller (the gateway refuses it first).
        client.get().uri("/schemas/..%2Fasyncapi.yaml/x.json").exchange().expectStatus().is4xxClientError();
        client.get().uri("/schemas/membership/asyncapi.yaml").exchange().expectStatus().isNotFound();
    }

    private JsonNode served() {
        String yaml = client.get().uri(ASYNCAPI_PATH).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        return YAMLMapper.builder().build().readTree(yaml);
    }

    private static final String ASYNCAPI_PATH = "/api-docs/events/asyncapi.yaml";

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject() && node.has("$ref")) {
            refs.add(node.get("$ref").asString());
        }
        node.forEach(child -> collectRefs(child, refs));
    }
}
